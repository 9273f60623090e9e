internal import Core
internal import Foundation

/// Energy-loss straggling below the δ-ray cut, in the spirit of Urban's model: collisions with
/// energy transfers ε ∝ 1/ε² between the mean excitation energy I and the cut; the many soft
/// ones are summed as a Gaussian, the few hard ones (about four per step) sampled one by one.
/// The mean loss is preserved.
enum EnergyLossFluctuation {
  /// Samples the actual loss for a mean loss `mean` (MeV) with transfers in [e0, emax] (MeV).
  @inline(__always)
  static func sample(mean: Double, e0: Double, emax: Double, rng: inout RandomStream) -> Double {
    guard emax > 2 * e0, mean > 0 else { return mean }
    let lnr = log(emax / e0)
    let meanTransfer = e0 * emax / (emax - e0) * lnr
    let n = mean / meanTransfer
    // Split so that about 4 hard collisions are expected.
    let split = min(emax, e0 * n / 4)
    if split <= 2 * e0 {
      // Few collisions: sample them all.
      return hardCollisions(count: poisson(n, rng: &rng), lo: e0, hi: emax, rng: &rng)
    }
    let pHigh = (1 / split - 1 / emax) / (1 / e0 - 1 / emax)
    let nLow = n * (1 - pHigh)
    let lowMean = nLow * e0 * split / (split - e0) * log(split / e0)
    let lowVar = nLow * e0 * split
    var loss = lowMean + lowVar.squareRoot() * rng.normal()
    loss = max(0, min(loss, 2 * lowMean))
    if pHigh > 0 {
      loss += hardCollisions(count: poisson(n * pHigh, rng: &rng), lo: split, hi: emax, rng: &rng)
    }
    return loss
  }

  @inline(__always)
  static func hardCollisions(count: Int, lo: Double, hi: Double, rng: inout RandomStream) -> Double {
    var sum = 0.0
    let a = 1 / lo
    let b = 1 / lo - 1 / hi
    for _ in 0..<count { sum += 1 / (a - b * rng.uniform()) }
    return sum
  }

  @inline(__always)
  static func poisson(_ mean: Double, rng: inout RandomStream) -> Int {
    if mean > 30 { return max(0, Int((mean + mean.squareRoot() * rng.normal()).rounded())) }
    let limit = exp(-mean)
    var p = rng.uniform()
    var k = 0
    while p > limit {
      p *= rng.uniform()
      k += 1
    }
    return k
  }
}
