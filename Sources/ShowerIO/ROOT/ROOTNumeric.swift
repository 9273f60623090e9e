/// A Swift number that branch values can be read into, converting from the stored type as a C++
/// static_cast would (floating-point to integer truncates; integers wrap when they do not fit).
public protocol ROOTNumeric: Sendable {
  /// Converts a stored floating-point value.
  init(rootDouble value: Double)
  /// Converts a stored signed integer (or bool as 0/1).
  init(rootInteger value: Int64)
  /// Converts a stored unsigned integer.
  init(rootUnsigned value: UInt64)
}

extension Double: ROOTNumeric {
  public init(rootDouble value: Double) { self = value }
  public init(rootInteger value: Int64) { self = Double(value) }
  public init(rootUnsigned value: UInt64) { self = Double(value) }
}

extension Float: ROOTNumeric {
  public init(rootDouble value: Double) { self = Float(value) }
  public init(rootInteger value: Int64) { self = Float(value) }
  public init(rootUnsigned value: UInt64) { self = Float(value) }
}

extension ROOTNumeric where Self: FixedWidthInteger {
  public init(rootDouble value: Double) {
    self = value.isFinite ? Self(truncatingIfNeeded: Int64(Swift.max(Swift.min(value, 9.2e18), -9.2e18))) : 0
  }
  public init(rootInteger value: Int64) { self = Self(truncatingIfNeeded: value) }
  public init(rootUnsigned value: UInt64) { self = Self(truncatingIfNeeded: value) }
}

extension Int: ROOTNumeric {}
extension Int64: ROOTNumeric {}
extension Int32: ROOTNumeric {}
extension Int16: ROOTNumeric {}
extension Int8: ROOTNumeric {}
extension UInt64: ROOTNumeric {}
extension UInt32: ROOTNumeric {}
extension UInt16: ROOTNumeric {}
extension UInt8: ROOTNumeric {}

/// A jagged column read from a branch: entry `i` holds `values[offsets[i] ..< offsets[i + 1]]`.
public struct ROOTJagged<T: ROOTNumeric>: Sendable {
  /// Start of each entry in `values`, plus the end: `entries + 1` values, the first 0.
  public var offsets: [Int]
  /// All values, entry after entry.
  public var values: [T]

  /// Number of entries.
  public var count: Int { offsets.count - 1 }

  /// The values of entry `i` (relative to the range read).
  public subscript(i: Int) -> ArraySlice<T> { values[offsets[i]..<offsets[i + 1]] }
}

/// Appends `count` big-endian values of `type` starting at byte `start` of `bytes` to `out`.
@inline(__always)
func appendDecoded<T: ROOTNumeric>(
  _ bytes: [UInt8], from start: Int, count: Int, type: ROOTElementType, into out: inout [T]
) {
  precondition(start >= 0 && count >= 0 && start + count * type.size <= bytes.count)
  unsafe bytes.withUnsafeBytes { raw in
    var p = start
    switch type {
    case .bool:
      for _ in 0..<count { out.append(T(rootInteger: unsafe raw[p] != 0 ? 1 : 0)); p += 1 }
    case .int8:
      for _ in 0..<count { out.append(T(rootInteger: Int64(Int8(bitPattern: unsafe raw[p])))); p += 1 }
    case .uint8:
      for _ in 0..<count { out.append(T(rootUnsigned: UInt64(unsafe raw[p]))); p += 1 }
    case .int16:
      for _ in 0..<count {
        out.append(
          T(
            rootInteger: Int64(
              Int16(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt16.self).bigEndian))))
        p += 2
      }
    case .uint16:
      for _ in 0..<count {
        out.append(
          T(rootUnsigned: UInt64(unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt16.self).bigEndian)))
        p += 2
      }
    case .int32:
      for _ in 0..<count {
        out.append(
          T(
            rootInteger: Int64(
              Int32(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian))))
        p += 4
      }
    case .uint32:
      for _ in 0..<count {
        out.append(
          T(rootUnsigned: UInt64(unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian)))
        p += 4
      }
    case .int64:
      for _ in 0..<count {
        out.append(
          T(
            rootInteger: Int64(
              bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian)))
        p += 8
      }
    case .uint64:
      for _ in 0..<count {
        out.append(T(rootUnsigned: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian))
        p += 8
      }
    case .float:
      for _ in 0..<count {
        out.append(
          T(
            rootDouble: Double(
              Float(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian))))
        p += 4
      }
    case .double:
      for _ in 0..<count {
        out.append(
          T(
            rootDouble: Double(
              bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian)))
        p += 8
      }
    }
  }
}
