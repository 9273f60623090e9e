internal import Core
internal import Foundation

/// Compton scattering on free electrons: Klein–Nishina cross-section and Geant4's
/// G4KleinNishinaCompton sampling. Binding effects are neglected (the photo-effect dominates there).
enum Compton {
  /// Klein–Nishina cross-section per electron, mm².
  static func crossSectionPerElectron(photon e: Double) -> Double {
    let k = e / PhysicsConstants.electronMass
    let re = PhysicsConstants.electronRadius
    if k < 1e-3 { return 8 * Double.pi / 3 * re * re * (1 - 2 * k) }
    let l = log(1 + 2 * k)
    let term =
      (1 + k) / (k * k) * (2 * (1 + k) / (1 + 2 * k) - l / k) + l / (2 * k)
      - (1 + 3 * k) / ((1 + 2 * k) * (1 + 2 * k))
    return 2 * Double.pi * re * re * term
  }

  /// Samples ε = E'/E and cos θ of the scattered photon.
  @inline(__always)
  static func sample(photon e: Double, rng: inout RandomStream) -> (epsilon: Double, cosTheta: Double) {
    let e0m = e / PhysicsConstants.electronMass
    let eps0 = 1 / (1 + 2 * e0m)
    let eps0sq = eps0 * eps0
    let alpha1 = -log(eps0)
    let alpha2 = alpha1 + 0.5 * (1 - eps0sq)
    while true {
      var epsilon: Double
      var epsilonsq: Double
      if alpha1 > alpha2 * rng.uniform() {
        epsilon = exp(-alpha1 * rng.uniform())
        epsilonsq = epsilon * epsilon
      } else {
        epsilonsq = eps0sq + (1 - eps0sq) * rng.uniform()
        epsilon = epsilonsq.squareRoot()
      }
      let onecost = (1 - epsilon) / (epsilon * e0m)
      let sint2 = onecost * (2 - onecost)
      let greject = 1 - epsilon * sint2 / (1 + epsilonsq)
      if greject >= rng.uniform() { return (epsilon, 1 - onecost) }
    }
  }
}
