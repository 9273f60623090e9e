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
    let used = (0..<count).filter { (weights?[$0] ?? 1) > 0 }
    var centred = [Double](repeating: 0, count: 4 * d)
    cov.withUnsafeMutableBufferPointer { cov in
      centred.withUnsafeMutableBufferPointer { centred in
        let base = centred.baseAddress!
        for start in stride(from: 0, to: used.count, by: 4) {
          let block = used[start..<min(start + 4, used.count)]
          var pointers: [UnsafePointer<Double>] = []
          var w: [Double] = []
          for (slot, i) in block.enumerated() {
            for a in 0..<d { base[slot * d + a] = rows[i * d + a] - mean[a] }
            pointers.append(UnsafePointer(base + slot * d))
            w.append(Double(weights?[i] ?? 1))
          }
          DenseKernels.rankUpdate(cov.baseAddress!, rows: pointers, weights: w, d: d)
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
  ///
  /// With `Σ₁ = L Lᵀ` (Cholesky; singular directions dropped), `Lᵀ Σ₂ L` is symmetric and has the
  /// eigenvalues of Σ₁Σ₂; the trace is the sum of their square roots (negative round-off → 0).
  @_optimize(speed)
  public static func traceSquareRoot(_ s1: [Double], _ s2: [Double], dimension d: Int) -> Double {
    let l = SymmetricEigen.cholesky(s1, n: d)
    var t = [Double](repeating: 0, count: d * d)  // Σ₂ L
    for i in 0..<d {
      for k in 0..<d {
        let s = s2[i * d + k]
        if s == 0 { continue }
        for j in 0...k { t[i * d + j] += s * l[k * d + j] }
      }
    }
    var m = [Double](repeating: 0, count: d * d)  // Lᵀ Σ₂ L, upper triangle then mirrored
    for k in 0..<d {
      for i in 0...k {
        let lki = l[k * d + i]
        if lki == 0 { continue }
        for j in i..<d { m[i * d + j] += lki * t[k * d + j] }
      }
    }
    for i in 0..<d { for j in 0..<i { m[i * d + j] = m[j * d + i] } }
    let mu = SymmetricEigen.eigenvalues(m, n: d)
    return mu.reduce(0) { $0 + max(0, $1).squareRoot() }
  }
}
