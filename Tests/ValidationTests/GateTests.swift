import Core
import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// Statistical behaviour of the comparison and the gate on toy showers (fixed seeds).
///
/// The layout is a reduced [15, 15, 12] image so that 2 × 5,000 showers fit a test; the features,
/// metrics and gate are the same code as for [51, 51, 25].
@Suite struct GateTests {
  static let layout = CalorimeterLayout(nx: 15, ny: 15, layers: 12, cellSize: 5.1)

  static func table(_ energies: [Double], seed: UInt64, scale: Float = 1) async throws -> FeatureTable {
    var model = ToyShowerModel(layout: layout)
    model.cellScale = scale
    var table = FeatureTable(schema: FeatureSchema(layout: layout))
    try await table.append(model.showers(energies: energies, seed: seed), tasks: 1)
    return table
  }

  static func twoEnergies(_ n: Int) -> [Double] { (0..<n).map { $0 % 2 == 0 ? 10_000 : 50_000 } }

  static func run(_ reference: FeatureTable, _ candidate: FeatureTable) async throws -> (
    SampleComparison, GateResult
  ) {
    var configuration = Comparator.Configuration()
    configuration.distances = false
    let result = try await Comparator(configuration: configuration).compare(
      reference: reference, candidate: candidate)
    let gate = try await Gate(comparison: configuration).evaluate(
      result, reference: reference, candidate: candidate)
    return (result, gate)
  }

  @Test(arguments: [(300, UInt64(1)), (300, 2), (300, 3), (300, 4), (1000, 5), (3000, 6)])
  func independentSamplesOfSameConditionsPass(size: Int, seed: UInt64) async throws {
    let reference = try await Self.table(Self.twoEnergies(size), seed: seed)
    let candidate = try await Self.table(Self.twoEnergies(size), seed: seed + 1000)
    let (result, gate) = try await Self.run(reference, candidate)
    #expect(result.bins.map(\.bin.label) == ["all", "E=10GeV", "E=50GeV"])
    #expect(
      gate.passed, "failing: \(gate.failures.map { "\($0.bin) \($0.rule) \($0.value) > \($0.threshold)" })")
  }

  @Test func separationPowersFallBelowOnePercentAt5000Showers() async throws {
    let energies = [Double](repeating: 50_000, count: 5000)
    let reference = try await Self.table(energies, seed: 11)
    let candidate = try await Self.table(energies, seed: 12)
    let (result, _) = try await Self.run(reference, candidate)
    for bin in result.bins {
      let worst = bin.features.max { $0.separationPower < $1.separationPower }!
      #expect(worst.separationPower < 0.01, "\(bin.bin.label): \(worst.name) \(worst.separationPower)")
    }
  }

  @Test(arguments: [300, 5000])
  func candidateScaledBy5PercentFailsOnSamplingFraction(size: Int) async throws {
    let reference = try await Self.table(Self.twoEnergies(size), seed: 21)
    let candidate = try await Self.table(Self.twoEnergies(size), seed: 22, scale: 1.05)
    let (_, gate) = try await Self.run(reference, candidate)
    #expect(!gate.passed)
    let failing = Set(gate.failures.map(\.rule))
    #expect(failing.contains("relativeMeanError(E_sum/E_inc)"), "failing: \(failing.sorted())")
  }

  @Test func mismatchedInputsGiveClearErrors() async throws {
    let reference = try await Self.table(Self.twoEnergies(100), seed: 1)
    let empty = FeatureTable(schema: FeatureSchema(layout: Self.layout))
    let comparator = Comparator()
    await #expect(
      throws: ValidationError(.emptySample, "the candidate sample holds no shower", context: "candidate")
    ) {
      _ = try await comparator.compare(reference: reference, candidate: empty)
    }
    let other = FeatureTable(
      schema: FeatureSchema(layout: CalorimeterLayout(nx: 15, ny: 15, layers: 10, cellSize: 5.1)))
    var otherFilled = other
    try await otherFilled.append(
      ToyShowerModel(layout: otherFilled.schema.layout).showers(energies: [10_000], seed: 1))
    do {
      _ = try await comparator.compare(reference: reference, candidate: otherFilled)
      Issue.record("geometry mismatch not detected")
    } catch { #expect(error.code == .geometryMismatch) }
    let far = try await Self.table([Double](repeating: 200_000, count: 100), seed: 3)
    do {
      _ = try await comparator.compare(reference: reference, candidate: far)
      Issue.record("disjoint energies not detected")
    } catch {
      #expect(error.code == .noOverlappingBins)
      #expect(error.message.contains("E=10GeV: 50/0"))
    }
  }

  @Test func gateConfigurationDecodesPartialSettings() throws {
    let json =
      #"{"factor": 3, "rules": [{"metric": "fpd", "maximum": 0.1}, {"metric": "separationPower", "feature": "R90"}]}"#
    let c = try JSONDecoder().decode(GateConfiguration.self, from: Data(json.utf8))
    #expect(c.factor == 3 && c.rounds == 20)
    #expect(c.rules == [GateRule(.fpd, maximum: 0.1), GateRule(.separationPower, "R90")])
  }
}
