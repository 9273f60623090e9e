internal import Foundation

extension Material {
  /// Tsai's radiation logarithms L_rad, L'_rad for an element.
  static func radiationLogs(z: Int) -> (Double, Double) {
    switch z {
    case 1: return (5.31, 6.144)
    case 2: return (4.79, 5.621)
    case 3: return (4.74, 5.805)
    case 4: return (4.71, 5.924)
    default:
      let z3 = pow(Double(z), 1.0 / 3)
      return (log(184.15 / z3), log(1194 / (z3 * z3)))
    }
  }

  /// Coulomb correction f(Z) (Davies, Bethe, Maximon).
  static func coulombCorrection(z: Int) -> Double {
    let a2 = pow(PhysicsConstants.alpha * Double(z), 2)
    return a2 * (1 / (1 + a2) + 0.20206 - 0.0369 * a2 + 0.0083 * a2 * a2 - 0.002 * a2 * a2 * a2)
  }

  /// 1/X0 contribution of one atom per mm³ of element `z`, 1/mm per (1/mm³).
  static func inverseRadiationLengthPerAtom(z: Int) -> Double {
    let (lrad, lprime) = radiationLogs(z: z)
    let zz = Double(z)
    let re = PhysicsConstants.electronRadius
    return 4 * PhysicsConstants.alpha * re * re
      * (zz * zz * (lrad - coulombCorrection(z: z)) + zz * lprime)
  }

  /// Radiation length, mm.
  public var radiationLength: Double {
    var inv = 0.0
    for (e, n) in zip(elements, atomDensities) { inv += n * Material.inverseRadiationLengthPerAtom(z: e.z) }
    return 1 / inv
  }

  /// Critical energy of an element by the PDG fits, MeV.
  static func criticalEnergy(z: Int, gas: Bool) -> Double {
    gas ? 710 / (Double(z) + 0.92) : 610 / (Double(z) + 1.24)
  }

  /// Critical energy of the mixture, E_c = X0 Σ w_j E_cj / X_j (PDG mixture rule), MeV.
  public var criticalEnergy: Double {
    // Work in mass units: X_j in g/mm² for the pure element.
    var sum = 0.0
    for (e, w) in zip(elements, massFractions) {
      let perGram = PhysicsConstants.avogadro / e.molarMass * Material.inverseRadiationLengthPerAtom(z: e.z)
      sum += w * Material.criticalEnergy(z: e.z, gas: isGas) * perGram
    }
    return sum * radiationLength * density * 1e-3
  }

  /// Molière radius R_M = E_s X0 / E_c, mm.
  public var moliereRadius: Double {
    PhysicsConstants.scaleEnergy * radiationLength / criticalEnergy
  }

  /// Plasma energy ħω_p, MeV.
  public var plasmaEnergy: Double {
    // ħω_p = sqrt(4π n_e r_e) ħc
    (4 * Double.pi * electronDensity * PhysicsConstants.electronRadius).squareRoot()
      * PhysicsConstants.hbarC
  }

  /// Density-effect parameters (C, x0, x1, a, m): the tabulated ones when the spec gives them,
  /// else Sternheimer–Peierls from I and the plasma energy.
  var densityEffect: (c: Double, x0: Double, x1: Double, a: Double, m: Double) {
    if let d = tabulatedDensityEffect { return (d[0], d[1], d[2], d[3], d[4]) }
    let cbar = 1 + 2 * log(meanExcitation / plasmaEnergy)
    var x0: Double
    var x1: Double
    if isGas {
      switch cbar {
      case ..<10: (x0, x1) = (1.6, 4)
      case ..<10.5: (x0, x1) = (1.7, 4)
      case ..<11: (x0, x1) = (1.8, 4)
      case ..<11.5: (x0, x1) = (1.9, 4)
      case ..<12.25: (x0, x1) = (2.0, 4)
      case ..<13.804: (x0, x1) = (2.0, 5)
      default: (x0, x1) = (0.326 * cbar - 1.5, 5)
      }
    } else if meanExcitation < 100e-6 {
      (x0, x1) = cbar <= 3.681 ? (0.2, 2) : (0.326 * cbar - 1.0, 2)
    } else {
      (x0, x1) = cbar <= 5.215 ? (0.2, 3) : (0.326 * cbar - 1.5, 3)
    }
    let m = 3.0
    let a = (cbar - 2 * log(10) * x0) / pow(x1 - x0, m)
    return (cbar, x0, x1, a, m)
  }

  /// Density-effect correction δ at x = log10(βγ) (Sternheimer's parametrisation).
  ///
  /// Below x0, δ = δ0 · 10^(2(x − x0)) (Sternheimer, Berger & Seltzer 1984, PDG eq. 34.7; Geant4's
  /// G4IonisParamMat), with δ0 the value of the middle branch at x0, so that δ is continuous there:
  /// 0.14 for the tabulated Si and W parameters (conductors), 0 for Sternheimer–Peierls parameters,
  /// whose `a` is defined by δ(x0) = 0.
  func densityCorrection(x: Double, params p: (c: Double, x0: Double, x1: Double, a: Double, m: Double))
    -> Double
  {
    if x < p.x0 {
      let delta0 = 2 * log(10) * p.x0 - p.c + p.a * pow(p.x1 - p.x0, p.m)
      return delta0 > 1e-9 ? delta0 * pow(10, 2 * (x - p.x0)) : 0
    }
    let base = 2 * log(10) * x - p.c
    if x < p.x1 { return base + p.a * pow(p.x1 - x, p.m) }
    return base
  }
}
