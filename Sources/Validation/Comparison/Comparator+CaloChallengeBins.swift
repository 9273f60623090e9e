internal import Foundation

extension Comparator {
  /// The histogram rule of column `index` of group `group` under `mode`.
  ///
  /// CaloChallenge rules (`evaluate_plotting_helper.py` at HEAD; dataset-1 ranges apply when the binning's
  /// particle is a photon or pion, `CaloChallengeBinning.isDataset1`, else the dataset-2/3 ranges):
  ///
  /// | feature | edges | ds 2/3 range | ds 1 range |
  /// |---|---|---|---|
  /// | `E_sum/E_inc` | 101 linear (100 bins) | [0.5, 1.5] | [0.5, 1.5] |
  /// | `E_layer[l]` | 40 log-spaced (39 bins) | [min_energy, reference max] MeV | same |
  /// | voxel energies | 50 log-spaced (49 bins) | [min_energy, reference max] MeV | same (`VoxelEnergyComparison`) |
  /// | `EC_x`, `EC_y` | 101 linear | [−30, 30] mm | [−500, 500] layers 12/13, else [−100, 100] |
  /// | `W_x`, `W_y` | 101 linear | [0, 30] mm | [0, 400] layers 12/13, else [0, 100] |
  /// | `EC_r`, `W_r` | 101 linear | [0, 42], [0, 20] mm | quantile (no range published) |
  /// | `sparsity` | 21 linear (20 bins) | [0, 1] | [0, 1] |
  ///
  /// Under `CellSummation.float32` (the schema's default) `E_layer` is a float32 sum and its top exponent
  /// is `log10` of the float32 maximum (`.logarithmicFromFloat32`), as in evaluate.py.
  ///
  /// In a condition bin with a finite energy range, a dataset-1 `E_sum/E_inc` gets `evaluate.py`'s
  /// per-energy bins (`plot_Etot_Einc_discrete`): 20 bins on [0.4, 1.4], or on [0.9, 1.1] for photons
  /// from 4096 MeV up (the bin's centre decides).
  ///
  /// `min_energy` is `evaluate.py`'s readout cut: the table's `cellThreshold` (as the exact Double
  /// `0.5e-3 / 0.033` or 1 MeV when it is the binning's readout cut), or the binning's readout cut when
  /// the table was not cut (`cellThreshold` 0; `log10(0)` has no edge). Everything else, and every
  /// column of a Cartesian schema or under `.quantile`, gets `.quantile`.
  public static func featureBinning(
    group: String, index: Int, schema: FeatureSchema, cellThreshold: Float, mode: HistogramBinning,
    bin: ConditionBin = ConditionBin(label: "all")
  ) -> FeatureBinning {
    guard mode != .quantile, let binning = schema.binning else { return .quantile }
    let ds1 = binning.isDataset1
    func uniform(_ low: Double, _ high: Double, _ bins: Int = 100) -> FeatureBinning {
      .fixed(.uniform(from: low, to: high, bins: bins))
    }
    func outer(_ k: Int) -> Bool { [12, 13].contains(binning.alphaBinnedLayers[k].id) }
    switch group {
    case "E_sum/E_inc":
      let energy = bin.energy
      guard ds1, energy.lower.isFinite, energy.upper.isFinite else { return uniform(0.5, 1.5) }
      return binning.particleCode == 22 && (energy.lower + energy.upper) / 2 >= 3000
        ? uniform(0.9, 1.1, 20) : uniform(0.4, 1.4, 20)
    case "E_layer":
      guard let low = minimumEnergy(binning, cellThreshold) else { return .quantile }
      return schema.summation == .float32
        ? .logarithmicFromFloat32(low: low, edges: 40) : .logarithmic(low: low, edges: 40)
    case "EC_x", "EC_y":
      let limit = ds1 ? (outer(index) ? 500.0 : 100) : 30
      return uniform(-limit, limit)
    case "W_x", "W_y": return uniform(0, ds1 ? (outer(index) ? 400 : 100) : 30)
    case "EC_r": return ds1 ? .quantile : uniform(0, 42)
    case "W_r": return ds1 ? .quantile : uniform(0, 20)
    case "sparsity": return uniform(0, 1, 20)
    default: return .quantile
    }
  }

  /// `evaluate.py`'s `min_energy` (MeV) for a table cut at `cellThreshold`, or `nil` when there is none.
  static func minimumEnergy(_ binning: CaloChallengeBinning, _ cellThreshold: Float) -> Double? {
    let cut = binning.readoutCut
    if let cut, Float(cut) == cellThreshold { return cut }
    if cellThreshold > 0 { return Double(cellThreshold) }
    return cut
  }

  /// Histogram, counts and out-of-range fractions of two sorted samples under `rule`.
  @_optimize(speed)
  static func histogram(_ rule: FeatureBinning, _ a: [Double], _ b: [Double], _ c: Configuration)
    -> BinnedFeature
  {
    let h: Histogram
    switch rule {
    case .quantile:
      let q = binning(a, b, bins: c.histogramBins, quantile: c.histogramQuantile)
      return BinnedFeature(
        histogram: q, reference: q.counts(of: a, clipping: true), candidate: q.counts(of: b, clipping: true),
        referenceOutside: 0, candidateOutside: 0)
    case .fixed(let edges): h = edges
    case .logarithmic(let low, let n), .logarithmicFromFloat32(let low, let n):
      let float32 = if case .logarithmicFromFloat32 = rule { true } else { false }
      guard
        let logarithmic = Histogram.logarithmic(
          from: low, to: a.last(where: { !$0.isNaN }) ?? low, edges: n, float32Maximum: float32)
      else { return histogram(.quantile, a, b, c) }
      h = logarithmic
    }
    let ca = h.counts(of: a), cb = h.counts(of: b)
    func outside(_ counts: [Double], _ values: [Double]) -> Double {
      let n = values.reduce(0) { $1.isNaN ? $0 : $0 + 1 }
      return n > 0 ? 1 - counts.reduce(0, +) / Double(n) : 0
    }
    return BinnedFeature(
      histogram: h, reference: ca, candidate: cb, referenceOutside: outside(ca, a),
      candidateOutside: outside(cb, b))
  }

  /// A feature's histogram under one rule.
  struct BinnedFeature {
    var histogram: Histogram
    var reference: [Double], candidate: [Double]
    var referenceOutside: Double, candidateOutside: Double
    var separationPower: Double { Histogram.separationPower(reference, candidate) }
  }
}
