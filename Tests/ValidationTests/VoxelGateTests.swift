import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// The gate on CaloChallenge voxels (dataset 2 binning, `GateRule.cylindricalDefaults`): independent toy
/// samples of one model pass, a 5 % miscalibration fails on the sampling fraction (fixed seeds).
@Suite struct VoxelGateTests {
  static func table(_ count: Int, seed: UInt64, scale: Float = 1) async throws -> FeatureTable {
    var model = ToyVoxelModel(binning: .dataset2)
    model.cellScale = scale
    let energies = (0..<count).map { $0 % 2 == 0 ? 10_000.0 : 50_000 }
    var table = FeatureTable(schema: FeatureSchema(binning: .dataset2))
    try await table.append(model.showers(energies: energies, seed: seed), tasks: 1)
    return table
  }

  @Test(arguments: [(300, UInt64(1)), (300, 2), (600, 3)])
  func independentSamplesPass(size: Int, seed: UInt64) async throws {
    let reference = try await Self.table(size, seed: seed)
    let candidate = try await Self.table(size, seed: seed + 1000)
    let (result, gate) = try await GateTests.run(reference, candidate)
    #expect(result.bins.map(\.bin.label) == ["all", "E=10GeV", "E=50GeV"])
    #expect(gate.checks.count == 3 * GateRule.cylindricalDefaults.count)
    #expect(
      gate.passed, "failing: \(gate.failures.map { "\($0.bin) \($0.rule) \($0.value) > \($0.threshold)" })")
  }

  @Test func miscalibratedCandidateFails() async throws {
    let reference = try await Self.table(300, seed: 21)
    let candidate = try await Self.table(300, seed: 22, scale: 1.05)
    let (_, gate) = try await GateTests.run(reference, candidate)
    #expect(Set(gate.failures.map(\.rule)).contains("relativeMeanError(E_sum/E_inc)"))
  }
}
