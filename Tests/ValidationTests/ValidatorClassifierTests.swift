import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// `Validator` with the classifier test switched on: AUC/JSD in metrics.json, the report and the gate.
@Suite struct ValidatorClassifierTests {
  static let layout = CalorimeterLayout(nx: 15, ny: 15, layers: 12, cellSize: 5.1)

  /// Writes 2,000 toy showers, half at 10 GeV and half at 50 GeV, cells scaled by `scale`.
  static func write(_ url: URL, seed: UInt64, scale: Float = 1) throws {
    var model = ToyShowerModel(layout: layout)
    model.cellScale = scale
    let writer = try ShowerFileWriter(at: url, cellShape: layout.cellShape)
    try writer.append(model.showers(energies: GateTests.twoEnergies(2000), seed: seed))
    try writer.finish()
  }

  /// Validates `gen.h5` (scaled by `scale`) against `sim.h5` with a small, fast classifier and the
  /// gate `classifierAUC ≤ 0.6`; returns metrics.json and the report HTML.
  static func validate(scale: Float) async throws -> (json: [String: Any], html: String, gate: GateResult?) {
    let dir = try TemporaryDirectory()
    try write(dir.file("sim.h5"), seed: 1)
    try write(dir.file("gen.h5"), seed: 2, scale: scale)
    var configuration = Validator.Configuration()
    configuration.comparison.distances = false
    var classifier = ClassifierTest.Configuration()
    classifier.hidden = 64
    classifier.epochs = 30
    classifier.batchSize = 128
    classifier.learningRate = 1e-3
    configuration.classifier = classifier
    var gate = GateConfiguration()
    gate.rules = [GateRule(.classifierAUC, maximum: 0.6)]
    configuration.gate = gate
    let outcome = try await Validator(configuration: configuration).run(
      reference: dir.file("sim.h5"), candidate: dir.file("gen.h5"), report: dir.file("out"))
    let data = try Data(contentsOf: dir.file("out/metrics.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let html = try String(contentsOf: dir.file("out/index.html"), encoding: .utf8)
    return (json, html, outcome.gate)
  }

  static func classifier(_ json: [String: Any]) throws -> (auc: Double, jsd: Double) {
    let comparison = try #require(json["comparison"] as? [String: Any])
    let classifier = try #require(comparison["classifier"] as? [String: Any])
    return (try #require(classifier["auc"] as? Double), try #require(classifier["jsd"] as? Double))
  }

  @Test func classifierSeparatesAScaledCandidateButNotASecondSample() async throws {
    let same = try await Self.validate(scale: 1)
    let scaled = try await Self.validate(scale: 1.05)
    let a = try Self.classifier(same.json), b = try Self.classifier(scaled.json)
    print("classifier AUC/JSD: same \(a.auc)/\(a.jsd), scaled ×1.05 \(b.auc)/\(b.jsd)")
    // Two samples of one distribution: AUC 0.5 within 0.1 (validation split of 400 + 400 showers).
    #expect(abs(a.auc - 0.5) <= 0.1, "AUC \(a.auc)")
    #expect(a.jsd < 0.1, "JSD \(a.jsd)")
    #expect(b.auc > a.auc, "scaled AUC \(b.auc) ≤ same-distribution AUC \(a.auc)")
    #expect(same.html.contains("all (classifier)") && same.html.contains("AUC"))
    // The gate rule classifierAUC ≤ 0.6 is checked once, sample-wide.
    let check = try #require(same.gate?.checks.first { $0.rule == "classifierAUC" })
    #expect(check.bin == "all" && check.threshold == 0.6 && check.passed == (a.auc <= 0.6))
    #expect(scaled.gate?.checks.first { $0.rule == "classifierAUC" }?.value == b.auc)
  }

  @Test func classifierRuleWithoutMaximumIsRejected() async throws {
    var gate = GateConfiguration()
    gate.rules = [GateRule(.classifierAUC)]
    var table = FeatureTable(schema: FeatureSchema(layout: Self.layout))
    try await table.append(
      ToyShowerModel(layout: Self.layout).showers(energies: GateTests.twoEnergies(120), seed: 3))
    var configuration = Comparator.Configuration()
    configuration.distances = false
    let result = try await Comparator(configuration: configuration).compare(
      reference: table, candidate: table)
    #expect(result.classifier == nil)
    await #expect(throws: ValidationError.self) {
      _ = try await Gate(configuration: gate, comparison: configuration).evaluate(
        result, reference: table, candidate: table)
    }
  }
}
