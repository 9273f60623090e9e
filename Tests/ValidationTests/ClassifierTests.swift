import Core
import Foundation
import TestSupport
import Testing
import Validation

/// Calibration, AUC and JSD against numpy/scipy (Fixtures/calibration.json, 1e-9 relative), and the
/// classifier test on toys with known answers.
@Suite struct ClassifierTests {
  @Test func isotonicAucAndJsdMatchReferences() throws {
    let f = try FixtureLoader.json("calibration")
    let scores = f.doubles("scores"), labels = f.ints("labels").map { $0 == 1 }
    let iso = Calibration.Isotonic(scores: scores, targets: labels.map { $0 ? 1 : 0 })
    #expect(firstMismatch(iso.x, f.doubles("isotonicX"), relative: 1e-12, absolute: 0) == nil)
    #expect(firstMismatch(iso.y, f.doubles("isotonicY"), relative: 1e-9, absolute: 1e-12) == nil)
    #expect(
      firstMismatch(
        f.doubles("probe").map { iso($0) }, f.doubles("probeValues"), relative: 1e-9, absolute: 1e-12) == nil)
    #expect(isClose(Calibration.auc(scores: scores, labels: labels), f.double("auc"), relative: 1e-9))
    let calibrated = scores.map { min(1 - 1e-6, max(1e-6, iso($0))) }
    #expect(
      isClose(Calibration.jsd(probabilities: calibrated, labels: labels), f.double("jsd"), relative: 1e-9))
  }

  static func gaussians(_ n: Int, d: Int, shift: Double, seed: UInt64) -> [Double] {
    var rng = SplitMix64(seed: seed)
    return (0..<(n * d)).map { k in
      let u = max(Double(rng.next() >> 11) * 0x1p-53, 1e-300), v = Double(rng.next() >> 11) * 0x1p-53
      return (-2 * log(u)).squareRoot() * cos(2 * .pi * v) + (k % d == 0 ? shift : 0)
    }
  }

  static var configuration: ClassifierTest.Configuration {
    var c = ClassifierTest.Configuration()
    c.hidden = 64
    c.epochs = 15
    c.batchSize = 500
    c.learningRate = 1e-3
    return c
  }

  @Test func separableToyGivesAucOne() throws {
    let d = 8
    let r = try ClassifierTest(configuration: Self.configuration).run(
      reference: Self.gaussians(3000, d: d, shift: 6, seed: 1),
      candidate: Self.gaussians(3000, d: d, shift: -6, seed: 2),
      dimension: d)
    print("classifier AUC on the separable toy: \(r.auc), JSD \(r.jsd)")
    #expect(abs(r.auc - 1) <= 0.01, "AUC \(r.auc)")
    #expect(r.jsd > 0.9, "JSD \(r.jsd)")
  }

  @Test(arguments: [UInt64(3), 5, 7, 9])
  func oneDistributionGivesAucOneHalf(seed: UInt64) throws {
    let d = 8
    var c = Self.configuration
    c.seed = seed
    let r = try ClassifierTest(configuration: c).run(
      reference: Self.gaussians(10_000, d: d, shift: 0, seed: seed),
      candidate: Self.gaussians(10_000, d: d, shift: 0, seed: seed + 1), dimension: d)
    print("classifier AUC on one distribution, seed \(seed): \(r.auc), JSD \(r.jsd)")
    // 2,000 validation showers per class: the AUC spread of two equal samples is about 0.01.
    #expect(abs(r.auc - 0.5) <= 0.03, "AUC \(r.auc)")
    // The isotonic fit on the test split overfits its ends, so the JSD scatters around 0 (seen: −0.05…0).
    #expect(abs(r.jsd) < 0.1, "JSD \(r.jsd)")
  }
}
