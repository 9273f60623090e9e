internal import Core
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
  /// Migdal's s1 = (Z^(1/3)/184.15)² for the heaviest element, ln s1, √2 s1 and 1/ln(√2 s1).
  let lpmS1: Double
  let lpmLogS1: Double
  let lpmSqrt2S1: Double
  let lpmInvLogSqrt2S1: Double

  init(material: Material) {
    atoms = zip(material.elements, material.atomDensities).map { ScreenedAtom(z: $0.z, density: $1) }
    let lambdaBar = PhysicsConstants.hbarC / PhysicsConstants.electronMass
    densityFactor =
      4 * Double.pi * PhysicsConstants.electronRadius * lambdaBar * lambdaBar
      * material.electronDensity
    let m = PhysicsConstants.electronMass
    lpmEnergy =
      PhysicsConstants.alpha * m * m * material.radiationLength
      / (4 * Double.pi * PhysicsConstants.hbarC)
    let z13 = atoms.map(\.z13).max() ?? 1
    lpmS1 = (z13 / 184.15) * (z13 / 184.15)
    lpmLogS1 = log(lpmS1)
    lpmSqrt2S1 = 2.0.squareRoot() * lpmS1
    lpmInvLogSqrt2S1 = 1 / log(lpmSqrt2S1)
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
    var value =
      max(0, sum) * PhysicsConstants.alpha * PhysicsConstants.electronRadius
      * PhysicsConstants.electronRadius
    if e > 1000 { value *= lpmSuppression(energy: e, photon: k) }
    return value
  }

  /// Ratio of Migdal's LPM cross-section to Bethe–Heitler's (complete screening), ≤ 1, as in
  /// Geant4's G4eBremsstrahlungRelModel: s′ = √(E_LPM k / (8 E (E − k))), ξ(s′) and then ξ(ŝ) with
  /// the dielectric-corrected ŝ = s (1 + k_p²/k²), and Stanev's G(s), φ(s) (`lpmFunctions`).
  @inline(__always)
  func lpmSuppression(energy e: Double, photon k: Double) -> Double {
    let y = k / e
    let sPrime = (lpmEnergy * k / (8 * e * (e - k))).squareRoot()
    if sPrime > 10 { return 1 }
    var xiPrime = 2.0
    if sPrime > 1 {
      xiPrime = 1
    } else if sPrime > lpmSqrt2S1 {
      let h = log(sPrime) * lpmInvLogSqrt2S1
      xiPrime = 1 + h - 0.08 * (1 - h) * h * (2 - h) * lpmInvLogSqrt2S1
    }
    let s = sPrime / xiPrime.squareRoot()
    let sHat = s * (1 + densityFactor * e * e / (k * k))
    var xi = 2.0
    if sHat > 1 {
      xi = 1
    } else if sHat > lpmS1 {
      xi = 1 + log(sHat) / lpmLogS1
    }
    let (g, phi) = Bremsstrahlung.lpmFunctions(sHat)
    let num = xi * (0.25 * y * y * g + (1 - y + 0.5 * y * y) * phi)
    return min(1, max(0, num / (1 - y + 0.75 * y * y)))
  }

  /// Migdal's G(s) and φ(s) from Stanev's fits with their large-s asymptotes (both → 1), as
  /// Geant4's G4eBremsstrahlungRelModel::GetLPMFunctions. The plain fit of φ(s) turns over
  /// above s ≈ 2 and must not be used there.
  @inline(__always)
  static func lpmFunctions(_ s: Double) -> (g: Double, phi: Double) {
    if s < 0.01 {
      let phi = 6 * s * (1 - Double.pi * s)
      return (12 * s - 2 * phi, phi)
    }
    let s2 = s * s, s3 = s2 * s, s4 = s2 * s2
    let phiFit: () -> Double = {
      1 - exp(-6 * s * (1 + s * (3 - Double.pi)) + s3 / (0.623 + 0.796 * s + 0.658 * s2))
    }
    let gTanh: () -> Double = {
      tanh(-0.160723 + 3.755030 * s - 1.798138 * s2 + 0.672827 * s3 - 0.120772 * s4)
    }
    if s < 0.415827397755 {
      let phi = phiFit()
      let psi = 1 - exp(-4 * s - 8 * s2 / (1 + 3.936 * s + 4.97 * s2 - 0.05 * s3 + 7.5 * s4))
      return (3 * psi - 2 * phi, phi)
    }
    if s < 1.55 { return (gTanh(), phiFit()) }
    let phi = 1 - 0.01190476 / s4
    return (s < 1.9156 ? gTanh() : 1 - 0.0230655 / s4, phi)
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
