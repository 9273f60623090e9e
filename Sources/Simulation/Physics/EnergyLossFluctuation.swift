internal import Core
internal import Foundation

/// Energy-loss straggling below the δ-ray cut, after Urban's model (Geant4's G4UrbanFluctuation):
/// the mean loss is shared between distant collisions (excitations, fraction 1 − `ionisationRate`,
/// quanta of `excitationWidth` × I, Poisson-distributed) and close collisions (fraction
/// `ionisationRate`) with transfers ε ∝ 1/ε² between 10 eV and the cut; of those the many soft
/// ones are summed as a Gaussian, the few hard ones (about four per step) sampled one by one.
/// The mean loss is preserved.
///
/// In the Bethe formula the distant collisions carry about half of the stopping power
/// (ln(2mc²β²γ²/I) against ln(T_cut/I)); giving all of the loss to 1/ε² collisions from I upwards
/// (as this model did before) put 2.4× too much of it into transfers above 10 keV, skewed the loss
/// distribution and lowered the mean deposit of electrons crossing the 0.5 mm silicon
/// (Sources/Simulation/README.md).
enum EnergyLossFluctuation {
  /// Share of the mean loss in close (1/ε²) collisions, Urban's `rate`.
  static let ionisationRate = 0.56
  /// Excitation quantum in units of the mean excitation energy, Urban's `fw`.
  static let excitationWidth = 4.0
  /// Lowest transfer of the close collisions, MeV (Urban's e0 = 10 eV).
  static let lowestTransfer = 1e-5

  /// Samples the actual loss for a mean loss `mean` (MeV), mean excitation energy `meanExcitation`
  /// and largest transfer `emax` (MeV).
  @inline(__always)
  static func sample(mean: Double, meanExcitation: Double, emax: Double, rng: inout RandomStream) -> Double {
    guard mean > 0, emax > 2 * lowestTransfer else { return mean }
    let e1 = excitationWidth * meanExcitation
    // Excitations: a Poisson number of quanta e1; above 30 a Gaussian, drawn together with the
    // Gaussian of the soft close collisions (one normal deviate for both).
    var exMean = 0.0
    var exVar = 0.0
    var loss = 0.0
    var closeMean = mean
    if emax > e1 {
      closeMean = mean * ionisationRate
      let count = (mean - closeMean) / e1
      if count > 30 {
        exMean = count * e1
        exVar = exMean * e1
      } else {
        loss = Double(poisson(count, rng: &rng)) * e1
      }
    }
    let e0 = lowestTransfer
    let lnr = log(emax / e0)
    let n = closeMean / (e0 * emax / (emax - e0) * lnr)
    // Split so that about 4 hard collisions are expected.
    let split = min(emax, e0 * n / 4)
    if split <= 2 * e0 {
      // Few collisions: sample them all.
      loss += hardCollisions(count: poisson(n, rng: &rng), lo: e0, hi: emax, rng: &rng)
      if exVar > 0 { loss += max(0, min(exMean + exVar.squareRoot() * rng.normal(), 2 * exMean)) }
      return loss
    }
    let pHigh = (1 / split - 1 / emax) / (1 / e0 - 1 / emax)
    let nLow = n * (1 - pHigh)
    let lowMean = nLow * e0 * split / (split - e0) * log(split / e0) + exMean
    let lowVar = nLow * e0 * split + exVar
    loss += max(0, min(lowMean + lowVar.squareRoot() * rng.normal(), 2 * lowMean))
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
