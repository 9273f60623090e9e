internal import Foundation

/// Electron/positron bremsstrahlung: Tsai's screened cross-section with Coulomb correction,
/// Ter-Mikaelian dielectric suppression and Migdal's LPM suppression (Stanev's fits) above 1 GeV,
/// as in Geant4's G4eBremsstrahlungRelModel.
struct Bremsstrahlung: Sendable {
  let atoms: [ScreenedAtom]
  /// k_p² / E²: the dielectric-suppression constant 4π r_e λ̄_e² n_e.
  let densityFactor: Double
  /// LPM energy of the material, MeV.
  let lpmEnergy: Double
  /// Upper bound of Σ n_i k dσ_i/dk (complete screening, y = 0), 1/mm.
  let maxKdxs: Double
  /// √s1 of Stanev's ξ(s) for the heaviest element, and its logarithm.
  let lpmSqrtS1: Double
  let lpmLogSqrtS1: Double

  init(material: Material) {
    atoms = zip(material.elements, material.atomDensities).map { ScreenedAtom(z: $0.z, density: $1) }
    let lambdaBar = PhysicsConstants.hbarC / PhysicsConstants.electronMass
    densityFactor = 4 * Double.pi * PhysicsConstants.electronRadius * lambdaBar * lambdaBar
      * material.electronDensity
    let m = PhysicsConstants.electronMass
    lpmEnergy = PhysicsConstants.alpha * m * m * material.radiationLength
      / (4 * Double.pi * PhysicsConstants.hbarC)
    let z13 = atoms.map(\.z13).max() ?? 1
    lpmSqrtS1 = z13 / 184.15
    lpmLogSqrtS1 = log(z13 / 184.15)
    let re2 = PhysicsConstants.alpha * PhysicsConstants.electronRadius * PhysicsConstants.electronRadius
    maxKdxs = atoms.reduce(0) { sum, a in
      let (t1, t2) = a.brackets(delta: 0)
      return sum + a.density * re2 * (4.0 / 3 * t1 + 2.0 / 3 * t2)
    }
  }

  /// Σ n_i k dσ_i/dk (1/mm) for kinetic energy `t` and photon energy `k` (MeV), with LPM
  /// suppression but without the dielectric factor.
  @inline(__always)
  func kDxs(kinetic t: Double, photon k: Double) -> Double {
    let m = PhysicsConstants.electronMass
    let e = t + m
    let y = k / e
    let e2 = e - k
    let delta = 100 * m * k / (e * e2)
    let a1 = 4.0 / 3 - 4.0 / 3 * y + y * y
    let a2 = 2.0 / 3 * (1 - y)
    var sum = 0.0
    for atom in atoms {
      let (t1, t2) = atom.brackets(delta: delta)
      sum += atom.density * (a1 * t1 + a2 * t2)
    }
    var value = max(0, sum) * PhysicsConstants.alpha * PhysicsConstants.electronRadius
      * PhysicsConstants.electronRadius
    if e > 1000 { value *= lpmSuppression(energy: e, photon: k) }
    return value
  }

  /// Ratio of Migdal's LPM cross-section to Bethe–Heitler's (complete screening), ≤ 1.
  @inline(__always)
  func lpmSuppression(energy e: Double, photon k: Double) -> Double {
    let y = k / e
    let sPrime = (lpmEnergy * k / (8 * e * (e - k))).squareRoot()
    if sPrime > 10 { return 1 }
    var xi = 1.0
    if sPrime < lpmSqrtS1 {
      xi = 2
    } else if sPrime < 1 {
      xi = 1 + log(sPrime) / lpmLogSqrtS1
    }
    let s = sPrime / xi.squareRoot()
    let phi = 1 - exp(-6 * s * (1 + (3 - Double.pi) * s) + s * s * s / (0.623 + 0.796 * s + 0.658 * s * s))
    let psi = 1 - exp(-4 * s - 8 * s * s / (1 + 3.936 * s + 4.97 * s * s - 0.05 * s * s * s + 7.5 * s * s * s * s))
    let g = 3 * psi - 2 * phi
    let num = xi * (y * y * g + 2 * (1 + (1 - y) * (1 - y)) * phi)
    return min(1, max(0, num / (4 - 4 * y + 3 * y * y)))
  }

  /// Dielectric factor k²/(k² + k_p²) for total energy `e`.
  @inline(__always)
  func dielectric(energy e: Double, photon k: Double) -> Double {
    let kp2 = densityFactor * e * e
    return k * k / (k * k + kp2)
  }

  /// Macroscopic cross-section for photons above `cut` (1/mm).
  func crossSection(kinetic t: Double, cut: Double) -> Double {
    guard t > cut else { return 0 }
    let e = t + PhysicsConstants.electronMass
    return Integration.simpson(from: log(cut), to: log(t), intervals: 64) { lk in
      let k = exp(lk)
      return kDxs(kinetic: t, photon: k) * dielectric(energy: e, photon: k)
    }
  }

  /// Restricted radiative stopping power ∫₀^min(cut,T) k dσ (MeV/mm).
  func restrictedLoss(kinetic t: Double, cut: Double) -> Double {
    let kmax = min(cut, t)
    let e = t + PhysicsConstants.electronMass
    return Integration.simpson(from: 0, to: kmax, intervals: 64) { k in
      k > 0 ? kDxs(kinetic: t, photon: k) * dielectric(energy: e, photon: k) : 0
    }
  }

  /// Samples a photon energy above `cut` for kinetic energy `t` (MeV).
  @inline(__always)
  func sampleEnergy(kinetic t: Double, cut: Double, rng: inout RandomStream) -> Double {
    let e = t + PhysicsConstants.electronMass
    let kp2 = densityFactor * e * e
    let lo = log(cut * cut + kp2)
    let hi = log(t * t + kp2)
    var k = cut
    for _ in 0..<1000 {
      k = (exp(lo + (hi - lo) * rng.uniform()) - kp2).squareRoot()
      if rng.uniform() * maxKdxs <= kDxs(kinetic: t, photon: k) { return k }
    }
    return k
  }
}
