import Core
import Foundation
import Generation
import ShowerIO
import Simulation
import Testing

/// The Monte Carlo backend: the simulator's showers, event i from stream i, for any batch split.
@Suite struct MonteCarloGeneratorTests {
  static let conditions = Array(repeating: ShowerCondition(energy: 500, theta: .pi / 2), count: 6)

  @Test func fixedConditionsGiveTheSimulatorsShowers() async throws {
    let mc = try MonteCarloGenerator(geometry: .clicLike, seed: 77, threads: 2)
    let batch = try mc.generate(Self.conditions, seed: 77)
    let simulator = try ShowerSimulator(
      geometry: .clicLike, generator: PrimaryGenerator(particle: .electron, energy: .fixed(500)), seed: 77)
    let records = await simulator.simulate(events: 0..<6, threads: 1)
    #expect(batch.count == 6)
    #expect(batch.cellShape == mc.cellShape)
    #expect(batch.cells == records.flatMap(\.cells))
    #expect(batch.extras["E_si"] == records.map(\.energySi))
    #expect(batch.energy == Array(repeating: 500, count: 6))
    #expect(batch.cells.reduce(0, +) > 0)
  }

  @Test func batchesAndThreadsDoNotChangeTheShowers() throws {
    let one = try MonteCarloGenerator(geometry: .clicLike, seed: 5, threads: 1)
    let two = try MonteCarloGenerator(geometry: .clicLike, seed: 5, threads: 2)
    let whole = try one.generate(Self.conditions, seed: 5)
    var parts: [Float] = []
    try two.generate(Self.conditions, seed: 5, batchSize: 4) { parts += $0.cells }
    #expect(parts == whole.cells)
    let other = try MonteCarloGenerator(geometry: .clicLike, seed: 6).generate(Self.conditions, seed: 6)
    #expect(other.cells != whole.cells)
  }

  @Test func refusesAnImpossibleAngleAndAnotherSeed() throws {
    let mc = try MonteCarloGenerator(geometry: .clicLike, seed: 1)
    let error = #expect(throws: GenerationError.self) {
      try mc.generate([ShowerCondition(energy: 500, theta: 4)], seed: 1)
    }
    #expect(
      error?.message.contains("strictly between 0 and 180 degrees") == true, "\(String(describing: error))")
    #expect(error?.context == "event 0")
    #expect(throws: GenerationError.self) {
      try mc.generate([ShowerCondition(energy: 500, theta: 1)], seed: 2)
    }
  }
}
