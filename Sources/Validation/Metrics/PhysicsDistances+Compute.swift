internal import Core
internal import Foundation

extension PhysicsDistances {
  /// One FPD subset pair: the sizes' index draws into reference and candidate.
  public struct Draw: Sendable {
    /// Indices into the reference rows.
    public var reference: [Int]
    /// Indices into the candidate rows.
    public var candidate: [Int]

    /// Creates a draw.
    public init(reference: [Int], candidate: [Int]) {
      self.reference = reference
      self.candidate = candidate
    }
  }

  /// The ∞-extrapolated Fréchet physics distance (FPD) over explicit subsets.
  ///
  /// - Parameters:
  ///   - reference, candidate: Normalised row-major samples.
  ///   - dimension: Feature dimension.
  ///   - draws: For each subset size, its subset pairs (all of one size share one N).
  /// - Returns: The intercept of `d²(N) = a + b/N` and its error.
  public static func fpd(
    reference: [Double], candidate: [Double], dimension d: Int, draws: [[Draw]]
  ) async -> Value {
    let nr = reference.count / d, nc = candidate.count / d
    let jobs = draws.enumerated().flatMap { k, pairs in pairs.map { (k, $0) } }
    let values = await withTaskGroup(of: (Int, Double).self) { group in
      for (k, draw) in jobs {
        group.addTask {
          let a = FrechetDistance.moments(
            reference, dimension: d, weights: weights(draw.reference, population: nr))
          let b = FrechetDistance.moments(
            candidate, dimension: d, weights: weights(draw.candidate, population: nc))
          return (
            k,
            FrechetDistance.distance(
              mean1: a.mean, covariance1: a.covariance, mean2: b.mean, covariance2: b.covariance)
          )
        }
      }
      var sums = [Double](repeating: 0, count: draws.count)
      for await (k, v) in group { sums[k] += v }
      return sums
    }
    let x = draws.map { 1 / Double($0[0].reference.count) }
    let y = zip(values, draws).map { $0 / Double($1.count) }
    return extrapolate(x: x, y: y)
  }

  /// FPD with JetNet's sizes and seeded draws (see `Configuration`).
  public static func fpd(
    reference: [Double], candidate: [Double], dimension d: Int, configuration c: Configuration = .init()
  ) async -> Value {
    var rng = SplitMix64(seed: c.seed)
    let nr = reference.count / d, nc = candidate.count / d
    let draws = fpdSizes(c).map { size in
      (0..<c.fpdBatches).map { _ in
        Draw(
          reference: rng.indices(count: size, population: nr),
          candidate: rng.indices(count: size, population: nc))
      }
    }
    return await fpd(reference: reference, candidate: candidate, dimension: d, draws: draws)
  }

  /// Kernel physics distance (KPD) over explicit batches: the median MMD² and its spread.
  public static func kpd(
    reference: [Double], candidate: [Double], dimension d: Int, batches: [Draw]
  ) async -> Value {
    let values = await withTaskGroup(of: Double.self) { group in
      for draw in batches {
        group.addTask {
          mmdUnbiased(
            gather(reference, dimension: d, draw.reference),
            gather(candidate, dimension: d, draw.candidate), dimension: d)
        }
      }
      var values: [Double] = []
      for await v in group { values.append(v) }
      return values
    }
    return kpdSummary(values)
  }

  /// KPD with seeded batches of `kpdBatchSize` rows drawn with replacement.
  public static func kpd(
    reference: [Double], candidate: [Double], dimension d: Int, configuration c: Configuration = .init()
  ) async -> Value {
    let nr = reference.count / d, nc = candidate.count / d
    let batches = (0..<c.kpdBatches).map { i in
      var rng = SplitMix64(seed: c.seed &+ UInt64(1000 * i))
      return Draw(
        reference: rng.indices(count: c.kpdBatchSize, population: nr),
        candidate: rng.indices(count: c.kpdBatchSize, population: nc))
    }
    return await kpd(reference: reference, candidate: candidate, dimension: d, batches: batches)
  }

  /// Pearson correlation matrix of the columns of a row-major sample (`numpy.corrcoef`, rowvar=False);
  /// entries of constant columns are 0 (1 on the diagonal).
  @_optimize(speed)
  public static func pearson(_ rows: [Double], dimension d: Int) -> [Double] {
    let (_, cov) = FrechetDistance.moments(rows, dimension: d)
    var r = [Double](repeating: 0, count: d * d)
    for a in 0..<d {
      for b in 0..<d {
        let denominator = (cov[a * d + a] * cov[b * d + b]).squareRoot()
        r[a * d + b] = a == b ? 1 : (denominator > 0 ? cov[a * d + b] / denominator : 0)
      }
    }
    return r
  }
}
