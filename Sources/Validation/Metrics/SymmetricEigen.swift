/// Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations.
///
/// Matrices are dense, row-major, `n × n`, in Double. Converges quadratically; stops when the
/// off-diagonal norm falls below 1e-15 of the matrix norm or after 60 sweeps.
public enum SymmetricEigen {
  /// Decomposes `A = V diag(λ) Vᵀ`.
  ///
  /// - Parameters:
  ///   - matrix: Symmetric matrix, row-major, `n * n` values (only symmetry is assumed).
  ///   - n: Dimension.
  ///   - vectors: Whether to accumulate eigenvectors (column k of `V` is eigenvector k).
  /// - Returns: Eigenvalues (unsorted) and `V` row-major (empty when `vectors` is false).
  @_optimize(speed)
  public static func decompose(_ matrix: [Double], n: Int, vectors: Bool = true) -> (
    values: [Double], vectors: [Double]
  ) {
    precondition(matrix.count == n * n, "matrix is not \(n)×\(n)")
    var a = matrix
    var v = [Double](repeating: 0, count: vectors ? n * n : 0)
    if vectors { for i in 0..<n { v[i * n + i] = 1 } }
    var norm = 0.0
    for x in a { norm += x * x }
    let tolerance = 1e-30 * max(norm, 1e-300)
    a.withUnsafeMutableBufferPointer { a in
      v.withUnsafeMutableBufferPointer { v in
        for _ in 0..<60 {
          var off = 0.0
          for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] } }
          if off <= tolerance { break }
          for p in 0..<n {
            for q in (p + 1)..<max(p + 1, n) {
              let apq = a[p * n + q]
              if abs(apq) < 1e-300 { continue }
              let app = a[p * n + p], aqq = a[q * n + q]
              let theta = (aqq - app) / (2 * apq)
              let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
              let c = 1 / (t * t + 1).squareRoot(), s = t * c
              // Rotate rows and columns p, q of A (A ← Jᵀ A J).
              for k in 0..<n {
                let akp = a[k * n + p], akq = a[k * n + q]
                a[k * n + p] = c * akp - s * akq
                a[k * n + q] = s * akp + c * akq
              }
              for k in 0..<n {
                let apk = a[p * n + k], aqk = a[q * n + k]
                a[p * n + k] = c * apk - s * aqk
                a[q * n + k] = s * apk + c * aqk
              }
              a[p * n + q] = 0
              a[q * n + p] = 0
              if !v.isEmpty {
                for k in 0..<n {
                  let vkp = v[k * n + p], vkq = v[k * n + q]
                  v[k * n + p] = c * vkp - s * vkq
                  v[k * n + q] = s * vkp + c * vkq
                }
              }
            }
          }
        }
      }
    }
    return ((0..<n).map { a[$0 * n + $0] }, v)
  }
}
