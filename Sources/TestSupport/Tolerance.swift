/// Relative-tolerance comparison of floating-point values, as tests use it.
///
/// `|a - b| <= relative * max(|a|, |b|) + absolute`; NaN never matches.
///
/// - Parameters:
///   - a: Value under test.
///   - b: Reference value.
///   - relative: Relative tolerance (default 1e-5).
///   - absolute: Absolute floor for values near zero (default 1e-7).
/// - Returns: `true` when the values agree within the tolerance.
public func isClose<T: BinaryFloatingPoint>(
  _ a: T, _ b: T, relative: T = 1e-5, absolute: T = 1e-7
) -> Bool {
  if a.isNaN || b.isNaN { return false }
  if a == b { return true }
  return abs(a - b) <= relative * max(abs(a), abs(b)) + absolute
}

/// Element-wise relative comparison of two arrays of equal length.
///
/// - Returns: `nil` when every element agrees; otherwise a message naming the first index
///   that does not, with both values, for use in `#expect(... == nil)`.
public func firstMismatch<T: BinaryFloatingPoint>(
  _ a: [T], _ b: [T], relative: T = 1e-5, absolute: T = 1e-7
) -> String? {
  guard a.count == b.count else { return "lengths differ: \(a.count) vs \(b.count)" }
  for i in a.indices where !isClose(a[i], b[i], relative: relative, absolute: absolute) {
    return "index \(i): \(a[i]) vs reference \(b[i])"
  }
  return nil
}
