internal import Core
internal import Foundation

/// Photon conversion into e⁺e⁻: Tsai's screened Bethe–Heitler cross-section, Coulomb correction
/// above 50 MeV (as Geant4's G4BetheHeitlerModel). No LPM suppression (it matters above ~TeV).
struct PairProduction: Sendable {
  let atoms: [ScreenedAtom]

  /// Rejection bound of `sampleFraction` (1/mm): 1.05 × dσ/dε at complete screening (δ = 0)
  /// without the Coulomb correction; a per-material constant, computed once.
  let samplingBound: Double

  init(material: Material) {
    atoms = zip(material.elements, material.atomDensities).map { ScreenedAtom(z: $0.z, density: $1) }
    var bound = 0.0
    for a in atoms {
      let (t1, _) = a.brackets(delta: 0, coulomb: false)
      bound += a.density * t1
    }
    bound *= PhysicsConstants.alpha * PhysicsConstants.electronRadius * PhysicsConstants.electronRadius * 1.05
    samplingBound = bound
  }

  /// dσ/dε summed over atoms (mm²/mm³) for photon energy `k` and positron fraction `eps`;
  /// `atom` restricts to one element.
  @inline(__always)
  func dxs(photon k: Double, fraction eps: Double, atom: Int? = nil) -> Double {
    let m = PhysicsConstants.electronMass
    let delta = 100 * m / (k * eps * (1 - eps))
    let a1 = eps * eps + (1 - eps) * (1 - eps)
    let a2 = 2.0 / 3 * eps * (1 - eps)
    let useCoulomb = k > 50
    var sum = 0.0
    for (i, a) in atoms.enumerated() where atom == nil || atom == i {
      let (t1, t2) = a.brackets(delta: delta, coulomb: useCoulomb)
      // second term uses φ2 = φ1 − (φ1−φ2): t1 − t2 in the bracket
      sum += a.density * max(0, a1 * t1 + a2 * (t1 - t2))
    }
    return sum * PhysicsConstants.alpha * PhysicsConstants.electronRadius * PhysicsConstants.electronRadius
  }

  /// Macroscopic cross-section (1/mm): Geant4's parametrised Bethe–Heitler total cross-section
  /// (G4BetheHeitlerModel, fitted to data from 1.5 MeV to 100 GeV) up to 80 GeV, above that the
  /// screened integral scaled to join it.
  func crossSection(photon k: Double) -> Double {
    let limit = 80_000.0
    if k <= limit { return parametrised(photon: k) }
    return integrated(photon: k) * parametrised(photon: limit) / integrated(photon: limit)
  }

  /// Σ n_i σ_i from Geant4's fit (1/mm).
  func parametrised(photon k: Double) -> Double {
    let m = PhysicsConstants.electronMass
    guard k > 2 * m else { return 0 }
    let x = log(max(k, 1.5) / m)
    let x2 = x * x, x3 = x2 * x, x4 = x3 * x, x5 = x4 * x
    let f1 = 8.7842e+2 - 1.9625e+3 * x + 1.2949e+3 * x2 - 2.0028e+2 * x3 + 1.2575e+1 * x4 - 2.8333e-1 * x5
    let f2 = -1.0342e+1 + 1.7692e+1 * x - 8.2381 * x2 + 1.3063 * x3 - 9.0815e-2 * x4 + 2.3586e-3 * x5
    let f3 = -4.5263e+2 + 1.1161e+3 * x - 8.6749e+2 * x2 + 2.1773e+2 * x3 - 2.0467e+1 * x4 + 6.5372e-1 * x5
    var threshold = 1.0
    if k < 1.5 {
      let r = (k - 2 * m) / (1.5 - 2 * m)
      threshold = r * r
    }
    let microbarn = 1e-28 * 1e6 * 1e-6  // mm²
    var sum = 0.0
    for a in atoms {
      let z = a.z
      sum += a.density * max(0, (z + 1) * (f1 * z + f2 * z * z + f3)) * microbarn
    }
    return sum * threshold
  }

  /// Integral of the screened differential cross-section (1/mm).
  func integrated(photon k: Double) -> Double {
    let m = PhysicsConstants.electronMass
    guard k > 2 * m * 1.0001 else { return 0 }
    let lo = m / k
    return 2 * Integration.simpson(from: lo, to: 0.5, intervals: 64) { dxs(photon: k, fraction: $0) }
  }

  /// Samples the positron's share ε of the photon energy.
  @inline(__always)
  func sampleFraction(photon k: Double, rng: inout RandomStream) -> Double {
    let m = PhysicsConstants.electronMass
    let lo = m / k
    let hi = 1 - lo
    let bound = samplingBound
    // Near threshold the screened formula is not valid; Geant4 samples ε uniformly there.
    if k < 2 { return lo + (hi - lo) * rng.uniform() }
    for _ in 0..<1000 {
      let eps = lo + (hi - lo) * rng.uniform()
      if rng.uniform() * bound <= dxs(photon: k, fraction: eps) { return eps }
    }
    return lo + (hi - lo) * rng.uniform()
  }
}
