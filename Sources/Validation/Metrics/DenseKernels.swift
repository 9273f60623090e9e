/// Vectorised inner loops shared by the distance metrics (dot products, rank-k updates).
enum DenseKernels {
  /// `Σ p[a] q[a]` over `count` Doubles, four SIMD lanes at a time.
  @_optimize(speed) @inline(__always)
  static func dot(_ p: UnsafePointer<Double>, _ q: UnsafePointer<Double>, _ count: Int) -> Double {
    var acc0 = SIMD4<Double>.zero, acc1 = SIMD4<Double>.zero
    var a = 0
    let rp = UnsafeRawPointer(p), rq = UnsafeRawPointer(q)
    while a + 8 <= count {
      acc0 +=
        rp.loadUnaligned(fromByteOffset: a * 8, as: SIMD4<Double>.self)
        * rq.loadUnaligned(fromByteOffset: a * 8, as: SIMD4<Double>.self)
      acc1 +=
        rp.loadUnaligned(fromByteOffset: a * 8 + 32, as: SIMD4<Double>.self)
        * rq.loadUnaligned(fromByteOffset: a * 8 + 32, as: SIMD4<Double>.self)
      a += 8
    }
    var total = (acc0 + acc1).sum()
    while a < count {
      total += p[a] * q[a]
      a += 1
    }
    return total
  }

  /// Adds `Σ_s w_s x_s x_sᵀ` (upper triangle, row-major `d × d`) for up to four centred rows at once.
  @_optimize(speed)
  static func rankUpdate(
    _ cov: UnsafeMutablePointer<Double>, rows: [UnsafePointer<Double>], weights: [Double], d: Int
  ) {
    switch rows.count {
    case 4:
      let (x0, x1, x2, x3) = (rows[0], rows[1], rows[2], rows[3])
      let (w0, w1, w2, w3) = (weights[0], weights[1], weights[2], weights[3])
      for a in 0..<d {
        let c0 = w0 * x0[a], c1 = w1 * x1[a], c2 = w2 * x2[a], c3 = w3 * x3[a]
        let row = cov + a * d
        for b in a..<d { row[b] += c0 * x0[b] + c1 * x1[b] + c2 * x2[b] + c3 * x3[b] }
      }
    default:
      for (x, w) in zip(rows, weights) {
        for a in 0..<d {
          let c = w * x[a]
          let row = cov + a * d
          for b in a..<d { row[b] += c * x[b] }
        }
      }
    }
  }
}
