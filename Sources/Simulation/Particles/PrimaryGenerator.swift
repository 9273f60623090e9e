internal import Core
internal import Foundation

/// What to shoot at the calorimeter: particle, energy and angle spectra, entry point.
///
/// Energies in MeV and angles in radians (the CLI converts from GeV and degrees). The direction
/// is (0, cos θ, sin θ), so θ = π/2 is normal incidence and other angles tilt the shower along y.
///
/// ```swift
/// let gun = PrimaryGenerator(particle: .electron, energy: .fixed(10_000), theta: .fixed(.pi / 2))
/// ```
public struct PrimaryGenerator: Sendable, Codable, Equatable {
  /// An energy or angle spectrum.
  public enum Spectrum: Sendable, Codable, Equatable {
    case fixed(Double)
    case uniform(Double, Double)
    case logUniform(Double, Double)

    func sample(_ rng: inout RandomStream) -> Double {
      switch self {
      case .fixed(let v): return v
      case .uniform(let a, let b): return a + (b - a) * rng.uniform()
      case .logUniform(let a, let b): return a * exp(log(b / a) * rng.uniform())
      }
    }

    var range: (Double, Double) {
      switch self {
      case .fixed(let v): (v, v)
      case .uniform(let a, let b), .logUniform(let a, let b): (a, b)
      }
    }
  }

  public var particle: ParticleKind
  /// Kinetic energy spectrum, MeV.
  public var energy: Spectrum
  /// Polar-angle spectrum, radians.
  public var theta: Spectrum
  /// Gaussian smearing (σ, mm) of the entry point in x and y; 0 for none.
  public var positionSmearing: Double

  public init(
    particle: ParticleKind, energy: Spectrum, theta: Spectrum = .fixed(.pi / 2), positionSmearing: Double = 0
  ) {
    self.particle = particle
    self.energy = energy
    self.theta = theta
    self.positionSmearing = positionSmearing
  }

  /// Checks the ranges: energies in (0, 10 TeV], θ in (0, π), smearing ≥ 0.
  public func validate() throws(SimulationError) {
    let (e0, e1) = energy.range
    guard e0 > 0, e1 >= e0, e1 <= 1e7, e0.isFinite, e1.isFinite else {
      throw SimulationError(
        code: .invalidPrimary,
        message:
          "energy range \(e0)...\(e1) MeV is invalid; give energies above 0 and at most 10 TeV, low <= high")
    }
    let (t0, t1) = theta.range
    guard t0 > 0, t1 < Double.pi, t1 >= t0 else {
      throw SimulationError(
        code: .invalidPrimary,
        message:
          "theta range \(Units.degrees(fromRadians: t0))...\(Units.degrees(fromRadians: t1)) degrees is invalid; give angles strictly between 0 and 180 degrees"
      )
    }
    guard positionSmearing >= 0, positionSmearing.isFinite else {
      throw SimulationError(
        code: .invalidPrimary, message: "position smearing \(positionSmearing) mm must be >= 0")
    }
  }

  /// Draws one primary: energy (MeV), θ (rad) and the particle at the front face.
  func sample(detector: Detector, rng: inout RandomStream) -> (Double, Double, Particle) {
    let e = energy.sample(&rng)
    let th = theta.sample(&rng)
    let cfg = detector.config
    // Centre of cell (cellsX/2, cellsY/2).
    var x = (Double(cfg.cellsX / 2) + 0.5) * cfg.cellSize - detector.halfWidthX
    var y = (Double(cfg.cellsY / 2) + 0.5) * cfg.cellSize - detector.halfWidthY
    if positionSmearing > 0 {
      x += positionSmearing * rng.normal()
      y += positionSmearing * rng.normal()
    }
    let p = Particle(x: x, y: y, z: 0, dx: 0, dy: cos(th), dz: sin(th), energy: e, kind: particle, slice: 0)
    return (e, th, p)
  }
}
