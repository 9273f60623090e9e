internal import Core
public import Foundation

/// The format of a file, told by its first bytes rather than its name.
///
/// HDF5 files start with the signature `\x89HDF\r\n\x1a\n` at byte 0, 512, 1024, 2048, … (a user block
/// may precede it); ROOT files start with `root`.
///
/// ```swift
/// if case .root = try ShowerFileFormat(atPath: "run.root") { … }
/// ```
public enum ShowerFileFormat: Sendable, Equatable {
  /// An HDF5 file (signature at `offset`).
  case hdf5(offset: Int)
  /// A ROOT file.
  case root
  /// A file of zero bytes.
  case empty
  /// Anything else, with its size and first bytes.
  case other(size: Int, start: [UInt8])

  static let hdf5Signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]

  /// Detects the format of the file at `path`.
  ///
  /// - Throws: `ShowerIOError.fileNotFound` (missing or unreadable) or `.invalidArgument` (a folder).
  public init(atPath path: String) throws(ShowerIOError) {
    do {
      try InputFile.check(path, what: "an HDF5 shower file (.h5) or a ROOT file (.root)")
    } catch {
      throw ShowerIOError(error, isOutput: false)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ShowerIOError(.fileNotFound, "file is not readable; check its permissions", file: path)
    }
    defer { try? handle.close() }
    let size = Int((try? handle.seekToEnd()) ?? 0)
    func bytes(at offset: Int, count: Int) -> [UInt8] {
      guard (try? handle.seek(toOffset: UInt64(offset))) != nil else { return [] }
      return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }
    guard size > 0 else {
      self = .empty
      return
    }
    let start = bytes(at: 0, count: 16)
    if start.starts(with: "root".utf8) {
      self = .root
      return
    }
    var offset = 0
    while offset + 8 <= size {
      if bytes(at: offset, count: 8) == Self.hdf5Signature {
        self = .hdf5(offset: offset)
        return
      }
      offset = offset == 0 ? 512 : offset * 2
    }
    self = .other(size: size, start: start)
  }

  /// What the file is, for a message: "an HDF5 file", "a ROOT file", "an empty file (0 bytes)", or
  /// "neither HDF5 nor ROOT (123 bytes, starting 'these ar', 74 68 65 73 …)".
  public var summary: String {
    switch self {
    case .hdf5: return "an HDF5 file"
    case .root: return "a ROOT file"
    case .empty: return "an empty file (0 bytes)"
    case .other(let size, let start):
      let hex = start.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
      let printable = start.prefix(8).allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x0A || $0 == 0x09 }
      let text =
        printable
        ? "'\(String(decoding: start.prefix(8), as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n"))', "
        : ""
      return "neither HDF5 nor ROOT (\(size) bytes, starting \(text)\(hex) …)"
    }
  }
}
