/// A TKey record header (root-format.md §3): what a record holds and where its payload is.
struct ROOTKey: Sendable {
  /// Whole record on disk: header plus (possibly compressed) payload.
  var nbytes: Int
  /// Key class version; above 1000 the seeks are 64-bit.
  var version: Int
  /// Uncompressed payload size.
  var objlen: Int
  /// Header size: the payload starts at `seekKey + keylen`.
  var keylen: Int
  /// Cycle number (`name;cycle`).
  var cycle: Int
  /// Position of this record in the file.
  var seekKey: Int
  /// Class of the stored object ("TTree", "TDirectoryFile", "TBasket").
  var className: String
  /// Object name.
  var name: String
  /// Object title.
  var title: String

  /// Whether the payload is compressed: exactly when its stored size differs from `objlen`.
  var isCompressed: Bool { nbytes - keylen != objlen }
}

extension ROOTCursor {
  /// Reads a TKey header at the current position.
  mutating func key() throws -> ROOTKey {
    let nbytes = try i32()
    let version = try i16()
    let objlen = try i32()
    _ = try u32()  // fDatime
    let keylen = try i16()
    let cycle = try i16()
    let big = version > 1000
    let seekKey = big ? try i64() : try i32()
    _ = big ? try i64() : try i32()  // fSeekPdir
    let className = try string()
    let name = try string()
    let title = try string()
    guard nbytes >= 0, objlen >= 0, keylen >= 0 else {
      throw corrupt(
        "key '\(name)' has negative sizes (fNbytes \(nbytes), fObjlen \(objlen), fKeylen \(keylen))")
    }
    return ROOTKey(
      nbytes: nbytes, version: version, objlen: objlen, keylen: keylen, cycle: cycle, seekKey: seekKey,
      className: className, name: name, title: title)
  }
}

extension ROOTSource {
  /// Reads the record of `key` and returns its uncompressed payload.
  ///
  /// - Parameter what: The object, for error messages ("key 'sample;1' (TTree)").
  /// - Throws: `ShowerIOError` when the record reaches past the end of the file, or cannot be
  ///   decompressed.
  func payload(of key: ROOTKey, what: String) throws -> [UInt8] {
    guard key.seekKey >= 0, key.nbytes <= size, key.seekKey <= size - key.nbytes else {
      throw ShowerIOError(
        .truncated,
        "\(what) at offset \(key.seekKey) claims \(key.nbytes) bytes, past the end of the file (\(size) bytes)",
        file: path)
    }
    guard key.keylen <= key.nbytes, key.objlen < 1 << 31 else {
      throw ShowerIOError(
        .corrupt, "\(what) at offset \(key.seekKey) has fKeylen \(key.keylen) > fNbytes \(key.nbytes)",
        file: path)
    }
    let record = try read(at: key.seekKey, count: key.nbytes, what: what)
    let stored = record[key.keylen...]
    if !key.isCompressed { return Array(stored) }
    return try ROOTCompression.decompress(
      stored, to: key.objlen, file: path, what: "\(what) at offset \(key.seekKey)")
  }
}
