/// How CaloChallenge voxel sums (`E_layer`, `E_sum` and the energy denominators of the centroids and
/// widths) are formed.
///
/// `.float32` reproduces `evaluate.py`, which sums float32 voxel arrays with numpy: float32 arithmetic
/// in numpy's pairwise order (`PairwiseSum.float32`), so bin contents match its histograms exactly.
/// `.double` sums every voxel in Double in file order: more accurate (up to a few 1e-7 relative), but
/// a sum near a bin edge can land in the neighbouring bin (up to 4 % of some `E_layer` bins on dataset 2).
public enum CellSummation: String, Sendable, Codable, Equatable, CaseIterable {
  /// numpy's float32 pairwise summation, as CaloChallenge's `evaluate.py` (the default).
  case float32
  /// Double-precision summation in file order.
  case double
}

/// numpy's summation of a contiguous float32 or float64 array (`np.sum` along the last axis).
///
/// numpy's `FLOAT_pairwise_sum` (`loops_utils.h.src`): fewer than 8 values are added in order to −0;
/// up to 128 values go to 8 accumulators (value `i` to accumulator `i mod 8`) for the largest multiple
/// of 8, combined as `((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))`, then the rest added in order;
/// longer arrays split at `n/2` rounded down to a multiple of 8 and the halves' sums added. The
/// reduction starts from the identity `0` (`0 + pairwise`). Every operation is float32. CaloTwin uses
/// numpy 2.x's one-pass order (`blockSize: nil`); see `float32(_:blockSize:)` for numpy 1.x.
public enum PairwiseSum {
  /// The float32 sum of `values` exactly as numpy computes it.
  ///
  /// - Parameters:
  ///   - values: The array.
  ///   - blockSize: `nil` (default): one pairwise pass over the whole array, as numpy 2.x sums a
  ///     contiguous row. `8192`: numpy 1.x (Debian 12's 1.24), whose buffered reduction hands rows
  ///     longer than its 8192-element buffer to the pairwise sum in blocks, added in order to the result.
  ///     The two differ only for more than 8192 values (CaloChallenge: `E_sum` of dataset 3).
  @_optimize(speed)
  public static func float32(_ values: UnsafeBufferPointer<Float>, blockSize: Int? = nil) -> Float {
    guard let base = values.baseAddress else { return 0 }
    guard let block = blockSize, block > 0, values.count > block else {
      return 0 + pairwise(base, values.count)
    }
    var result: Float = 0
    var start = 0
    while start < values.count {
      result += pairwise(base + start, min(block, values.count - start))
      start += block
    }
    return result
  }

  /// The float32 sum of `values` exactly as numpy computes it.
  public static func float32(_ values: [Float]) -> Float {
    values.withUnsafeBufferPointer { float32($0) }
  }

  /// The float64 sum of `values` exactly as numpy computes it (`DOUBLE_pairwise_sum`, the same algorithm
  /// in Double).
  @_optimize(speed)
  public static func float64(_ values: UnsafeBufferPointer<Double>) -> Double {
    guard let base = values.baseAddress else { return 0 }
    return 0 + pairwise(base, values.count)
  }

  @_optimize(speed)
  static func pairwise<T: BinaryFloatingPoint>(_ a: UnsafePointer<T>, _ n: Int) -> T {
    if n < 8 {
      var res: T = -0.0
      for i in 0..<n { res += a[i] }
      return res
    }
    if n <= 128 {
      var r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7]
      var i = 8
      let end = n - n % 8
      while i < end {
        r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
        r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
        i += 8
      }
      var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
      while i < n { res += a[i]; i += 1 }
      return res
    }
    var n2 = n / 2
    n2 -= n2 % 8
    return pairwise(a, n2) + pairwise(a + n2, n - n2)
  }
}
