internal import Core

/// FPD and KPD between two samples of feature vectors, as JetNet defines them.
///
/// Both take row-major samples (`count * dimension`). Features are first divided by the maximum
/// absolute value of each feature in the reference (`normalise`; all-zero features stay as they are).
/// Resampling draws indices with replacement; the draws come from `SplitMix64`, so values equal
/// JetNet's only in distribution — pass explicit index sets to reproduce a computation exactly.
public enum PhysicsDistances {
  /// Settings of the FPD extrapolation and the KPD batches.
  public struct Configuration: Sendable, Codable, Equatable {
    /// Smallest FPD subset size (JetNet default 10 000 for CaloChallenge: `min_samples`).
    public var fpdMinSamples = 10_000
    /// Largest FPD subset size (JetNet 50 000).
    public var fpdMaxSamples = 50_000
    /// Number of subset sizes, uniform in 1/N (JetNet 10).
    public var fpdPoints = 10
    /// Subsets per size (JetNet 20; fewer by default here, the cost is one covariance each).
    public var fpdBatches = 5
    /// Number of KPD batches (JetNet 10).
    public var kpdBatches = 10
    /// Samples per KPD batch (JetNet/CaloChallenge 10 000; the cost grows as its square).
    public var kpdBatchSize = 1_000
    /// Seed of the resampling.
    public var seed: UInt64 = 42

    /// Defaults as documented per property.
    public init() {}
  }

  /// Result of an FPD or KPD computation.
  public struct Value: Sendable, Codable, Equatable {
    /// The distance (FPD: intercept a; KPD: median).
    public var value: Double
    /// Its uncertainty (FPD: fit error of a; KPD: half the 16.275–83.725 % range).
    public var error: Double
  }

  /// Divides each feature of both samples by the reference's maximum |value| of that feature.
  @_optimize(speed)
  public static func normalise(reference: [Double], candidate: [Double], dimension d: Int) -> (
    [Double], [Double]
  ) {
    var scale = [Double](repeating: 0, count: d)
    for (i, v) in reference.enumerated() { scale[i % d] = max(scale[i % d], abs(v)) }
    for a in 0..<d where scale[a] == 0 { scale[a] = 1 }
    return (
      reference.enumerated().map { $0.element / scale[$0.offset % d] },
      candidate.enumerated().map { $0.element / scale[$0.offset % d] }
    )
  }

  /// Subset sizes of the FPD: `Int(1 / x)` for x uniform between 1/min and 1/max.
  public static func fpdSizes(_ c: Configuration) -> [Int] {
    let a = 1 / Double(c.fpdMinSamples), b = 1 / Double(c.fpdMaxSamples)
    return (0..<c.fpdPoints).map { k in
      let x = c.fpdPoints == 1 ? a : a + (b - a) * Double(k) / Double(c.fpdPoints - 1)
      return Int(1 / x)
    }
  }

  /// Fits `y = a + b x` by least squares with `a, b ≥ 0` and returns `a` and its standard error
  /// `sqrt(s² (JᵀJ)⁻¹₀₀)`, `s²` = residual sum of squares / (n − 2) (as `scipy.optimize.curve_fit`).
  public static func extrapolate(x: [Double], y: [Double]) -> Value {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxx = 0.0, sxy = 0.0
    for i in x.indices { sxx += (x[i] - mx) * (x[i] - mx); sxy += (x[i] - mx) * (y[i] - my) }
    var b = sxx > 0 ? sxy / sxx : 0
    var a = my - b * mx
    if b < 0 {
      b = 0; a = max(0, my)
    } else if a < 0 {
      a = 0
      let sx2 = x.reduce(0) { $0 + $1 * $1 }
      b = max(0, zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / sx2)
    }
    var ssr = 0.0
    for i in x.indices { ssr += (y[i] - a - b * x[i]) * (y[i] - a - b * x[i]) }
    let s2 = x.count > 2 ? ssr / (n - 2) : 0
    let sx = x.reduce(0, +), sx2 = x.reduce(0) { $0 + $1 * $1 }
    let det = n * sx2 - sx * sx
    return Value(value: a, error: det > 0 ? (s2 * sx2 / det).squareRoot() : 0)
  }

  /// Unbiased squared MMD with the polynomial kernel `k(x, y) = (x·y / d + 1)^4`.
  ///
  /// `MMD² = Σ_{i≠j} k(x_i, x_j) / (m(m−1)) + Σ_{i≠j} k(y_i, y_j) / (n(n−1)) − 2 mean k(x_i, y_j)`.
  @_optimize(speed)
  public static func mmdUnbiased(_ x: [Double], _ y: [Double], dimension d: Int) -> Double {
    let m = x.count / d, n = y.count / d
    precondition(m > 1 && n > 1, "MMD needs at least two samples each")
    func kernelSum(_ p: [Double], _ q: [Double], same: Bool) -> Double {
      let np = p.count / d, nq = q.count / d
      let gamma = 1 / Double(d)
      var total = 0.0
      p.withUnsafeBufferPointer { p in
        q.withUnsafeBufferPointer { q in
          for i in 0..<np {
            let pi = p.baseAddress! + i * d
            for j in (same ? i + 1 : 0)..<nq {
              let qj = q.baseAddress! + j * d
              let k = DenseKernels.dot(pi, qj, d) * gamma + 1
              let k2 = k * k
              total += k2 * k2
            }
          }
        }
      }
      return same ? 2 * total : total
    }
    let xx = kernelSum(x, x, same: true) / Double(m * (m - 1))
    let yy = kernelSum(y, y, same: true) / Double(n * (n - 1))
    let xy = kernelSum(x, y, same: false) / Double(m * n)
    return xx + yy - 2 * xy
  }

  /// Median and half the 16.275–83.725 % inter-percentile range of KPD batch values.
  public static func kpdSummary(_ values: [Double]) -> Value {
    let sorted = values.sorted()
    let median = SampleStatistics.quantile(sorted: sorted, 0.5)
    let spread =
      SampleStatistics.quantile(sorted: sorted, 0.83725)
      - SampleStatistics.quantile(sorted: sorted, 0.16275)
    return Value(value: median, error: spread / 2)
  }

  /// Rows `indices` of a row-major sample.
  @_optimize(speed)
  static func gather(_ rows: [Double], dimension d: Int, _ indices: [Int]) -> [Double] {
    var out = [Double]()
    out.reserveCapacity(indices.count * d)
    for i in indices { out.append(contentsOf: rows[(i * d)..<((i + 1) * d)]) }
    return out
  }

  /// Counts how often each row appears in `indices`.
  @_optimize(speed)
  static func weights(_ indices: [Int], population: Int) -> [Int] {
    var w = [Int](repeating: 0, count: population)
    for i in indices { w[i] += 1 }
    return w
  }
}
