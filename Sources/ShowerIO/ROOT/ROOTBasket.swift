/// The uncompressed entries of one TBasket (root-format.md §11).
///
/// `data` holds the entry bytes only (`border` bytes); `offsets`, when the basket has an entry-offset
/// table, holds `entryCount + 1` positions into `data`, the last one equal to `data.count`.
struct ROOTBasketContent: Sendable {
  /// Number of entries (`fNevBuf`).
  var entryCount: Int
  /// Entry bytes.
  var data: [UInt8]
  /// Start of each entry in `data`, plus the end; nil when entries are fixed size.
  var offsets: [Int]?
}

/// The TBasket header fields that follow the TKey fields.
struct ROOTBasketHeader {
  var key: ROOTKey
  var nevBuf: Int
  var last: Int
  var flag: Int
}

extension ROOTCursor {
  /// Reads the TKey and TBasket header fields at the current position.
  mutating func basketHeader() throws -> ROOTBasketHeader {
    let start = position
    let key = try self.key()
    // The basket fields are the last 19 bytes of the key header; newer writers may put an extra
    // byte (fIOBits) before them, so position from fKeylen as uproot does.
    guard key.keylen >= 19 else {
      throw corrupt("basket key of '\(key.name)' has fKeylen \(key.keylen) < 19")
    }
    try jump(to: start + key.keylen - 19)
    _ = try u16()  // TBasket version
    _ = try i32()  // fBufferSize
    _ = try i32()  // fNevBufSize
    let nevBuf = try i32()
    let last = try i32()
    let flag = Int(try u8())
    guard nevBuf >= 0 else { throw corrupt("basket of '\(key.name)' has a negative entry count \(nevBuf)") }
    return ROOTBasketHeader(key: key, nevBuf: nevBuf, last: last, flag: flag)
  }

  /// Reads a basket stored inside a TBranch's fBaskets array (root-format.md §11.3).
  mutating func embeddedBasket() throws -> ROOTBasketContent {
    let header = try basketHeader()
    let keylen = header.key.keylen
    var raw: [Int]? = nil
    if header.flag % 10 != 2 && header.nevBuf > 0 {
      let n = try i32()
      guard n >= 0, n <= remaining / 4 else {
        throw corrupt("embedded basket offset table claims \(n) entries")
      }
      var table = try (0..<n).map { _ in try i32() }
      if header.flag > 20 && header.flag < 40 { table = table.map { $0 & 0x00FF_FFFF } }
      raw = table
      if header.flag > 40 {
        let m = try i32()
        guard m >= 0 else { throw corrupt("negative displacement count") }
        try skip(4 * m)
      }
    }
    guard header.flag == 1 || header.flag > 10 else {
      return ROOTBasketContent(entryCount: 0, data: [], offsets: nil)
    }
    guard header.last >= keylen else {
      throw corrupt(
        "embedded basket of '\(header.key.name)': fLast (\(header.last)) is smaller than fKeylen (\(keylen))")
    }
    try need(header.last)
    let data = Array(bytes[(position + keylen)..<(position + header.last)])
    position += header.last
    let offsets = try raw.map {
      try ROOTBasketContent.offsets(
        $0, entries: header.nevBuf, keylen: keylen, border: data.count, context: context)
    }
    return ROOTBasketContent(entryCount: header.nevBuf, data: data, offsets: offsets)
  }
}

extension ROOTBasketContent {
  /// Turns a stored offset table (key-relative) into `entries + 1` data positions ending at `border`.
  static func offsets(_ table: [Int], entries: Int, keylen: Int, border: Int, context: String) throws -> [Int]
  {
    guard table.count >= entries else {
      throw ShowerIOError(
        .corrupt, "\(context): offset table has \(table.count) entries, the basket holds \(entries)")
    }
    var result = [Int](repeating: 0, count: entries + 1)
    var previous = 0
    for k in 0..<entries {
      let value = table[k] - keylen
      guard value >= previous, value <= border else {
        throw ShowerIOError(
          .corrupt,
          "\(context): entry offset \(k) (\(value)) is out of order or past the data (\(border) bytes)")
      }
      result[k] = value
      previous = value
    }
    result[entries] = border
    return result
  }
}

extension ROOTSource {
  /// Reads and decompresses the free basket `ref` of `branch` (root-format.md §11.1).
  func basket(_ ref: ROOTBasketRef, branch: String) throws -> ROOTBasketContent {
    if let content = ref.embedded { return content }
    let what = "the basket of branch '\(branch)' at offset \(ref.seek)"
    let record = try read(at: ref.seek, count: ref.bytes, what: "the basket of branch '\(branch)'")
    var cursor = ROOTCursor(record, context: "\(path): \(what)")
    let header = try cursor.basketHeader()
    let key = header.key
    guard key.keylen <= key.nbytes, key.nbytes <= record.count else {
      throw ShowerIOError(
        .corrupt,
        "\(what): fNbytes (\(key.nbytes)) and fKeylen (\(key.keylen)) do not fit the \(record.count)-byte record",
        file: path)
    }
    guard header.last >= key.keylen else {
      throw ShowerIOError(
        .corrupt,
        "corrupt basket of branch '\(branch)' at offset \(ref.seek): fLast (\(header.last)) is smaller than fKeylen (\(key.keylen))",
        file: path)
    }
    let stored = record[key.keylen..<key.nbytes]
    let payload =
      key.isCompressed
      ? try ROOTCompression.decompress(stored, to: key.objlen, file: path, what: what) : Array(stored)
    let border = header.last - key.keylen
    guard border <= payload.count else {
      throw ShowerIOError(
        .corrupt,
        "corrupt basket of branch '\(branch)' at offset \(ref.seek): fLast (\(header.last)) points past the \(payload.count) data bytes",
        file: path)
    }
    var offsets: [Int]? = nil
    if border < payload.count && header.nevBuf > 0 {
      var table = ROOTCursor(payload, position: border, context: "\(path): \(what)")
      let n = try table.i32()
      guard n >= header.nevBuf, n <= table.remaining / 4 else {
        throw ShowerIOError(
          .corrupt, "\(what): entry offset table claims \(n) entries for \(header.nevBuf) entries", file: path
        )
      }
      let raw = try (0..<header.nevBuf).map { _ in try table.i32() }
      offsets = try ROOTBasketContent.offsets(
        raw, entries: header.nevBuf, keylen: key.keylen, border: border, context: "\(path): \(what)")
    }
    let data = border == payload.count ? payload : Array(payload[0..<border])
    return ROOTBasketContent(entryCount: header.nevBuf, data: data, offsets: offsets)
  }

  /// Reads only the header of a free basket, for its entry count.
  func basketEntryCount(_ ref: ROOTBasketRef, branch: String) throws -> Int {
    let record = try read(at: ref.seek, count: min(ref.bytes, 1024), what: "the basket of branch '\(branch)'")
    var cursor = ROOTCursor(
      record, context: "\(path): the basket of branch '\(branch)' at offset \(ref.seek)")
    return try cursor.basketHeader().nevBuf
  }
}
