import Core
import TestSupport
import Testing
import Validation

/// Metrics against numpy/scipy references (Fixtures/metrics.json), relative tolerance 1e-6.
@Suite struct MetricsTests {
  let fixture: [String: Any]
  init() throws { fixture = try FixtureLoader.json("metrics") }

  @Test func separationPowerMatchesCaloChallenge() {
    let h = Histogram(edges: fixture.doubles("edges"))
    let a = h.counts(of: fixture.doubles("a")), b = h.counts(of: fixture.doubles("b"))
    #expect(firstMismatch(a, fixture.doubles("countsA"), relative: 0, absolute: 0) == nil)
    let s = Histogram.separationPower(a, b)
    #expect(isClose(s, fixture.double("separationPower"), relative: 1e-6, absolute: 0))
    #expect(Histogram.separationPower(a, a) == 0)
  }

  @Test func kolmogorovSmirnovMatchesScipy() {
    let a = fixture.doubles("a").sorted(), b = fixture.doubles("b").sorted()
    let d = SampleStatistics.kolmogorovSmirnov(sorted: a, sorted: b)
    #expect(isClose(d, fixture.double("ks"), relative: 1e-6, absolute: 0))
    let p = SampleStatistics.kolmogorovPValue(statistic: d, counts: a.count, b.count)
    #expect(isClose(p, fixture.double("ksPValueAsymptotic"), relative: 1e-6, absolute: 0))
  }

  @Test func wassersteinMatchesScipy() {
    let a = fixture.doubles("a").sorted(), b = fixture.doubles("b").sorted()
    let w = SampleStatistics.wasserstein1(sorted: a, sorted: b)
    #expect(isClose(w, fixture.double("w1"), relative: 1e-6, absolute: 0))
    #expect(SampleStatistics.wasserstein1(sorted: a, sorted: a) == 0)
  }

  @Test func quantilesMatchNumpy() {
    let a = fixture.doubles("a").sorted()
    let q = [0.0, 0.1, 0.5, 0.999, 1.0].map { SampleStatistics.quantile(sorted: a, $0) }
    #expect(firstMismatch(q, fixture.doubles("quantiles"), relative: 1e-12, absolute: 0) == nil)
  }

  @Test func normalisationAndCovarianceMatchNumpy() {
    let d = Int(fixture.double("dimension"))
    let (x, _) = PhysicsDistances.normalise(
      reference: fixture.doubles("x"), candidate: fixture.doubles("y"), dimension: d)
    #expect(firstMismatch(x, fixture.doubles("xNormalised"), relative: 1e-12, absolute: 0) == nil)
    let cov = FrechetDistance.moments(x, dimension: d).covariance
    #expect(firstMismatch(cov, fixture.doubles("covariance"), relative: 1e-9, absolute: 1e-15) == nil)
  }

  @Test func frechetDistanceMatchesScipySqrtm() {
    let d = 6
    let (x, y) = PhysicsDistances.normalise(
      reference: fixture.doubles("x"), candidate: fixture.doubles("y"), dimension: d)
    let a = FrechetDistance.moments(x, dimension: d), b = FrechetDistance.moments(y, dimension: d)
    let f = FrechetDistance.distance(
      mean1: a.mean, covariance1: a.covariance, mean2: b.mean, covariance2: b.covariance)
    #expect(isClose(f, fixture.double("frechet"), relative: 1e-6, absolute: 0))
  }

  @Test func boundedLineFitMatchesCurveFit() {
    let fit = PhysicsDistances.extrapolate(x: fixture.doubles("fitX"), y: fixture.doubles("fitY"))
    #expect(isClose(fit.value, fixture.double("fitA"), relative: 1e-6, absolute: 0))
    #expect(isClose(fit.error, fixture.double("fitAError"), relative: 1e-4, absolute: 0))
  }

