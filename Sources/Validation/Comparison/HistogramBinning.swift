/// How the feature histograms behind the separation power are binned.
///
/// - `quantile`: 40 uniform bins between the pooled 0.1 % and 99.9 % quantiles of both samples;
///   values outside are clipped into the edge bins (CaloTwin's own choice, any geometry).
/// - `caloChallenge`: the bins of CaloChallenge's `evaluate.py` (`evaluate_plotting_helper.py`) for the
///   features it histograms, so that separation powers are the numbers it prints; values outside the
///   range are dropped and each histogram is normalised over what is left, as `np.histogram(...,
///   density=True)` does. Other features (E_inc, E_sum, hits) keep the quantile binning. Needs
///   CaloChallenge voxel files. See `Comparator.featureBinning` for the table of ranges.
/// - `automatic`: `caloChallenge` for voxel files, `quantile` for Cartesian ones (the default).
public enum HistogramBinning: String, Sendable, Codable, CaseIterable {
  /// CaloChallenge binning for voxel files, quantile binning otherwise.
  case automatic
  /// Pooled-quantile range, clipped (CaloTwin).
  case quantile
  /// `evaluate.py`'s fixed and log-spaced edges, out-of-range values dropped.
  case caloChallenge
}
