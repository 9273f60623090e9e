/// A Swift number that branch values can be read into, converting from the stored type as a C++
/// static_cast would (floating-point to integer truncates; integers wrap when they do not fit).
public protocol ROOTNumeric: Sendable {
  /// Converts a stored floating-point value.
  static func fromROOT(double value: Double) -> Self
  /// Converts a stored signed integer (or bool as 0/1).
  static func fromROOT(integer value: Int64) -> Self
  /// Converts a stored unsigned integer.
  static func fromROOT(unsigned value: UInt64) -> Self
}

extension Double: ROOTNumeric {
  public static func fromROOT(double value: Double) -> Double { value }
  public static func fromROOT(integer value: Int64) -> Double { Double(value) }
  public static func fromROOT(unsigned value: UInt64) -> Double { Double(value) }
}

extension Float: ROOTNumeric {
  public static func fromROOT(double value: Double) -> Float { Float(value) }
  public static func fromROOT(integer value: Int64) -> Float { Float(value) }
  public static func fromROOT(unsigned value: UInt64) -> Float { Float(value) }
}

extension ROOTNumeric where Self: FixedWidthInteger {
  public static func fromROOT(double value: Double) -> Self {
    value.isFinite ? Self(truncatingIfNeeded: Int64(Swift.max(Swift.min(value, 9.2e18), -9.2e18))) : 0
  }
  public static func fromROOT(integer value: Int64) -> Self { Self(truncatingIfNeeded: value) }
  public static func fromROOT(unsigned value: UInt64) -> Self { Self(truncatingIfNeeded: value) }
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
      for _ in 0..<count { out.append(T.fromROOT(integer: unsafe raw[p] != 0 ? 1 : 0)); p += 1 }
    case .int8:
      for _ in 0..<count { out.append(T.fromROOT(integer: Int64(Int8(bitPattern: unsafe raw[p])))); p += 1 }
    case .uint8:
      for _ in 0..<count { out.append(T.fromROOT(unsigned: UInt64(unsafe raw[p]))); p += 1 }
    case .int16:
      for _ in 0..<count {
        out.append(
          T.fromROOT(
            integer: Int64(
              Int16(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt16.self).bigEndian))))
        p += 2
      }
    case .uint16:
      for _ in 0..<count {
        out.append(
          T.fromROOT(unsigned: UInt64(unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt16.self).bigEndian))
        )
        p += 2
      }
    case .int32:
      for _ in 0..<count {
        out.append(
          T.fromROOT(
            integer: Int64(
              Int32(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian))))
        p += 4
      }
    case .uint32:
      for _ in 0..<count {
        out.append(
          T.fromROOT(unsigned: UInt64(unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian))
        )
        p += 4
      }
    case .int64:
      for _ in 0..<count {
        out.append(
          T.fromROOT(
            integer: Int64(
              bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian)))
        p += 8
      }
    case .uint64:
      for _ in 0..<count {
        out.append(
          T.fromROOT(unsigned: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian))
        p += 8
      }
    case .float:
      for _ in 0..<count {
        out.append(
          T.fromROOT(
            double: Double(
              Float(bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).bigEndian))))
        p += 4
      }
    case .double:
      for _ in 0..<count {
        out.append(
          T.fromROOT(
            double: Double(
              bitPattern: unsafe raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).bigEndian)))
        p += 8
      }
    }
  }
}