  @Test func fpdOverExplicitDrawsMatchesJetNetRecipe() async {
    let d = 6
    let (x, y) = PhysicsDistances.normalise(
      reference: fixture.doubles("x"), candidate: fixture.doubles("y"), dimension: d)
    let draws = (fixture["fpdDraws"] as! [[[String: Any]]]).map { pairs in
      pairs.map { PhysicsDistances.Draw(reference: $0.ints("reference"), candidate: $0.ints("candidate")) }
    }
    let fpd = await PhysicsDistances.fpd(reference: x, candidate: y, dimension: d, draws: draws)
    #expect(isClose(fpd.value, fixture.double("fpd"), relative: 1e-6, absolute: 0))
    #expect(isClose(fpd.value, fixture.double("fpdCurveFit"), relative: 1e-4, absolute: 0))
    #expect(isClose(fpd.error, fixture.double("fpdError"), relative: 1e-4, absolute: 0))
  }

  @Test func kpdOverExplicitBatchesMatchesJetNet() async {
    let d = 6
    let (x, y) = PhysicsDistances.normalise(
      reference: fixture.doubles("x"), candidate: fixture.doubles("y"), dimension: d)
    #expect(
      isClose(
        PhysicsDistances.mmdUnbiased(x, y, dimension: d), fixture.double("mmdFull"), relative: 1e-6,
        absolute: 0))
    let batches = (fixture["kpdBatches"] as! [[String: Any]]).map {
      PhysicsDistances.Draw(reference: $0.ints("reference"), candidate: $0.ints("candidate"))
    }
    let kpd = await PhysicsDistances.kpd(reference: x, candidate: y, dimension: d, batches: batches)
    #expect(isClose(kpd.value, fixture.double("kpd"), relative: 1e-6, absolute: 0))
    #expect(isClose(kpd.error, fixture.double("kpdError"), relative: 1e-6, absolute: 0))
  }

  @Test func pearsonMatchesCorrcoef() {
    let r = PhysicsDistances.pearson(fixture.doubles("x"), dimension: 6)
    #expect(firstMismatch(r, fixture.doubles("pearson"), relative: 1e-9, absolute: 1e-12) == nil)
  }

  @Test func jacobiReconstructsMatrix() {
    let a: [Double] = [4, 1, 2, 1, 3, 0.5, 2, 0.5, 5]
    let (values, v) = SymmetricEigen.decompose(a, n: 3)
    for i in 0..<3 {
      for j in 0..<3 {
        let r = (0..<3).reduce(0.0) { $0 + v[i * 3 + $1] * values[$1] * v[j * 3 + $1] }
        #expect(isClose(r, a[i * 3 + j], relative: 1e-12, absolute: 1e-12))
      }
    }
    #expect(isClose(values.reduce(0, +), 12, relative: 1e-12))
  }
}

@Suite struct EigenTests {
  @Test(arguments: [2, 7, 40])
  func tridiagonalQLAgreesWithJacobi(n: Int) {
    var rng = SplitMix64(seed: UInt64(n))
    var b = (0..<(n * n)).map { _ in Double(Int.random(in: -1000...1000, using: &rng)) / 100 }
    for i in 0..<n { for j in 0..<i { b[i * n + j] = b[j * n + i] } }
    let jacobi = SymmetricEigen.decompose(b, n: n, vectors: false).values.sorted()
    let ql = SymmetricEigen.eigenvalues(b, n: n).sorted()
    #expect(firstMismatch(ql, jacobi, relative: 1e-9, absolute: 1e-9) == nil)
  }

  @Test func choleskyReconstructsAndSkipsSingularDirections() {
    // Rank-2 PSD matrix in 3D: the constant third feature gives a zero row and column.
    let a: [Double] = [4, 2, 0, 2, 3, 0, 0, 0, 0]
    let l = SymmetricEigen.cholesky(a, n: 3)
    for i in 0..<3 {
      for j in 0..<3 {
        let r = (0..<3).reduce(0.0) { $0 + l[i * 3 + $1] * l[j * 3 + $1] }
        #expect(isClose(r, a[i * 3 + j], relative: 1e-12, absolute: 1e-12))
      }
    }
  }
}
