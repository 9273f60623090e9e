internal import Foundation

/// Photon conversion into e⁺e⁻: Tsai's screened Bethe–Heitler cross-section, Coulomb correction
/// above 50 MeV (as Geant4's G4BetheHeitlerModel). No LPM suppression (it matters above ~TeV).
struct PairProduction: Sendable {
  let atoms: [ScreenedAtom]

  init(material: Material) {
    atoms = zip(material.elements, material.atomDensities).map { ScreenedAtom(z: $0.z, density: $1) }
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

  /// Macroscopic cross-section, 1/mm.
  func crossSection(photon k: Double) -> Double {
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
    var bound = 0.0
    for a in atoms {
      let (t1, _) = a.brackets(delta: 0, coulomb: false)
      bound += a.density * t1
    }
    bound *= PhysicsConstants.alpha * PhysicsConstants.electronRadius * PhysicsConstants.electronRadius * 1.05
    // Near threshold the screened formula is not valid; Geant4 samples ε uniformly there.
    if k < 2 { return lo + (hi - lo) * rng.uniform() }
    for _ in 0..<1000 {
      let eps = lo + (hi - lo) * rng.uniform()
      if rng.uniform() * bound <= dxs(photon: k, fraction: eps) { return eps }
    }
    return lo + (hi - lo) * rng.uniform()
  }
}
