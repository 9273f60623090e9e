public import Core
internal import Foundation

/// Compares a candidate sample's features with a reference's, bin by bin.
///
/// ```swift
/// let result = try await Comparator(configuration: .init()).compare(reference: sim, candidate: gen)
/// print(result.bins[0].feature("E_sum/E_inc")!.separationPower)
/// ```
public struct Comparator: Sendable {
  /// Settings of a comparison; the initialiser holds the defaults.
  public struct Configuration: Sendable, Codable, Equatable {
    /// Condition bins; `nil` uses `ConditionBin.defaults(for:)` of the reference.
    public var bins: [ConditionBin]? = nil
    /// Histogram binning of the separation powers (default `.automatic`: CaloChallenge's bins for
    /// voxel files, quantile bins for Cartesian files).
    public var histogramBinning = HistogramBinning.automatic
    /// Histogram bins per feature under quantile binning.
    public var histogramBins = 40
    /// Quantile binning range: from this quantile to 1 − it, over both samples; outside values are clipped.
    public var histogramQuantile = 0.001
    /// Showers of each sample a bin needs to be compared.
    public var minimumShowers = 50
    /// Whether to compute FPD and KPD.
    public var distances = true
    /// FPD/KPD settings.
    public var physics = PhysicsDistances.Configuration()

    /// The defaults above.
    public init() {}
  }

  /// Settings.
  public var configuration: Configuration

  /// Creates a comparator.
  public init(configuration: Configuration = .init()) { self.configuration = configuration }

  /// Compares two samples.
  ///
  /// - Throws: `ValidationError` `.emptySample`, `.geometryMismatch` or `.noOverlappingBins`.
  public func compare(reference: FeatureTable, candidate: FeatureTable) async throws(ValidationError)
    -> SampleComparison
  {
    try check(reference: reference, candidate: candidate)
    let bins = try selectBins(reference: reference, candidate: candidate)
    let configuration = configuration
    let compared = await withTaskGroup(of: (Int, BinComparison).self) { group in
      for (k, selection) in bins.enumerated() {
        group.addTask {
          (k, Self.compareBin(selection.0, reference, selection.1, candidate, selection.2, configuration))
        }
      }
      var out: [(Int, BinComparison)] = []
      for await r in group { out.append(r) }
      return out.sorted { $0.0 < $1.0 }.map(\.1)
    }
    var result = SampleComparison(
      layout: reference.schema.binning == nil ? reference.schema.layout : nil,
      geometry: reference.schema.geometryDescription, referenceCount: reference.count,
      candidateCount: candidate.count,
      bins: compared, fpd: nil, kpd: nil, highLevelDimension: HighLevelFeatures.dimension(reference.schema),
      cellThreshold: Double(reference.cellThreshold))
    result.histogramBinning = reference.schema.binning == nil ? .quantile : configuration.histogramBinning
    if result.histogramBinning == .automatic { result.histogramBinning = .caloChallenge }
    if configuration.distances {
      let d = result.highLevelDimension
      let (x, y) = PhysicsDistances.normalise(
        reference: HighLevelFeatures.rows(reference), candidate: HighLevelFeatures.rows(candidate),
        dimension: d)
      result.fpd = await PhysicsDistances.fpd(
        reference: x, candidate: y, dimension: d, configuration: configuration.physics)
      result.kpd = await PhysicsDistances.kpd(
        reference: x, candidate: y, dimension: d, configuration: configuration.physics)
    }
    return result
  }

  func check(reference: FeatureTable, candidate: FeatureTable) throws(ValidationError) {
    guard reference.count > 0 else {
      throw ValidationError(.emptySample, "the reference sample holds no shower", context: "reference")
    }
    guard candidate.count > 0 else {
      throw ValidationError(.emptySample, "the candidate sample holds no shower", context: "candidate")
    }
    guard reference.schema == candidate.schema else {
      throw ValidationError(
        .geometryMismatch,
        "reference has \(reference.schema.geometryDescription), candidate "
          + "\(candidate.schema.geometryDescription) (or other feature settings); compare like with like")
    }
    guard configuration.histogramBinning != .caloChallenge || reference.schema.binning != nil else {
      throw ValidationError(
        .invalidConfiguration,
        "CaloChallenge histogram binning needs CaloChallenge voxel files, the samples have "
          + "\(reference.schema.geometryDescription); use the quantile (or automatic) binning")
    }
    guard reference.cellThreshold == candidate.cellThreshold else {
      throw ValidationError(
        .invalidConfiguration,
        "the reference cuts cells below \(reference.cellThreshold) MeV, the candidate below "
          + "\(candidate.cellThreshold) MeV; apply one cell threshold to both samples")
    }
  }

  /// The bins to compare with their row selections.
  func selectBins(reference: FeatureTable, candidate: FeatureTable) throws(ValidationError)
    -> [(ConditionBin, [Int], [Int])]
  {
    let all = configuration.bins ?? ConditionBin.defaults(for: reference)
    var kept: [(ConditionBin, [Int], [Int])] = []
    var summary: [String] = []
    var coverageDiffers = false
    for bin in all {
      let r = bin.rows(of: reference), c = bin.rows(of: candidate)
      summary.append("\(bin.label): \(r.count)/\(c.count)")
      let enoughReference = r.count >= configuration.minimumShowers
      let enoughCandidate = c.count >= configuration.minimumShowers
      if enoughReference && enoughCandidate { kept.append((bin, r, c)) }
      if enoughReference != enoughCandidate { coverageDiffers = true }
    }
    let conditional = kept.filter { $0.0.energy != .all || $0.0.theta != .all }
    let wanted = all.contains { $0.energy != .all || $0.theta != .all }
    // The unbinned comparison is only meaningful when both samples cover the same conditions: when
    // a bin is populated in one sample and not the other, `all` would compare different mixtures.
    if coverageDiffers && !conditional.isEmpty {
      kept.removeAll { $0.0.energy == .all && $0.0.theta == .all }
    }
    if kept.isEmpty || (wanted && conditional.isEmpty) {
      throw ValidationError(
        .noOverlappingBins,
        "no energy/angle bin holds \(configuration.minimumShowers) showers of both samples "
          + "(reference/candidate per bin: \(summary.joined(separator: ", "))); generate the candidate "
          + "at the reference's energies and angles, or lower minimumShowers")
    }
    return kept
  }
}
