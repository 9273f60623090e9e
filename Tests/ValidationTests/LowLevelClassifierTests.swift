import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// The classifier test on CaloChallenge `cls-low` inputs (cells / E_inc, log10 E_inc) built by
/// `FeatureTable` from toy voxel showers: a separable pair and two samples of one distribution.
@Suite struct LowLevelClassifierTests {
  /// A 30-voxel binning (the small fixture's geometry, without its empty layer).
  static let binning = CaloChallengeBinning(
    particle: "photon", pid: 22,
    layers: [
      .init(id: 0, rEdges: [0, 5, 10, 30], alphaBins: 1),
      .init(id: 2, rEdges: [0, 2, 4, 6, 10], alphaBins: 4),
      .init(id: 3, rEdges: [0, 50, 100], alphaBins: 1), .init(id: 4, rEdges: [0, 1, 3, 7], alphaBins: 3),
    ], source: "test")

  static func table(count: Int, seed: UInt64, coreWidth: Double = 3) async throws -> FeatureTable {
    var model = ToyVoxelModel(binning: binning)
    model.coreWidth = coreWidth
    model.deposits = 100
    let energies = (0..<count).map { 1000 * pow(10, Double(($0 &* 7919 &+ Int(seed)) % 1000) / 1000) }
    var table = FeatureTable(schema: FeatureSchema(binning: binning), keepsLowLevel: true)
    try await table.append(model.showers(energies: energies, seed: seed), tasks: 1)
    return table
  }

  /// `ClassifierTests`' small network, 10 epochs.
  static var configuration: ClassifierTest.Configuration {
    var c = ClassifierTests.configuration
    c.epochs = 10
    return c
  }

  @Test func separableToyGivesAucOne() async throws {
    let a = try await Self.table(count: 2000, seed: 1, coreWidth: 1.5)
    let b = try await Self.table(count: 2000, seed: 2, coreWidth: 6)
    let inputs = try ClassifierTest.lowLevelInputs(reference: a, candidate: b)
    #expect(inputs.dimension == 31)
    let r = try ClassifierTest(configuration: Self.configuration).run(
      reference: inputs.reference, candidate: inputs.candidate, dimension: inputs.dimension)
    print("cls-low AUC on the separable toy: \(r.auc), JSD \(r.jsd)")
    #expect(r.auc >= 0.99, "AUC \(r.auc)")
  }

  @Test func oneDistributionGivesAucOneHalf() async throws {
    let a = try await Self.table(count: 10_000, seed: 3)
    let b = try await Self.table(count: 10_000, seed: 4)
    let inputs = try ClassifierTest.lowLevelInputs(reference: a, candidate: b)
    let r = try ClassifierTest(configuration: Self.configuration).run(
      reference: inputs.reference, candidate: inputs.candidate, dimension: inputs.dimension)
    print("cls-low AUC on one distribution: \(r.auc), JSD \(r.jsd)")
    // 2,000 validation showers per class: the AUC spread of two equal samples is about 0.01.
    #expect(abs(r.auc - 0.5) <= 0.03, "AUC \(r.auc)")
  }

  @Test func tablesWithoutCellsAreRefused() async throws {
    let table = FeatureTable(schema: FeatureSchema(binning: Self.binning))
    #expect(throws: ValidationError.self) {
      try ClassifierTest.lowLevelInputs(reference: table, candidate: table)
    }
  }

  @Test func inputModesSelectTheTests() {
    typealias Inputs = Validator.ClassifierInputs
    #expect(Inputs.allCases.filter(\.runsLow) == [.low, .both, .all])
    #expect(Inputs.allCases.filter(\.runsLowNormed) == [.lowNormed, .all])
    #expect(Inputs.allCases.filter(\.runsHigh) == [.high, .both, .all])
    #expect(Inputs.allCases.filter(\.needsCells) == [.low, .lowNormed, .both, .all])
  }

  /// `Validator` on CaloChallenge files with a separable candidate: the `classifierLowAUC ≤ 0.6` rule fails,
  /// the result is in metrics.json; the binning comes from the `Validator.Configuration`.
  @Test func validatorGatesTheLowLevelAuc() async throws {
    let dir = try TemporaryDirectory()
    for (name, seed, width) in [("sim.h5", UInt64(1), 1.5), ("gen.h5", 2, 6.0)] {
      var model = ToyVoxelModel(binning: Self.binning)
      model.coreWidth = width
      model.deposits = 100
      let writer = try ShowerFileWriter(at: dir.file(name), layout: .caloChallenge, cellShape: [30])
      try writer.append(model.showers(energies: (0..<400).map { 1000 + 10 * Double($0) }, seed: seed))
      try writer.finish()
    }
    var configuration = Validator.Configuration()
    configuration.comparison.distances = false
    configuration.binning = Self.binning
    configuration.classifier = Self.configuration
    configuration.classifierInputs = .low
    var gate = GateConfiguration()
    gate.rules = [GateRule(.classifierLowAUC, maximum: 0.6)]
    configuration.gate = gate
    let outcome = try await Validator(configuration: configuration).run(
      reference: dir.file("sim.h5"), candidate: dir.file("gen.h5"), report: dir.file("out"))
    let auc = try #require(outcome.comparison.classifierLow?.auc)
    #expect(auc > 0.9 && outcome.comparison.classifier == nil)
    #expect(outcome.gate?.failures.map(\.rule) == ["classifierLowAUC"])
    let json = try String(contentsOf: dir.file("out/metrics.json"), encoding: .utf8)
    #expect(json.contains("classifierLow"))
  }
}
