extension SymmetricEigen {
  /// Eigenvalues of a symmetric matrix by Householder tridiagonalisation and the implicit QL
  /// algorithm (about 4n³/3 flops; much faster than Jacobi when the vectors are not needed).
  ///
  /// - Parameters:
  ///   - matrix: Symmetric matrix, row-major, `n * n` values.
  ///   - n: Dimension.
  /// - Returns: The n eigenvalues, unsorted.
  @_optimize(speed)
  public static func eigenvalues(_ matrix: [Double], n: Int) -> [Double] {
    precondition(matrix.count == n * n, "matrix is not \(n)×\(n)")
    guard n > 1 else { return matrix }
    var a = matrix
    var d = [Double](repeating: 0, count: n), e = [Double](repeating: 0, count: n)
    a.withUnsafeMutableBufferPointer { a in
      for i in stride(from: n - 1, to: 0, by: -1) {
        let l = i - 1
        var h = 0.0
        if l > 0 {
          var scale = 0.0
          for k in 0...l { scale += abs(a[i * n + k]) }
          if scale == 0 {
            e[i] = a[i * n + l]
          } else {
            for k in 0...l {
              a[i * n + k] /= scale
              h += a[i * n + k] * a[i * n + k]
            }
            var f = a[i * n + l]
            let g = f >= 0 ? -h.squareRoot() : h.squareRoot()
            e[i] = scale * g
            h -= f * g
            a[i * n + l] = f - g
            f = 0
            for j in 0...l {
              var g = 0.0
              for k in 0...j { g += a[j * n + k] * a[i * n + k] }
              if j < l { for k in (j + 1)...l { g += a[k * n + j] * a[i * n + k] } }
              e[j] = g / h
              f += e[j] * a[i * n + j]
            }
            let hh = f / (h + h)
            for j in 0...l {
              let f = a[i * n + j]
              let g = e[j] - hh * f
              e[j] = g
              for k in 0...j { a[j * n + k] -= f * e[k] + g * a[i * n + k] }
            }
          }
        } else {
          e[i] = a[i * n + l]
        }
      }
      for i in 0..<n { d[i] = a[i * n + i] }
    }
    e[0] = 0
    for i in 1..<n { e[i - 1] = e[i] }
    e[n - 1] = 0
    for l in 0..<n {
      var iterations = 0
      while true {
        var m = l
        while m < n - 1 {
          let dd = abs(d[m]) + abs(d[m + 1])
          if abs(e[m]) <= Double.ulpOfOne * dd { break }
          m += 1
        }
        if m == l || iterations == 60 { break }
        iterations += 1
        var g = (d[l + 1] - d[l]) / (2 * e[l])
        var r = (g * g + 1).squareRoot()
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r))
        var s = 1.0, c = 1.0, p = 0.0
        var i = m - 1
        var deflated = false
        while i >= l {
          let f = s * e[i], b = c * e[i]
          r = (f * f + g * g).squareRoot()
          e[i + 1] = r
          if r == 0 {
            d[i + 1] -= p
            e[m] = 0
            deflated = true
            break
          }
          s = f / r
          c = g / r
          g = d[i + 1] - p
          r = (d[i] - g) * s + 2 * c * b
          p = s * r
          d[i + 1] = g + p
          g = c * r - b
          i -= 1
        }
        if deflated { continue }
        d[l] -= p
        e[l] = g
        e[m] = 0
      }
    }
    return d
  }

  /// Lower-triangular `L` with `A = L Lᵀ` for a symmetric positive semi-definite matrix; pivots
  /// at or below `1e-13 ×` the largest diagonal (singular directions) give a zero column.
  @_optimize(speed)
  public static func cholesky(_ matrix: [Double], n: Int) -> [Double] {
    var l = [Double](repeating: 0, count: n * n)
    let largest = (0..<n).map { matrix[$0 * n + $0] }.max() ?? 0
    let floor = 1e-13 * max(largest, 1e-300)
    l.withUnsafeMutableBufferPointer { l in
      for j in 0..<n {
        var diagonal = matrix[j * n + j]
        for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
        guard diagonal > floor else { continue }
        let root = diagonal.squareRoot()
        l[j * n + j] = root
        for i in (j + 1)..<max(j + 1, n) {
          var s = matrix[i * n + j]
          for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
          l[i * n + j] = s / root
        }
      }
    }
    return l
  }
}
