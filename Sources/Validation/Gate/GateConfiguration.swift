public import Core

/// What the quality gate checks and how strict it is. Decodes from YAML/JSON stating only changes.
///
/// Each rule's threshold is `factor × floor + tolerance`, where the floor is the largest value the
/// metric took in `rounds` bootstrap comparisons of the reference against itself, at the sizes of
/// the two samples: the statistical floor. A rule with `maximum` uses that fixed threshold instead.
///
/// ```yaml
/// factor: 2
/// rules:
///   - { metric: relativeMeanError, feature: "E_sum/E_inc", tolerance: 0.01 }
///   - { metric: fpd, maximum: 0.05 }
///   - { metric: classifierAUC, maximum: 0.6 }   # checked only when the classifier ran
/// ```
public struct GateConfiguration: Sendable, Codable, Equatable {
  /// Multiplier of the bootstrap floor.
  public var factor = 2.0
  /// Bootstrap rounds per bin.
  public var rounds = 20
  /// Seed of the bootstrap.
  public var seed: UInt64 = 1
  /// Checked metrics (default: `GateRule.defaults`; for CaloChallenge voxels the gate swaps these
  /// defaults for `GateRule.cylindricalDefaults`).
  public var rules: [GateRule] = GateRule.defaults

  /// The defaults above.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable { case factor, rounds, seed, rules }

  /// Decodes, keeping the default of every key not given.
  ///
  /// - Throws: `DecodingError` at the key for an unknown key (with its near miss), a wrong type, a
  ///   `factor` that is not positive or `rounds` below 2.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init()
    factor = try c.decodeIfPresent(Double.self, forKey: .factor) ?? factor
    rounds = try c.decodeIfPresent(Int.self, forKey: .rounds) ?? rounds
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
    rules = try c.decodeIfPresent([GateRule].self, forKey: .rules) ?? rules
    try c.check(factor > 0 && factor.isFinite, forKey: .factor, "must be a positive number, got \(factor)")
    try c.check(rounds >= 2, forKey: .rounds, "must be at least 2 bootstrap rounds, got \(rounds)")
  }

  /// Reads gate settings from a YAML (or JSON) file strictly; an empty file gives the defaults.
  ///
  /// Unknown keys, wrong types, unknown metrics, negative or non-finite thresholds are errors naming the
  /// file, line, column and key.
  ///
  /// - Parameters:
  ///   - path: The file, as the user gave it.
  ///   - option: The command-line option that named it, for messages.
  /// - Throws: `CoreError` (`.notFound`, `.invalidConfig`, …).
  public static func load(contentsOf path: String, option: String? = "--gate") throws(CoreError)
    -> GateConfiguration
  {
    try StrictDecoding.load(GateConfiguration.self, contentsOf: path, option: option)
  }
}

/// One checked metric of the gate.
public struct GateRule: Sendable, Codable, Equatable {
  /// Which number is checked.
  public enum Metric: String, Sendable, Codable, Equatable, CaseIterable {
    /// |relative error of the means| of a feature column.
    case relativeMeanError
    /// Separation power of a feature column.
    case separationPower
    /// Mean |relative error| of a mean profile (`E_layer`, `profile_x/y/r`, `cell_spectrum`).
    case profileError
    /// Largest |difference| of the layer-energy Pearson matrices.
    case pearsonMaxDifference
    /// FPD (sample-wide; needs `maximum`).
    case fpd
    /// KPD (sample-wide; needs `maximum`).
    case kpd
    /// AUC of the classifier test (sample-wide; needs `maximum` and `--classifier`).
    case classifierAUC
    /// JSD of the classifier test (sample-wide; needs `maximum` and `--classifier`).
    case classifierJSD
    /// AUC of the low-level (`cls-low`) classifier test (sample-wide; needs `maximum` and
    /// `--classifier low` or `both`).
    case classifierLowAUC
    /// JSD of the low-level classifier test (sample-wide; needs `maximum`).
    case classifierLowJSD
    /// AUC of the `cls-low-normed` classifier test (sample-wide; needs `maximum`).
    case classifierLowNormedAUC
    /// JSD of the `cls-low-normed` classifier test (sample-wide; needs `maximum`).
    case classifierLowNormedJSD
    /// Separation power of CaloChallenge's voxel-energy distribution (sample-wide; needs `maximum`;
    /// checked only when computed: CaloChallenge voxels under CaloChallenge histogram binning).
    case voxelSeparationPower

