/// The file header at offset 0, small (32-bit) or big (64-bit) layout (root-format.md §2).
public struct ROOTFileHeader: Sendable, Equatable {
  /// `fVersion` without the big-file offset: 10000·major + 100·minor + patch (40000 for g4tools).
  public var version: Int
  /// Whether the header uses the 64-bit layout (`fVersion` ≥ 1000000).
  public var isBig: Bool
  /// First record: the TFile key.
  public var begin: Int
  /// First free byte: the file size the writer left.
  public var end: Int
  /// Bytes of the TFile key and its name/title.
  public var nbytesName: Int
  /// Default compression setting, 100·algorithm + level (informative only).
  public var compression: Int
  /// Position of the StreamerInfo record.
  public var seekInfo: Int

  /// "6.10/05" style version string.
  public var versionString: String {
    let major = version / 10000
    let minor = (version / 100) % 100
    let patch = version % 100
    return "\(major).\(minor < 10 ? "0" : "")\(minor)/\(patch < 10 ? "0" : "")\(patch)"
  }

  /// Parses and checks the header.
  ///
  /// - Parameters:
  ///   - bytes: The first bytes of the file (up to 512).
  ///   - fileSize: The real size of the file.
  ///   - path: For error messages.
  init(_ bytes: [UInt8], fileSize: Int, path: String) throws {
    if fileSize == 0 {
      throw ShowerIOError(
        .notROOT, "not a ROOT file: the file is empty (0 bytes), too short for the file header", file: path)
    }
    guard bytes.count >= 4, bytes[0..<4].elementsEqual("root".utf8) else {
      let shown = String(
        decoding: bytes.prefix(4).map { $0 >= 32 && $0 < 127 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
      throw ShowerIOError(
        .notROOT, "not a ROOT file: the first 4 bytes are '\(shown)', expected 'root'", file: path)
    }
    var cursor = ROOTCursor(bytes, position: 4, context: "\(path): file header")
    do {
      let raw = try cursor.i32()
      isBig = raw >= 1_000_000
      version = isBig ? raw - 1_000_000 : raw
      begin = try cursor.i32()
      end = isBig ? try cursor.i64() : try cursor.i32()
      _ = isBig ? try cursor.i64() : try cursor.i32()  // fSeekFree
      try cursor.skip(8)  // fNbytesFree, nfree
      nbytesName = try cursor.i32()
      _ = try cursor.u8()  // fUnits
      compression = try cursor.i32()
      seekInfo = isBig ? try cursor.i64() : try cursor.i32()
    } catch {
      throw ShowerIOError(
        .notROOT, "not a ROOT file: the file is only \(fileSize) bytes, too short for the file header",
        file: path)
    }
    guard end <= fileSize else {
      throw ShowerIOError(
        .truncated,
        "file truncated: header fEND (\(end)) is beyond the file size (\(fileSize)); the file is truncated or corrupt (was it copied while still being written?)",
        file: path)
    }
    guard begin > 0, begin < fileSize, nbytesName >= 0, begin + nbytesName < fileSize else {
      throw ShowerIOError(
        .corrupt,
        "corrupt file header: fBEGIN \(begin), fNbytesName \(nbytesName) for a \(fileSize)-byte file",
        file: path)
    }
    guard version >= 30000 else {
      throw ShowerIOError(
        .unsupportedVersion,
        "ROOT file version \(versionString) is too old; supported are files from ROOT 5.23–6.x and Geant4 (4.00/00)",
        file: path)
    }
  }
}
