import Foundation
import TestSupport
import Testing

@testable import Simulation

@Suite struct TransportTests {
  static func simulator(_ kind: ParticleKind, gev: Double, thetaDegrees: Double = 90, seed: UInt64 = 7) throws
    -> ShowerSimulator
  {
    try ShowerSimulator(
      geometry: .clicLike,
      generator: .init(particle: kind, energy: .fixed(gev * 1000), theta: .fixed(thetaDegrees * .pi / 180)),
      seed: seed)
  }

  @Test(arguments: [ParticleKind.electron, .positron, .photon])
  func energyIsConserved(kind: ParticleKind) throws {
    let sim = try Self.simulator(kind, gev: 2)
    for i in 0..<3 {
      let r = sim.simulate(event: i)
      // A positron primary brings its rest mass: 2m more after annihilation.
      let expected = r.energy + (kind == .positron ? 2 * PhysicsConstants.electronMass : 0)
      #expect(isClose(r.energyDeposited + r.energyEscaped, expected, relative: 1e-9))
      #expect(isClose(r.cells.reduce(0) { $0 + Double($1) }, r.energySi, relative: 1e-5))
      #expect(r.energySi > 0)
    }
  }

  @Test func sameSeedGivesIdenticalShowersForAnyThreadCount() async throws {
    let sim = try Self.simulator(.electron, gev: 1, seed: 42)
    var one = await sim.simulate(events: 0..<4, threads: 1)
    var two = await sim.simulate(events: 0..<4, threads: 2)
    for i in one.indices {
      one[i].cpuSeconds = 0
      two[i].cpuSeconds = 0
    }
    #expect(one == two)
    #expect(one.map(\.event) == [0, 1, 2, 3])
    let other = try Self.simulator(.electron, gev: 1, seed: 43).simulate(event: 0)
    #expect(other.cells != one[0].cells)
  }

  @Test func inclinedShowersLeanAlongY() throws {
    func centroidY(_ theta: Double) throws -> Double {
      let sim = try Self.simulator(.electron, gev: 2, thetaDegrees: theta)
      var sum = 0.0
      var wsum = 0.0
      for i in 0..<3 {
        let r = sim.simulate(event: i)
        for ix in 0..<51 {
          for iy in 0..<51 {
            for l in 0..<25 {
              let v = Double(r.cells[(ix * 51 + iy) * 25 + l])
              sum += v * Double(iy - 25)
              wsum += v
            }
          }
        }
      }
      return sum / wsum
    }
    // Direction (0, cos θ, sin θ): θ = 60° leans to +y, 120° to −y (several cells at depth).
    #expect(try centroidY(60) > 1)
    #expect(try centroidY(120) < -1)
    #expect(abs(try centroidY(90)) < 0.5)
  }

  @Test func invalidPrimariesAreRejected() {
    #expect(throws: SimulationError.self) {
      try ShowerSimulator(
        geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(-1)), seed: 1)
    }
    #expect(throws: SimulationError.self) {
      try ShowerSimulator(
        geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(1), theta: .fixed(0)),
        seed: 1)
    }
  }
}