    /// Whether the metric is one number for the whole sample rather than one per bin.
    public var isSampleWide: Bool {
      [
        .fpd, .kpd, .classifierAUC, .classifierJSD, .classifierLowAUC, .classifierLowJSD,
        .classifierLowNormedAUC,
        .classifierLowNormedJSD, .voxelSeparationPower,
      ].contains(self)
    }
  }

  /// Metric.
  public var metric: Metric
  /// Feature column or profile name, where the metric needs one.
  public var feature: String?
  /// Fixed threshold; `nil` uses the bootstrap floor.
  public var maximum: Double?
  /// Absolute allowance added to the floor-based threshold.
  public var tolerance: Double

  /// Creates a rule.
  public init(_ metric: Metric, _ feature: String? = nil, maximum: Double? = nil, tolerance: Double = 0) {
    self.metric = metric
    self.feature = feature
    self.maximum = maximum
    self.tolerance = tolerance
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case metric, feature, maximum, tolerance }

  /// Decodes; `tolerance` defaults to 0.
  ///
  /// - Throws: `DecodingError` at the key for an unknown key or metric (with the near miss), or a
  ///   negative or non-finite `maximum` or `tolerance`.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    metric = try c.decodeCase(Metric.self, forKey: .metric, noun: "metric")
    feature = try c.decodeIfPresent(String.self, forKey: .feature)
    maximum = try c.decodeIfPresent(Double.self, forKey: .maximum)
    tolerance = try c.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0
    if let maximum {
      try c.check(
        maximum >= 0 && maximum.isFinite, forKey: .maximum, "must be a finite threshold ≥ 0, got \(maximum)")
    }
    try c.check(
      tolerance >= 0 && tolerance.isFinite, forKey: .tolerance,
      "must be a finite allowance ≥ 0, got \(tolerance)")
  }

  /// `separationPower(R90)`-style name.
  public var name: String { feature.map { "\(metric.rawValue)(\($0))" } ?? metric.rawValue }

  /// The default rules: sampling fraction, containment, depth, shape and profile agreement.
  public static let defaults: [GateRule] =
    [
      "E_sum/E_inc", "E_sum", "R90", "moment_z1", "moment_z2", "moment_x2", "moment_y2", "third_front",
      "third_back", "frac_3x3", "hits>0.05MeV",
    ].map { GateRule(.relativeMeanError, $0) }
    + ["E_sum/E_inc", "R90", "moment_z1", "moment_z2", "third_front", "frac_3x3", "hits>0.05MeV"]
    .map { GateRule(.separationPower, $0) }
    + ["E_layer", "profile_r"].map { GateRule(.profileError, $0) }
    + [GateRule(.pearsonMaxDifference)]

  /// The default rules for CaloChallenge voxels, which lack the Cartesian-only features (R90,
  /// moments, thirds): sampling fraction, total energy, hit count, layer and radial profiles, Pearson.
  public static let cylindricalDefaults: [GateRule] =
    ["E_sum/E_inc", "E_sum", "hits>0.05MeV"].map { GateRule(.relativeMeanError, $0) }
    + ["E_sum/E_inc", "hits>0.05MeV"].map { GateRule(.separationPower, $0) }
    + ["E_layer", "profile_r"].map { GateRule(.profileError, $0) }
    + [GateRule(.pearsonMaxDifference)]
}
