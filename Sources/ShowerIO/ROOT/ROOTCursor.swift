/// A read position in one uncompressed record, with big-endian primitive readers.
///
/// Every read is bounds-checked and throws `ShowerIOError.corrupt` naming `context` (the file and the
/// object being parsed) instead of trapping. `origin` is the key length of the record the bytes come
/// from: ROOT's object and class references count positions from the start of the TKey, so buffer
/// index `p` has reference position `p + origin` (root-format.md §1.1).
struct ROOTCursor {
  /// The record's bytes (uncompressed payload).
  let bytes: [UInt8]
  /// Current index into `bytes`.
  var position: Int
  /// Added to an index to get its key-relative reference position.
  let origin: Int
  /// File path and object, for error messages.
  let context: String
  /// Reference map of this record: classes and objects read so far, by reference position.
  var references: [Int: ROOTReference] = [:]

  init(_ bytes: [UInt8], position: Int = 0, origin: Int = 0, context: String) {
    self.bytes = bytes
    self.position = position
    self.origin = origin
    self.context = context
  }

  /// Bytes left after `position`.
  var remaining: Int { bytes.count - position }

  /// An error saying the record is corrupt at the current position.
  func corrupt(_ what: String) -> ShowerIOError {
    ShowerIOError(.corrupt, "\(context): \(what) (at byte \(position) of \(bytes.count))")
  }

  mutating func need(_ n: Int) throws {
    guard n >= 0, n <= remaining else {
      throw corrupt("record ends early: \(n) more bytes needed, \(max(remaining, 0)) left")
    }
  }

  mutating func skip(_ n: Int) throws {
    try need(n)
    position += n
  }

  /// Moves to absolute index `index` of this record.
  mutating func jump(to index: Int) throws {
    guard index >= 0, index <= bytes.count else {
      throw corrupt("byte count points to \(index), outside the record")
    }
    position = index
  }

  mutating func u8() throws -> UInt8 {
    try need(1)
    defer { position += 1 }
    return bytes[position]
  }

  mutating func u16() throws -> UInt16 {
    try need(2)
    defer { position += 2 }
    return UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
  }

  mutating func u32() throws -> UInt32 {
    try need(4)
    defer { position += 4 }
    var v: UInt32 = 0
    for i in 0..<4 { v = v << 8 | UInt32(bytes[position + i]) }
    return v
  }

  mutating func u64() throws -> UInt64 {
    try need(8)
    defer { position += 8 }
    var v: UInt64 = 0
    for i in 0..<8 { v = v << 8 | UInt64(bytes[position + i]) }
    return v
  }

  mutating func i16() throws -> Int { Int(Int16(bitPattern: try u16())) }
  mutating func i32() throws -> Int { Int(Int32(bitPattern: try u32())) }
  mutating func i64() throws -> Int { Int(truncatingIfNeeded: Int64(bitPattern: try u64())) }
  mutating func f64() throws -> Double { Double(bitPattern: try u64()) }

  /// A ROOT TString: 1-byte length, or 255 and a 4-byte length, then the bytes.
  mutating func string() throws -> String {
    var n = Int(try u8())
    if n == 255 { n = Int(try u32()) }
    try need(n)
    defer { position += n }
    return String(decoding: bytes[position..<position + n], as: UTF8.self)
  }

  /// A NUL-terminated C string (class names after a new-class tag).
  mutating func cString() throws -> String {
    guard let end = bytes[position...].firstIndex(of: 0) else {
      throw corrupt("class name without a terminating NUL")
    }
    defer { position = end + 1 }
    return String(decoding: bytes[position..<end], as: UTF8.self)
  }

  /// Reads an object header: an optional byte count, then the class version.
  ///
  /// - Returns: The version and the index where the object ends (nil without a byte count).
  mutating func versionHeader() throws -> (version: Int, end: Int?) {
    let start = position
    let word = try u32()
    if word & 0x4000_0000 != 0 {
      let count = Int(word & ~0x4000_0000)
      let end = start + 4 + count
      guard end <= bytes.count, count >= 2 else {
        throw corrupt("object byte count \(count) runs past the end of the record")
      }
      return (Int(try u16()), end)
    }
    position = start
    return (Int(try u16()), nil)
  }

  /// Skips an object that has a byte count (TAttLine, TIOFeatures, …).
  mutating func skipObject(_ name: String) throws {
    let (_, end) = try versionHeader()
    guard let end else { throw corrupt("\(name) has no byte count, cannot skip it") }
    position = end
  }

  /// Reads a TObject: version, fUniqueID, fBits (and the pidf when referenced).
  mutating func skipTObject() throws {
    let version = try u16()
    if version & 0x4000 != 0 { try skip(4) }
    try skip(4)
    let bits = try u32()
    if bits & 0x10 != 0 { try skip(2) }
  }

  /// Reads a TNamed and returns its name and title.
  mutating func named() throws -> (name: String, title: String) {
    let (_, end) = try versionHeader()
    try skipTObject()
    let name = try string()
    let title = try string()
    if let end { try jump(to: end) }
    return (name, title)
  }

  /// Reads a "basic pointer" array: a marker byte, then `count` values (none when the marker is 0).
  mutating func markedArray(_ count: Int, width: Int) throws -> [Int] {
    guard count >= 0, count <= remaining else { throw corrupt("array of \(count) elements cannot fit") }
    let marker = try u8()
    if marker == 0 { return [Int](repeating: 0, count: count) }
    return try (0..<count).map { _ in width == 8 ? try i64() : try i32() }
  }
}
