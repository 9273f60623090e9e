internal import CLZ4
internal import CLZMA
internal import CZlib
internal import CZstd

/// Decompression of ROOT records: a sequence of blocks with 9-byte headers (root-format.md §5).
///
/// The algorithm is decided per block by its two-letter tag ("ZL" zlib, "XZ" lzma, "L4" lz4 with an
/// XXH64 checksum, "ZS" zstd), never by `fCompress`. Every size is checked against the record, and
/// every codec's own integrity check (Adler-32, CRC, XXH64) is enforced.
enum ROOTCompression {
  /// Decompresses `stored` into exactly `length` bytes.
  ///
  /// - Parameters:
  ///   - stored: The record's payload after the key header.
  ///   - length: `fObjlen`, the uncompressed size.
  ///   - file: File path for errors.
  ///   - what: The record, for errors ("the basket of branch 'x' at offset 244").
  static func decompress(
    _ stored: ArraySlice<UInt8>, to length: Int, file: String, what: String
  ) throws -> [UInt8] {
    // Check every block header first, so that a corrupt size never causes a huge allocation.
    var scan = stored.startIndex
    var total = 0
    while total < length && stored.endIndex - scan >= 9 {
      let c = Int(stored[scan + 3]) | Int(stored[scan + 4]) << 8 | Int(stored[scan + 5]) << 16
      let u = Int(stored[scan + 6]) | Int(stored[scan + 7]) << 8 | Int(stored[scan + 8]) << 16
      let available = stored.endIndex - scan - 9
      guard c <= available else {
        throw ShowerIOError(
          .corrupt,
          "corrupt compression block in \(what): block claims \(c) compressed bytes but the record holds only \(available) after the 9-byte block header",
          file: file)
      }
      total += u
      scan += 9 + c
    }
    guard total == length else {
      throw ShowerIOError(
        .corrupt,
        "corrupt compressed record: the blocks of \(what) add up to \(total) bytes, but fObjlen says \(length)",
        file: file)
    }
    var failure: ShowerIOError? = nil
    let output = unsafe [UInt8](unsafeUninitializedCapacity: max(length, 1)) { out, initialized in
      initialized = 0
      var produced = 0
      var at = stored.startIndex
      func fail(_ code: ShowerIOError.Code, _ message: String) {
        failure = ShowerIOError(code, message, file: file)
      }
      while produced < length {
        guard stored.endIndex - at >= 9 else {
          fail(
            .corrupt,
            "corrupt compressed record: \(what) ends after \(produced) of \(length) bytes (no room for another 9-byte block header)"
          )
          break
        }
        let tag = String(decoding: stored[at..<at + 2], as: UTF8.self)
        let c = Int(stored[at + 3]) | Int(stored[at + 4]) << 8 | Int(stored[at + 5]) << 16
        let u = Int(stored[at + 6]) | Int(stored[at + 7]) << 8 | Int(stored[at + 8]) << 16
        let available = stored.endIndex - at - 9
        guard c <= available else {
          fail(
            .corrupt,
            "corrupt compression block in \(what): block claims \(c) compressed bytes but the record holds only \(available) after the 9-byte block header"
          )
          break
        }
        guard u <= length - produced, u > 0 else {
          fail(
            .corrupt,
            "corrupt compression block in \(what): block claims \(u) uncompressed bytes, but \(length - produced) remain of fObjlen \(length)"
          )
          break
        }
        let source = stored[(at + 9)..<(at + 9 + c)]
        let target = unsafe UnsafeMutableRawBufferPointer(
          rebasing: UnsafeMutableRawBufferPointer(out)[produced..<produced + u])
        let result: (ShowerIOError.Code, String)?
        switch tag {
        case "ZL": result = unsafe inflateZlib(source, into: target, what: what)
        case "XZ": result = unsafe inflateXZ(source, into: target, what: what)
        case "L4": result = unsafe inflateLZ4(source, into: target, what: what)
        case "ZS": result = unsafe inflateZstd(source, into: target, what: what)
        case "CS":
          result = (
            .unsupportedCompression,
            "\(what) uses ROOT's pre-2000 'CS' compression, which is not supported; re-write the file with a current ROOT"
          )
        default:
          let printable =
            tag.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 }
            ? tag : "0x" + stored[at..<at + 2].map { String($0, radix: 16) }.joined()
          result = (.unsupportedCompression, "unknown compression algorithm '\(printable)' in \(what)")
        }
        if let (code, message) = result {
          fail(code, message)
          break
        }
        produced += u
        at += 9 + c
      }
      if failure == nil { initialized = length }
    }
    if let failure { throw failure }
    return length == 0 ? [] : output
  }

  private static func inflateZlib(
    _ source: ArraySlice<UInt8>, into target: UnsafeMutableRawBufferPointer, what: String
  ) -> (ShowerIOError.Code, String)? {
    var produced = uLongf(target.count)
    let status = unsafe source.withUnsafeBytes { input in
      unsafe uncompress(
        target.baseAddress!.assumingMemoryBound(to: Bytef.self), &produced,
        input.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(input.count))
    }
    if status != Z_OK {
      let reason = unsafe String(cString: zError(status))
      return (
        .decompressionFailed, "zlib decompression failed for \(what) (zlib says: \(reason), code \(status))"
      )
    }
    if Int(produced) != target.count {
      return (
        .decompressionFailed,
        "zlib decompression of \(what) gave \(produced) bytes, the block header says \(target.count)"
      )
    }
    return nil
  }

  private static func inflateXZ(
    _ source: ArraySlice<UInt8>, into target: UnsafeMutableRawBufferPointer, what: String
  ) -> (ShowerIOError.Code, String)? {
    var memoryLimit: UInt64 = 1 << 28
    var inPosition = 0
    var outPosition = 0
    let status = unsafe source.withUnsafeBytes { input in
      unsafe lzma_stream_buffer_decode(
        &memoryLimit, 0, nil, input.baseAddress!.assumingMemoryBound(to: UInt8.self), &inPosition,
        input.count, target.baseAddress!.assumingMemoryBound(to: UInt8.self), &outPosition, target.count)
    }
    if status != LZMA_OK || outPosition != target.count {
      return (
        .decompressionFailed,
        "lzma (XZ) decompression failed for \(what) (liblzma code \(status.rawValue), \(outPosition) of \(target.count) bytes)"
      )
    }
    return nil
  }

  private static func inflateLZ4(
    _ source: ArraySlice<UInt8>, into target: UnsafeMutableRawBufferPointer, what: String
  ) -> (ShowerIOError.Code, String)? {
    guard source.count >= 8 else {
      return (.corrupt, "LZ4 block in \(what) is shorter than its 8-byte checksum")
    }
    var expected: UInt64 = 0
    for b in source.prefix(8) { expected = expected << 8 | UInt64(b) }
    let data = source.dropFirst(8)
    if XXH64.hash(data) != expected {
      return (
        .decompressionFailed,
        "LZ4 checksum mismatch in \(what): the stored XXH64 does not match the compressed data; the file is corrupt"
      )
    }
    let written = unsafe data.withUnsafeBytes { input in
      unsafe LZ4_decompress_safe(
        input.baseAddress!.assumingMemoryBound(to: CChar.self),
        target.baseAddress!.assumingMemoryBound(to: CChar.self),
        Int32(input.count), Int32(target.count))
    }
    if Int(written) != target.count {
      return (
        .decompressionFailed,
        "LZ4 decompression failed for \(what) (LZ4 returned \(written), expected \(target.count) bytes)"
      )
    }
    return nil
  }

  private static func inflateZstd(
    _ source: ArraySlice<UInt8>, into target: UnsafeMutableRawBufferPointer, what: String
  ) -> (ShowerIOError.Code, String)? {
    let written = unsafe source.withUnsafeBytes { input in
      unsafe ZSTD_decompress(target.baseAddress!, target.count, input.baseAddress!, input.count)
    }
    if ZSTD_isError(written) != 0 {
      let reason = unsafe String(cString: ZSTD_getErrorName(written))
      return (.decompressionFailed, "zstd decompression failed for \(what) (zstd says: \(reason))")
    }
    if written != target.count {
      return (
        .decompressionFailed, "zstd decompression of \(what) gave \(written) bytes, expected \(target.count)"
      )
    }
    return nil
  }
}
