internal import Core
internal import Foundation

/// The shower Monte Carlo: builds the detector and physics tables once, then simulates events,
/// each from its own random stream derived from (seed, event index).
///
/// ```swift
/// let sim = try ShowerSimulator(geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(10_000)), seed: 1)
/// let showers = await sim.simulate(events: 0..<100, threads: 2)
/// ```
public final class ShowerSimulator: Sendable {
  /// The built detector.
  public let detector: Detector
  /// The primary generator.
  public let generator: PrimaryGenerator
  /// Run seed.
  public let seed: UInt64
  let world: SimulationWorld

  /// Builds the simulator.
  ///
  /// - Throws: `SimulationError` for an invalid geometry, primary or physics settings.
  public init(
    geometry: GeometryConfig, generator: PrimaryGenerator, settings: PhysicsSettings = PhysicsSettings(),
    seed: UInt64
  ) throws(SimulationError) {
    try generator.validate()
    try settings.validate()
    detector = try Detector(config: geometry)
    self.generator = generator
    self.seed = seed
    world = SimulationWorld(detector: detector, settings: settings)
  }

  /// Production thresholds per material, in `detector.materials` order.
  public var cuts: [ProductionCuts] { world.tables.map(\.cuts) }

  /// Simulates event `index` (deterministic in seed and index).
  public func simulate(event index: Int) -> ShowerRecord { simulate(event: index, with: generator) }

  /// Simulates event `index` of the run's random streams for a given primary energy and angle.
  ///
  /// Event `index` draws from stream `index` of the seed, as `simulate(event:)`; a fixed spectrum
  /// draws nothing, so for a simulator whose generator has fixed energy and angle this gives the same
  /// shower as `simulate(event:)` for those values.
  ///
  /// - Parameters:
  ///   - index: Event index (random stream).
  ///   - energy: Kinetic energy, MeV, in (0, 10 TeV].
  ///   - theta: Polar angle, radians, in (0, π).
  public func simulate(event index: Int, energy: Double, theta: Double) -> ShowerRecord {
    var primary = generator
    primary.energy = .fixed(energy)
    primary.theta = .fixed(theta)
    return simulate(event: index, with: primary)
  }

  func simulate(event index: Int, with generator: PrimaryGenerator) -> ShowerRecord {
    let cpu0 = ShowerSimulator.threadCPUTime()
    var rng = RandomStream(seed: seed, stream: UInt64(index))
    let (energy, theta, primary) = generator.sample(detector: detector, rng: &rng)
    var transport = Transport(world: world, rng: rng)
    transport.run(primary: primary)
    let s = transport.scorer
    return ShowerRecord(
      event: index, energy: energy, theta: theta, pdgID: generator.particle.pdgID,
      cells: s.cells.map { Float($0) }, energySi: s.si, energyAbsorber: s.absorber, energyOther: s.other,
      energyEscaped: s.escaped, cpuSeconds: ShowerSimulator.threadCPUTime() - cpu0)
  }

  /// Simulates a range of events on `threads` tasks; the result is in event order and does not
  /// depend on `threads`.
  ///
  /// - Parameters:
  ///   - events: Event indices.
  ///   - threads: Number of concurrent tasks (≥ 1).
  ///   - progress: Called after each finished event (from any task).
  public func simulate(
    events: Range<Int>, threads: Int, progress: (@Sendable () -> Void)? = nil
  ) async -> [ShowerRecord] {
    let n = max(1, threads)
    let lower = events.lowerBound
    let count = events.count
    return await withTaskGroup(of: [ShowerRecord].self) { group in
      for t in 0..<n {
        group.addTask {
          var out: [ShowerRecord] = []
          var i = t
          while i < count {
            out.append(self.simulate(event: lower + i))
            progress?()
            i += n
          }
          return out
        }
      }
      var all: [ShowerRecord] = []
      all.reserveCapacity(count)
      for await part in group { all.append(contentsOf: part) }
      return all.sorted { $0.event < $1.event }
    }
  }

  /// CPU time of the calling thread, seconds.
  static func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
  }
}
