internal import Core
internal import Foundation

/// Positron annihilation into two photons in flight (Heitler) and at rest, following Geant4's
/// G4eeToTwoGammaModel.
enum Annihilation {
  /// Heitler cross-section per electron, mm².
  static func crossSectionPerElectron(kinetic t: Double) -> Double {
    let m = PhysicsConstants.electronMass
    let tau = max(t / m, 1e-6)
    let gam = tau + 1
    let tau2 = tau * (tau + 2)
    let sqt = tau2.squareRoot()
    let re = PhysicsConstants.electronRadius
    return Double.pi * re * re * ((gam * gam + 4 * gam + 1) * log(gam + sqt) - (3 + gam) * sqt)
      / (tau2 * (gam + 1))
  }

  /// Samples the first photon: its energy fraction of T + 2m and its cos θ to the positron.
  @inline(__always)
  static func sample(kinetic t: Double, rng: inout RandomStream) -> (fraction: Double, cosTheta: Double) {
    let m = PhysicsConstants.electronMass
    let tau = t / m
    let gam = tau + 1
    let tau2 = tau + 2
    let sqgrate = (tau / tau2).squareRoot() * 0.5
    let sqg2m1 = (tau * tau2).squareRoot()
    let epsmin = 0.5 - sqgrate
    let epsmax = 0.5 + sqgrate
    let logq = log(epsmax / epsmin)
    while true {
      let eps = epsmin * exp(logq * rng.uniform())
      let greject = 1 - eps + (2 * gam * eps - 1) / (eps * tau2 * tau2)
      if greject > rng.uniform() {
        let cost = min(1, max(-1, (eps * tau2 - 1) / (eps * sqg2m1)))
        return (eps, cost)
      }
    }
  }
}
