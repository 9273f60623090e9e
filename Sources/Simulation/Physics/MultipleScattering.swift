internal import Core
internal import Foundation

/// Multiple Coulomb scattering in condensed history.
///
/// The transport mean free path λ1 comes from the screened-Rutherford (Wentzel) cross-section with
/// Molière's screening angle, summed over the elements with Z(Z+1). For a step s the polar angle is
/// drawn from a Wentzel distribution whose screening parameter is chosen so that
/// ⟨1 − cos θ⟩ = 1 − exp(−s/λ1), the exact first moment (Goudsmit–Saunderson); the tail of that
/// distribution stands in for single large-angle scatters. Lateral displacement comes from the
/// random-hinge step in the transport.
enum MultipleScattering {
  /// 1/λ1 (1/mm) for an electron of kinetic energy `t` in `material`.
  static func inverseTransportPath(kinetic t: Double, material: Material) -> Double {
    let m = PhysicsConstants.electronMass
    let e = t + m
    let pc = (t * (t + 2 * m)).squareRoot()
    let beta = pc / e
    let re = PhysicsConstants.electronRadius
    var sum = 0.0
    for (el, n) in zip(material.elements, material.atomDensities) {
      let z = Double(el.z)
      let aTF = 0.88534 * PhysicsConstants.bohrRadius / pow(z, 1.0 / 3)
      let chi0 = PhysicsConstants.hbarC / (pc * aTF)
      let az = PhysicsConstants.alpha * z / beta
      let screening = 0.25 * chi0 * chi0 * (1.13 + 3.76 * az * az)
      let k = Double.pi * z * (z + 1) * re * re * (m / (pc * beta)) * (m / (pc * beta))
      let sigma1 = 2 * k * (log((1 + screening) / screening) - 1 / (1 + screening))
      sum += n * sigma1
    }
    return sum
  }

  /// cos θ from a 2-D Gaussian with the Highland–Lynch–Dahl projected width
  /// θ0 = 13.6 MeV/(βcp) √(x/X0) (1 + 0.038 ln(x/(X0 β²))), x/X0 clamped to ≥ 1e-4 in the log.
  @inline(__always)
  static func highlandCosTheta(kinetic t: Double, stepInX0 x: Double, rng: inout RandomStream) -> Double {
    let m = PhysicsConstants.electronMass
    let pc = (t * (t + 2 * m)).squareRoot()
    let beta2 = pc * pc / ((t + m) * (t + m))
    let corr = max(0.2, 1 + 0.038 * log(max(x, 1e-4) / beta2))
    let theta0 = 13.6 / (pc * beta2.squareRoot()) * x.squareRoot() * corr
    let theta2 = -2 * theta0 * theta0 * log(rng.uniform())
    if theta2 >= Double.pi * Double.pi { return 1 - 2 * rng.uniform() }
    return cos(theta2.squareRoot())
  }

  /// Mean ⟨μ⟩, μ = (1 − cos θ)/2, of a Wentzel distribution with screening parameter `a`.
  static func wentzelMean(_ a: Double) -> Double {
    if a > 1e6 { return 0.5 - 1 / (6 * a) }
    return a * ((1 + a) * log((1 + a) / a) - 1)
  }

  /// Table of A against ln⟨μ⟩ on a uniform grid, for the inverse of `wentzelMean`.
  struct ScreeningTable: Sendable {
    /// ln(1e-12) and ln(0.4999), as literals (no lazy global on the hot path; checked by a test).
    static let lnMin = -0x1.ba18a998fffap+4
    static let lnMax = -0x1.62fe677e610fbp-1
    static let count = 400
    let lnA: [Double]
    let invStep: Double

    init() {
      let n = ScreeningTable.count
      let step = (ScreeningTable.lnMax - ScreeningTable.lnMin) / Double(n - 1)
      invStep = 1 / step
      var out: [Double] = []
      for i in 0..<n {
        let target = ScreeningTable.lnMin + Double(i) * step
        var lo = log(1e-16)
        var hi = log(1e8)
        for _ in 0..<80 {
          let mid = 0.5 * (lo + hi)
          if log(MultipleScattering.wentzelMean(exp(mid))) < target { lo = mid } else { hi = mid }
        }
        out.append(exp(0.5 * (lo + hi)))
      }
      lnA = out
    }

    /// Samples cos θ after a path of `s / λ1` transport lengths.
    @inline(__always)
    func sampleCosTheta(pathOverLambda r: Double, rng: inout RandomStream) -> Double {
      // ln ⟨μ⟩ = ln((1 − e^−r)/2). Up to r = 0.5 (every transport step: at most 0.5 λ1) by
      // ln(r/2) − r/2 + r²/24 − r⁴/2880 + r⁶/181440 (next term r⁸/9676800 < 5e-10): no exp.
      let lm: Double
      if r <= 0.5 {
        let r2 = r * r
        lm = log(0.5 * r) + r * (-0.5 + r * (1.0 / 24 + r2 * (-1.0 / 2880 + r2 / 181_440)))
      } else {
        let mean = 0.5 * (1 - exp(-r))
        if mean >= 0.4999 { return 1 - 2 * rng.uniform() }
        lm = log(mean)
      }
      if lm <= ScreeningTable.lnMin { return 1 - 2 * exp(lm) }
      let x = (lm - ScreeningTable.lnMin) * invStep
      let i = min(Int(x), ScreeningTable.count - 2)
      let f = x - Double(i)
      let a = lnA[i] + f * (lnA[i + 1] - lnA[i])
      let u = rng.uniform()
      let mu = a * u / (1 + a - u)
      return 1 - 2 * mu
    }
  }
}
