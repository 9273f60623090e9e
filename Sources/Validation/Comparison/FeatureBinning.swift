/// The histogram rule of one feature column, as `Comparator.featureBinning` picks it.
public enum FeatureBinning: Sendable, Equatable {
  /// Uniform bins between the pooled quantiles of both samples; outside values clipped.
  case quantile
  /// Fixed edges; values outside `[first, last]` dropped (`np.histogram`).
  case fixed(Histogram)
  /// `edges` log-spaced edges from `low` to the reference sample's maximum
  /// (`np.logspace(log10(low), log10(max), edges)`); values outside dropped. `low` in the unit of the
  /// feature (MeV for `E_layer`).
  case logarithmic(low: Double, edges: Int)
  /// As `.logarithmic`, for float32 values (`CellSummation.float32`): the top exponent is `log10` of the
  /// maximum computed in float32, as `np.log10` of a float32 array's maximum in evaluate.py.
  case logarithmicFromFloat32(low: Double, edges: Int)

  /// Whether values outside the edges are dropped (CaloChallenge) rather than clipped.
  public var dropsOutside: Bool {
    if case .quantile = self { return false }
    return true
  }
}
