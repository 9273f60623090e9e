internal import Core
internal import Foundation

/// Simulates one event: a particle stack processed last-in first-out, photons by
/// `transportPhoton`, electrons and positrons by `transportCharged`.
struct Transport {
  let world: SimulationWorld
  let slices: [Detector.Slice]
  /// `slices.count`, kept as Int32 (the generic `count` getter showed up in profiles).
  let sliceCount: Int32
  let depth: Double
  let halfWidthX: Double
  let halfWidthY: Double
  /// Each material's interleaved table (`MaterialTables.hot`, kept alive by `world`), for the
  /// photon's boundary loop, which reads three columns per slice and would otherwise retain and
  /// release a tables object at every material change.
  let hotTables: [UnsafeMutablePointer<Double>]
  var rng: RandomStream
  var stack: [Particle] = []
  var scorer: Scorer
  /// The energy a charged step left the particle with and its grid position, when the step's
  /// range inversion gave it exactly (no straggling): the next step reuses the position instead
  /// of taking a logarithm.
  var lastEnergy = -1.0
  var lastNode = 0
  var lastFraction = 0.0

  init(world: SimulationWorld, rng: RandomStream) {
    self.world = world
    slices = world.detector.slices
    sliceCount = Int32(slices.count)
    depth = world.detector.depth
    halfWidthX = world.detector.halfWidthX
    halfWidthY = world.detector.halfWidthY
    hotTables = world.tables.map(\.hot)
    self.rng = rng
    scorer = Scorer(detector: world.detector)
    stack.reserveCapacity(256)
  }

  /// Runs the event started by `primary` to completion.
  mutating func run(primary: Particle) {
    var p = primary
    // Enter at the front face; a primary pointing away from the stack escapes.
    guard p.dz > 0 else {
      scorer.escaped += p.energy
      return
    }
    p.slice = 0
    stack.append(p)
    while let next = stack.popLast() {
      switch next.kind {
      case .photon: transportPhoton(next)
      case .electron, .positron: transportCharged(next)
      }
    }
  }

  /// Distance along the direction to the first boundary, and what lies beyond:
  /// the next slice index, or −1 when the particle leaves the stack.
  @inline(__always)
  func boundary(_ p: Particle) -> (distance: Double, next: Int32) {
    let s = slices[Int(p.slice)]
    var d = Double.infinity
    var next: Int32 = p.slice
    if p.dz > 0 {
      d = (s.z1 - p.z) / p.dz
      next = p.slice + 1 < sliceCount ? p.slice + 1 : -1
    } else if p.dz < 0 {
      d = (s.z0 - p.z) / p.dz
      next = p.slice - 1
    }
    if p.dx != 0 {
      let dxb = ((p.dx > 0 ? halfWidthX : -halfWidthX) - p.x) / p.dx
      if dxb < d {
        d = dxb
        next = -1
      }
    }
    if p.dy != 0 {
      let dyb = ((p.dy > 0 ? halfWidthY : -halfWidthY) - p.y) / p.dy
      if dyb < d {
        d = dyb
        next = -1
      }
    }
    return (max(0, d), next)
  }

  /// Moves the particle onto the boundary found by `boundary` and into the next slice.
  /// Returns false when it left the stack (its energy is counted as escaped).
  @inline(__always)
  mutating func cross(_ p: inout Particle, distance: Double, next: Int32) -> Bool {
    p.x += p.dx * distance
    p.y += p.dy * distance
    if next < 0 {
      var e = p.energy
      if p.kind == .positron { e += 2 * PhysicsConstants.electronMass }
      scorer.escaped += e
      return false
    }
    let s = slices[Int(next)]
    p.z = next > p.slice ? s.z0 : s.z1
    p.slice = next
    return true
  }

  /// Deposits `e` MeV at (x, y) in slice `slice`.
  @inline(__always)
  mutating func deposit(_ e: Double, x: Double, y: Double, slice: Int32) {
    let s = slices[Int(slice)]
    scorer.deposit(e, x: x, y: y, role: s.role, layer: s.layer)
  }

  /// Two 511 keV photons back to back, isotropic, from a positron at rest.
  mutating func annihilateAtRest(_ p: Particle) {
    let m = PhysicsConstants.electronMass
    let c = 2 * rng.uniform() - 1
    let phi = 2 * Double.pi * rng.uniform()
    let s = (1 - c * c).squareRoot()
    var g = p
    g.kind = .photon
    g.energy = m
    g.dx = s * cos(phi)
    g.dy = s * sin(phi)
    g.dz = c
    stack.append(g)
    g.dx = -g.dx
    g.dy = -g.dy
    g.dz = -g.dz
    stack.append(g)
  }

  /// Polar angle of a secondary from Geant4's modified Tsai distribution, as cos θ.
  @inline(__always)
  mutating func tsaiCosTheta(kinetic t: Double) -> Double {
    let uMax = 2 * (1 + t / PhysicsConstants.electronMass)
    var u: Double
    repeat {
      u = -log(rng.uniform() * rng.uniform())
      u *= 0.25 > rng.uniform() ? 1.6 : 1.6 / 3
    } while u > uMax
    return 1 - 2 * u * u / (uMax * uMax)
  }
}
