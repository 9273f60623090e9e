internal import Core
internal import Foundation

/// Ionisation by electrons (Møller) and positrons (Bhabha): restricted stopping power with the
/// Sternheimer density effect, δ-ray cross-sections above the cut and their sampling, following
/// Geant4's G4MollerBhabhaModel.
struct Ionisation: Sendable {
  let electronDensity: Double
  let meanExcitation: Double
  let density: (c: Double, x0: Double, x1: Double, a: Double, m: Double)
  let material: Material

  init(material: Material) {
    self.material = material
    electronDensity = material.electronDensity
    meanExcitation = material.meanExcitation
    density = material.densityEffect
  }

  /// Restricted collision stopping power (MeV/mm) for δ-rays below `cut`.
  func restrictedLoss(kinetic t: Double, cut: Double, positron: Bool) -> Double {
    let m = PhysicsConstants.electronMass
    let tau = t / m
    let gam = tau + 1
    let gamma2 = gam * gam
    let bg2 = tau * (tau + 2)
    let beta2 = bg2 / gamma2
    let eexc = meanExcitation / m
    let eexc2 = eexc * eexc
    let tmax = positron ? t : 0.5 * t
    let d = min(cut, tmax) / m
    var dedx: Double
    if !positron {
      dedx =
        log(2 * (tau + 2) / eexc2) - 1 - beta2 + log((tau - d) * d) + tau / (tau - d)
        + (0.5 * d * d + (2 * tau + 1) * log(1 - d / tau)) / gamma2
    } else {
      let y = 1 / (1 + gam)
      let d2 = d * d * 0.5
      let d3 = d2 * d / 1.5
      let d4 = d3 * d * 0.75
      dedx =
        log(2 * (tau + 2) / eexc2) + log(tau * d)
        - beta2 * (tau + 2 * d - y * (3 * d2 + y * (d - d3 + y * (d2 - tau * d3 + d4)))) / tau
    }
    let x = log(bg2) / (2 * log(10.0))
    dedx -= material.densityCorrection(x: x, params: density)
    dedx *= PhysicsConstants.twoPiMc2Re2 * electronDensity / beta2
    return max(0, dedx)
  }

  /// Macroscopic δ-ray cross-section above `cut` (1/mm).
  func crossSection(kinetic t: Double, cut: Double, positron: Bool) -> Double {
    let m = PhysicsConstants.electronMass
    let tmax = positron ? t : 0.5 * t
    guard cut < tmax else { return 0 }
    let xmin = cut / t
    let xmax = tmax / t
    let gam = t / m + 1
    let gamma2 = gam * gam
    let beta2 = 1 - 1 / gamma2
    var cross: Double
    if !positron {
      let gg = (2 * gam - 1) / gamma2
      cross =
        ((xmax - xmin) * (1 - gg + 1 / (xmin * xmax) + 1 / ((1 - xmin) * (1 - xmax)))
          - gg * log(xmax * (1 - xmin) / (xmin * (1 - xmax)))) / beta2
    } else {
      let y = 1 / (1 + gam)
      let y2 = y * y
      let y12 = 1 - 2 * y
      let b1 = 2 - y2
      let b2 = y12 * (3 + y2)
      let y122 = y12 * y12
      let b4 = y122 * y12
      let b3 = b4 + y122
      cross =
        (xmax - xmin)
        * (1 / (beta2 * xmin * xmax) + b2 - 0.5 * b3 * (xmin + xmax)
          + b4 * (xmin * xmin + xmin * xmax + xmax * xmax) / 3) - b1 * log(xmax / xmin)
    }
    return max(0, cross * PhysicsConstants.twoPiMc2Re2 / t * electronDensity)
  }

  /// Samples the δ-ray kinetic energy (MeV).
  @inline(__always)
  static func sampleDelta(kinetic t: Double, cut: Double, positron: Bool, rng: inout RandomStream) -> Double {
    let m = PhysicsConstants.electronMass
    let xmin = cut / t
    let gam = t / m + 1
    let gamma2 = gam * gam
    let beta2 = 1 - 1 / gamma2
    if !positron {
      let xmax = 0.5
      let gg = (2 * gam - 1) / gamma2
      let ymax = 1 - xmax
      let grej = 1 - gg * xmax + xmax * xmax * (1 - gg + (1 - gg * ymax) / (ymax * ymax))
      while true {
        let q = rng.uniform()
        let x = xmin * xmax / (xmin * (1 - q) + xmax * q)
        let y = 1 - x
        let z = 1 - gg * x + x * x * (1 - gg + (1 - gg * y) / (y * y))
        if grej * rng.uniform() <= z { return x * t }
      }
    } else {
      let xmax = 1.0
      let y0 = 1 / (1 + gam)
      let y2 = y0 * y0
      let y12 = 1 - 2 * y0
      let b1 = 2 - y2
      let b2 = y12 * (3 + y2)
      let y122 = y12 * y12
      let b4 = y122 * y12
      let b3 = b4 + y122
      let yy = xmin * xmin
      let grej = 1 + (yy * yy * b4 - xmin * yy * b3 + yy * b2 - xmin * b1) * beta2
      while true {
        let q = rng.uniform()
        let x = xmin * xmax / (xmin * (1 - q) + xmax * q)
        let y = x * x
        let z = 1 + (y * y * b4 - x * y * b3 + y * b2 - x * b1) * beta2
        if grej * rng.uniform() <= z { return x * t }
      }
    }
  }
}
