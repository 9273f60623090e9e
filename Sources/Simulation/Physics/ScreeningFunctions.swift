internal import Foundation

/// Per-element constants of the screened Bethe–Heitler cross-sections (Tsai, Rev. Mod. Phys. 46, 815).
struct ScreenedAtom: Sendable {
  let z: Double
  /// Z^(1/3) and Z^(2/3).
  let z13: Double
  let z23: Double
  /// 4/3 ln Z.
  let fourThirdsLnZ: Double
  /// Coulomb correction f(Z).
  let coulomb: Double
  /// Atoms per mm³ in the material.
  let density: Double

  init(z: Int, density: Double) {
    self.z = Double(z)
    z13 = pow(Double(z), 1.0 / 3)
    z23 = z13 * z13
    fourThirdsLnZ = 4.0 / 3 * log(Double(z))
    coulomb = Material.coulombCorrection(z: z)
    self.density = density
  }

  /// Thomas–Fermi screening functions φ1, φ1−φ2 (argument γ) and ψ1, ψ1−ψ2 (argument ε).
  @inline(__always)
  static func screening(gamma g: Double, epsilon e: Double) -> (Double, Double, Double, Double) {
    let phi1 =
      20.863 - 2 * log(1 + 0.55846 * 0.55846 * g * g)
      - 4 * (1 - 0.6 * exp(-0.9 * g) - 0.4 * exp(-1.5 * g))
    let phi12 = (2.0 / 3) / (1 + 6.5 * g + 6 * g * g)
    let psi1 =
      28.340 - 2 * log(1 + 3.621 * 3.621 * e * e)
      - 4 * (1 - 0.7 * exp(-8 * e) - 0.3 * exp(-29.2 * e))
    let psi12 = (2.0 / 3) / (1 + 40 * e + 400 * e * e)
    return (phi1, phi12, psi1, psi12)
  }

  /// Bracket terms [Z²(φ1 − 4/3 lnZ − 4f) + Z(ψ1 − 8/3 lnZ)] and [Z²(φ1−φ2) + Z(ψ1−ψ2)] at
  /// screening argument `delta` = 100 m k/(E1 E2), with or without the Coulomb correction.
  @inline(__always)
  func brackets(delta: Double, coulomb useCoulomb: Bool = true) -> (Double, Double) {
    let (phi1, phi12, psi1, psi12) = ScreenedAtom.screening(gamma: delta / z13, epsilon: delta / z23)
    let f = useCoulomb ? coulomb : 0
    let t1 = z * z * (phi1 - fourThirdsLnZ - 4 * f) + z * (psi1 - 2 * fourThirdsLnZ)
    let t2 = z * z * phi12 + z * psi12
    return (t1, t2)
  }
}
