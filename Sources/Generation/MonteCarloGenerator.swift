public import Core
internal import Dispatch
internal import Foundation
public import ShowerIO
public import Simulation

/// The Monte Carlo backend: Simulation's `ShowerSimulator` behind the `ShowerGenerator` interface.
///
/// Event `firstEvent + i` of a request is the simulator's event `firstEvent + i` (its random stream
/// `RandomStream(seed:, stream: firstEvent + i)`) with the requested energy and angle; for fixed
/// conditions these are the showers `calotwin simulate` writes for the same geometry, cut and seed.
/// The `seed` of `generate` must equal the simulator's (the physics tables are built once per seed).
public final class MonteCarloGenerator: ShowerGenerator, Sendable {
  /// The simulator.
  public let simulator: ShowerSimulator
  /// Concurrent threads per request (the result does not depend on it).
  public let threads: Int

  /// Builds the detector and physics tables.
  ///
  /// - Parameters:
  ///   - geometry: Detector geometry.
  ///   - particle: Primary particle.
  ///   - settings: Physics settings (production cut …).
  ///   - seed: Run seed.
  ///   - threads: Concurrent threads (≥ 1).
  /// - Throws: `GenerationError.engine` for an invalid geometry.
  public init(
    geometry: GeometryConfig, particle: ParticleKind = .electron,
    settings: PhysicsSettings = PhysicsSettings(),
    seed: UInt64, threads: Int = 1
  ) throws(GenerationError) {
    do {
      simulator = try ShowerSimulator(
        geometry: geometry, generator: PrimaryGenerator(particle: particle, energy: .fixed(10_000)),
        settings: settings, seed: seed)
    } catch {
      throw GenerationError(.engine, "cannot build the simulator: \(error.report)")
    }
    self.threads = max(1, threads)
  }

  public var cellShape: [Int] {
    [simulator.detector.config.cellsX, simulator.detector.config.cellsY, simulator.detector.readoutLayers]
  }

  /// Energies up to 10 TeV, angles strictly between 0 and π (the simulator's limits).
  public var conditionRange: ConditionRange {
    ConditionRange(
      energyMeV: Double.leastNonzeroMagnitude...1e7, thetaRad: Double.pi.ulp...(Double.pi - Double.pi.ulp))
  }

  /// Refuses energies above 10 TeV and angles outside (0, π): the simulator's limits.
  public func checkConditions(_ conditions: [ShowerCondition]) throws(GenerationError) {
    try conditionRange.check(
      conditions, allowExtrapolation: false,
      remedy: "the simulator takes energies up to 10 TeV and angles strictly between 0 and 180 degrees")
  }

  public func generate(_ conditions: [ShowerCondition], seed: UInt64, firstEvent: Int) throws(GenerationError)
    -> ShowerBatch
  {
    guard seed == simulator.seed else {
      throw GenerationError(
        .engine, "seed \(seed) differs from the simulator's seed \(simulator.seed); build one per seed")
    }
    try checkConditions(conditions)
    let records = Records(count: conditions.count)
    let n = min(threads, max(1, conditions.count))
    DispatchQueue.concurrentPerform(iterations: n) { t in
      var i = t
      while i < conditions.count {
        let c = conditions[i]
        records.set(i, simulator.simulate(event: firstEvent + i, energy: c.energy, theta: c.theta))
        i += n
      }
    }
    return ShowerBatch(records: records.all, cellShape: cellShape)
  }
}

/// Results of concurrent workers, one slot per event.
private final class Records: @unchecked Sendable {
  private var slots: [ShowerRecord?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ r: ShowerRecord) {
    lock.lock()
    slots[i] = r
    lock.unlock()
  }

  var all: [ShowerRecord] { slots.map { $0! } }
}
