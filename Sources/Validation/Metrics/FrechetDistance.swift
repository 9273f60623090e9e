/// Fréchet (Gaussian 2-Wasserstein) distance between samples of feature vectors.
///
/// `d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^{1/2})`, covariances with `ddof = 1` (`numpy.cov`).
/// The trace of the matrix square root is computed as `Σ sqrt(λ)` over the eigenvalues of the
/// symmetric `Λ₁^{1/2} V₁ᵀ Σ₂ V₁ Λ₁^{1/2}` (similar to Σ₁Σ₂), with two Jacobi decompositions;
/// negative round-off eigenvalues count as 0.
public enum FrechetDistance {
  /// Mean and covariance of a sample, optionally with integer repeat counts per row.
  ///
  /// - Parameters:
  ///   - rows: Row-major samples, `count * dimension` values.
  ///   - dimension: Feature dimension d.
  ///   - weights: Times each row is drawn (a resample with replacement), or `nil` for once each.
  /// - Returns: Mean (d values) and covariance (d × d, row-major, ddof = 1).
  @_optimize(speed)
  public static func moments(_ rows: [Double], dimension d: Int, weights: [Int]? = nil) -> (
    mean: [Double], covariance: [Double]
  ) {
    let count = rows.count / d
    var mean = [Double](repeating: 0, count: d)
    var n = 0.0
    for i in 0..<count {
      let w = Double(weights?[i] ?? 1)
      if w == 0 { continue }
      n += w
      for a in 0..<d { mean[a] += w * rows[i * d + a] }
    }
    precondition(n > 1, "a covariance needs at least two samples")
    for a in 0..<d { mean[a] /= n }
    var cov = [Double](repeating: 0, count: d * d)
    var centred = [Double](repeating: 0, count: d)
    cov.withUnsafeMutableBufferPointer { cov in
      for i in 0..<count {
        let w = Double(weights?[i] ?? 1)
        if w == 0 { continue }
        for a in 0..<d { centred[a] = rows[i * d + a] - mean[a] }
        for a in 0..<d {
          let wa = w * centred[a]
          if wa == 0 { continue }
          for b in a..<d { cov[a * d + b] += wa * centred[b] }
        }
      }
      for a in 0..<d {
        for b in a..<d {
          cov[a * d + b] /= (n - 1)
          cov[b * d + a] = cov[a * d + b]
        }
      }
    }
    return (mean, cov)
  }

  /// Squared Fréchet distance between two Gaussians.
  ///
  /// - Parameters:
  ///   - mean1, covariance1: First Gaussian (d, d × d row-major).
  ///   - mean2, covariance2: Second Gaussian.
  /// - Returns: `d²`, ≥ 0 up to round-off.
  @_optimize(speed)
  public static func distance(
    mean1: [Double], covariance1: [Double], mean2: [Double], covariance2: [Double]
  ) -> Double {
    let d = mean1.count
    var result = 0.0
    for a in 0..<d {
      result += (mean1[a] - mean2[a]) * (mean1[a] - mean2[a])
      result += covariance1[a * d + a] + covariance2[a * d + a]
    }
    return result - 2 * traceSquareRoot(covariance1, covariance2, dimension: d)
  }

  /// `Tr((Σ₁ Σ₂)^{1/2})` for symmetric positive semi-definite Σ₁, Σ₂.
  @_optimize(speed)
  public static func traceSquareRoot(_ s1: [Double], _ s2: [Double], dimension d: Int) -> Double {
    let (lambda, v) = SymmetricEigen.decompose(s1, n: d)
    let root = lambda.map { max(0, $0).squareRoot() }
    // B = Vᵀ Σ₂ V, then M = diag(root) B diag(root).
    var t = [Double](repeating: 0, count: d * d)  // Σ₂ V
    for i in 0..<d {
      for k in 0..<d {
        let s = s2[i * d + k]
        if s == 0 { continue }
        for j in 0..<d { t[i * d + j] += s * v[k * d + j] }
      }
    }
    var m = [Double](repeating: 0, count: d * d)
    for i in 0..<d {
      for k in 0..<d {
        let vki = v[k * d + i]
        if vki == 0 { continue }
        for j in i..<d { m[i * d + j] += vki * t[k * d + j] }
      }
    }
    for i in 0..<d {
      for j in i..<d {
        m[i * d + j] *= root[i] * root[j]
        m[j * d + i] = m[i * d + j]
      }
    }
    let mu = SymmetricEigen.decompose(m, n: d, vectors: false).values
    return mu.reduce(0) { $0 + max(0, $1).squareRoot() }
  }
}
