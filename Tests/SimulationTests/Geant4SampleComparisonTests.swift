import Foundation
import ShowerIO
import Simulation
import TestSupport
import Testing

/// Simulated 10 GeV electron showers against the Geant4 11.4 sample shipped in `Data/geant4`
/// (rows 0–99: 100 showers at 10 GeV, normal incidence), both summarised by the same
/// `ShowerStatistics`.
///
/// Bounds (fixed seed, 200 simulated showers against 100 Geant4 ones): statistical precision is
/// about 0.7 % on a mean E_Si, 7 % on σ/μ, 0.2 mm on the mean R90 (geant4-sample README, N = 100).
/// The bound on E_Si/E0 is 6 %: the simulator is 4–5 % low today (issue 4's goal is 3 %), so this
/// test guards the current fidelity and fails on any regression of the scale, the shape or the
/// lateral spread.
@Suite(.enabled(if: TestEnvironment.slowTestsEnabled))
struct Geant4SampleComparisonTests {
  static let sample = TestEnvironment.repositoryRoot
    .appendingPathComponent("Data/geant4/e-_normal_10GeV_100GeV.h5")

  /// The Geant4 rows at 10 GeV as simulator records.
  static func geant4Records() throws -> [ShowerRecord] {
    let reader = try ShowerFileReader(at: sample)
    let batch = try reader.read(0..<100)
    return (0..<batch.count).map { i in
      ShowerRecord(
        event: i, energy: batch.energy[i], theta: batch.theta[i], pdgID: batch.pdgID[i],
        cells: Array(batch.shower(i)), energySi: batch.extras["E_si"]![i],
        energyAbsorber: batch.extras["E_abs"]![i], energyOther: batch.extras["E_other"]![i],
        energyEscaped: batch.energy[i] - batch.extras["E_si"]![i] - batch.extras["E_abs"]![i]
          - batch.extras["E_other"]![i],
        cpuSeconds: batch.extras["cpu_s"]![i])
    }
  }

  @Test func tenGeVElectronsAgreeWithGeant4WithinStatedBounds() async throws {
    let simulator = try ShowerSimulator(
      geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(10_000)), seed: 2026)
    let simulated = await simulator.simulate(events: 0..<200, threads: 2)
    let ours = ShowerStatistics(showers: simulated, detector: simulator.detector)
    let geant4 = ShowerStatistics(showers: try Self.geant4Records(), detector: simulator.detector)

    #expect(geant4.count == 100)
    #expect(isClose(geant4.siFraction, 0.02097, relative: 2e-3))  // the sample README's value
    #expect(abs(ours.siFraction / geant4.siFraction - 1) < 0.06)
    #expect(abs(ours.resolutionRaw / geant4.resolutionRaw - 1) < 0.25)
    #expect(abs(ours.layerOfMaximum - geant4.layerOfMaximum) <= 1)
    #expect(abs(ours.r90 - geant4.r90) < 1.5)
    #expect(abs(ours.centralFraction - geant4.centralFraction) < 0.03)
    #expect(abs(ours.fraction3x3 - geant4.fraction3x3) < 0.03)
    #expect(abs(ours.fraction5x5 - geant4.fraction5x5) < 0.03)
    #expect(abs(ours.cellsAboveThreshold / geant4.cellsAboveThreshold - 1) < 0.15)
    // Longitudinal shape: the share of E_Si in each third of the stack within 0.03.
    for (a, b) in zip(thirds(ours.layerProfile), thirds(geant4.layerProfile)) {
      #expect(abs(a - b) < 0.03, "layer-third share \(a) vs Geant4 \(b)")
    }
  }

  func thirds(_ profile: [Double]) -> [Double] {
    let total = profile.reduce(0, +)
    return [profile[0..<8], profile[8..<17], profile[17...]].map { $0.reduce(0, +) / total }
  }
}
