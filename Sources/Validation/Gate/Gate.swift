public import Core
internal import ShowerIO

/// One checked number of the gate.
public struct GateCheck: Sendable, Codable, Equatable {
  /// Rule name, for example `separationPower(R90)`.
  public var rule: String
  /// Condition bin label (`all` for sample-wide metrics).
  public var bin: String
  /// Measured value (absolute value for signed metrics).
  public var value: Double
  /// Largest value of the reference-against-itself bootstrap (0 for fixed thresholds).
  public var floor: Double
  /// Threshold the value must not exceed.
  public var threshold: Double
  /// Whether `value ≤ threshold`.
  public var passed: Bool
}

/// Outcome of the gate.
public struct GateResult: Sendable, Codable, Equatable {
  /// All checks, in bin then rule order.
  public var checks: [GateCheck]
  /// Whether every check passed.
  public var passed: Bool { checks.allSatisfy(\.passed) }
  /// The failing checks.
  public var failures: [GateCheck] { checks.filter { !$0.passed } }
}

/// The quality gate: checks a comparison against thresholds set by the statistical floor.
///
/// ```swift
/// let gate = try await Gate().evaluate(result, reference: sim, candidate: gen)
/// if !gate.passed { print(gate.failures.map(\.rule)) }
/// ```
public struct Gate: Sendable {
  /// Settings.
  public var configuration: GateConfiguration
  /// Settings of the comparison the result came from (histogram binning).
  public var comparison: Comparator.Configuration

  /// Creates a gate.
  public init(configuration: GateConfiguration = .init(), comparison: Comparator.Configuration = .init()) {
    self.configuration = configuration
    self.comparison = comparison
  }

  /// Checks every rule in every bin of `result`.
  ///
  /// - Throws: `ValidationError.invalidConfiguration` for an unknown feature or a sample-wide rule
  ///   without `maximum`.
  public func evaluate(_ result: SampleComparison, reference: FeatureTable, candidate: FeatureTable)
    async throws(ValidationError) -> GateResult
  {
    let rules =
      reference.schema.binning != nil && configuration.rules == GateRule.defaults
      ? GateRule.cylindricalDefaults : configuration.rules
    for rule in rules { try validate(rule, reference.schema) }
    let binRules = rules.filter { !$0.metric.isSampleWide }
    var checks: [GateCheck] = []
    for bin in result.bins {
      let floors = await bootstrapFloors(binRules, bin: bin, reference: reference)
      for (k, rule) in binRules.enumerated() {
        let value = abs(Self.value(of: rule, in: bin))
        let threshold = rule.maximum ?? (configuration.factor * floors[k] + rule.tolerance)
        checks.append(
          GateCheck(
            rule: rule.name, bin: bin.bin.label, value: value, floor: rule.maximum == nil ? floors[k] : 0,
            threshold: threshold, passed: value <= threshold))
      }
    }
    for rule in rules where rule.metric.isSampleWide {
      // A sample-wide metric that was not computed (--no-distances, no --classifier) is not checked.
      let measured: Double? =
        switch rule.metric {
        case .fpd: result.fpd?.value
        case .kpd: result.kpd?.value
        case .classifierAUC: result.classifier?.auc
        case .classifierJSD: result.classifier?.jsd
        case .classifierLowAUC: result.classifierLow?.auc
        case .classifierLowJSD: result.classifierLow?.jsd
        case .classifierLowNormedAUC: result.classifierLowNormed?.auc
        case .classifierLowNormedJSD: result.classifierLowNormed?.jsd
        case .voxelSeparationPower: result.voxelEnergy?.separationPower
        default: nil
        }
      guard let value = measured, let maximum = rule.maximum else { continue }
      checks.append(
        GateCheck(
          rule: rule.name, bin: "all", value: value, floor: 0, threshold: maximum, passed: value <= maximum))
    }
    return GateResult(checks: checks)
  }

  func validate(_ rule: GateRule, _ schema: FeatureSchema) throws(ValidationError) {
    switch rule.metric {
    case .relativeMeanError, .separationPower:
      let names = schema.groups.flatMap { g in (0..<g.count).map { schema.columnName(g.offset + $0) } }
      guard let f = rule.feature, names.contains(f) else {
        let hint = rule.feature.map { ShowerIOError.didYouMean($0, in: names) } ?? ""
        throw ValidationError(
          .invalidConfiguration, "gate rule \(rule.name) needs a feature column\(hint)", context: "gate")
      }
    case .profileError:
      let names = ["E_layer", "profile_x", "profile_y", "profile_r", "cell_spectrum"]
      guard let f = rule.feature, names.contains(f) else {
        throw ValidationError(
          .invalidConfiguration, "gate rule \(rule.name) needs one of the profiles \(names)", context: "gate")
      }
    case .fpd, .kpd, .classifierAUC, .classifierJSD, .classifierLowAUC, .classifierLowJSD,
      .classifierLowNormedAUC,
      .classifierLowNormedJSD, .voxelSeparationPower:
      guard rule.maximum != nil else {
        throw ValidationError(
          .invalidConfiguration, "gate rule \(rule.name) is sample-wide and needs a fixed maximum",
          context: "gate")
      }
    case .pearsonMaxDifference: break
    }
  }

  /// The measured value of a per-bin rule.
  static func value(of rule: GateRule, in bin: BinComparison) -> Double {
    switch rule.metric {
    case .relativeMeanError: bin.feature(rule.feature!)?.relativeMeanError ?? .nan
    case .separationPower: bin.feature(rule.feature!)?.separationPower ?? .nan
    case .profileError: bin.profile(rule.feature!)?.meanAbsoluteRelativeError ?? .nan
    case .pearsonMaxDifference: bin.pearsonMaxDifference
    case .fpd, .kpd, .classifierAUC, .classifierJSD, .classifierLowAUC, .classifierLowJSD,
      .classifierLowNormedAUC,
      .classifierLowNormedJSD, .voxelSeparationPower:
      .nan
    }
  }
}
