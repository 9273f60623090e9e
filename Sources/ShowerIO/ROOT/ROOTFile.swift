/// A ROOT file opened for reading TTrees, in pure Swift (no ROOT installation needed).
///
/// Opening reads the header and the directory tree (keys only). Trees are read on request with
/// ``tree(_:)``; their values are read lazily, basket by basket, through `pread`, so memory stays
/// bounded by the size of a basket rather than the file.
///
/// ```swift
/// let file = try ROOTFile(path: "par04.root")
/// for info in file.trees { print(info.path, info.entries ?? 0) }
/// ```
public final class ROOTFile: Sendable {
  /// Path of the file.
  public let path: String
  /// The parsed file header.
  public let header: ROOTFileHeader
  let source: ROOTSource
  let root: ROOTDirectory

  /// A tree found in the file's directories.
  public struct TreeEntry: Sendable, Equatable {
    /// Path from the root directory: "events" or "ntuples/events".
    public var path: String
    /// Highest cycle stored for that name.
    public var cycle: Int
    /// ROOT class of the key ("TTree", "TNtuple").
    public var className: String
  }

  /// Opens the file at `path` and reads its header and directories.
  ///
  /// - Throws: `ShowerIOError` with code `.fileNotFound`, `.notROOT`, `.truncated`, `.corrupt` or
  ///   `.unsupportedVersion`, naming the file and the problem.
  public convenience init(path: String) throws {
    try self.init(source: try ROOTSource(path: path))
  }

  /// Opens a ROOT file held in memory (tests and fuzzing).
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - name: Name used in error messages.
  public convenience init(bytes: [UInt8], name: String = "<memory>") throws {
    try self.init(source: ROOTSource(bytes: bytes, name: name))
  }

  /// Whether the file at `path` starts with ROOT's magic bytes "root" (false if unreadable).
  public static func hasROOTSignature(atPath path: String) -> Bool {
    guard let source = try? ROOTSource(path: path), source.size >= 4,
      let start = try? source.read(at: 0, count: 4, what: "magic")
    else { return false }
    return start.elementsEqual("root".utf8)
  }

  init(source: ROOTSource) throws {
    self.source = source
    self.path = source.path
    let start = try source.read(at: 0, count: min(source.size, 512), what: "file header")
    header = try ROOTFileHeader(start, fileSize: source.size, path: source.path)
    var visited = Set<Int>()
    root = try ROOTDirectory(
      source: source, seek: header.begin + header.nbytesName, path: "", depth: 0, visited: &visited)
  }

  /// Trees in all directories, one entry per name (its highest cycle), in stored order.
  public var trees: [TreeEntry] {
    var result: [TreeEntry] = []
    for directory in root.all {
      for key in directory.keys where ["TTree", "TNtuple", "TNtupleD"].contains(key.className) {
        let path = directory.path.isEmpty ? key.name : directory.path + "/" + key.name
        if let i = result.firstIndex(where: { $0.path == path }) {
          if key.cycle > result[i].cycle { result[i].cycle = key.cycle }
        } else {
          result.append(TreeEntry(path: path, cycle: key.cycle, className: key.className))
        }
      }
    }
    return result
  }

  /// Every key as "path;cycle" with its class, in all directories (for `inspect`).
  public var keys: [(path: String, className: String)] {
    root.all.flatMap { directory in
      directory.keys.map { key in
        ((directory.path.isEmpty ? "" : directory.path + "/") + "\(key.name);\(key.cycle)", key.className)
      }
    }
  }

  /// Reads the metadata of the tree at `path` ("events", "ntuples/events"; "events;2" picks a cycle).
  ///
  /// - Throws: `ShowerIOError.missingDataset` with near misses when there is no such tree;
  ///   `.unsupportedVersion` for TTree/TBranch versions outside the supported set.
  public func tree(_ path: String) throws -> ROOTTree {
    var name = path
    var cycle: Int? = nil
    if let semicolon = path.lastIndex(of: ";") {
      name = String(path[..<semicolon])
      cycle = Int(path[path.index(after: semicolon)...])
    }
    let parts = name.split(separator: "/").map(String.init)
    let directoryPath = parts.dropLast().joined(separator: "/")
    let candidates =
      root.all.first { $0.path == directoryPath }?.keys.filter {
        $0.name == parts.last && ["TTree", "TNtuple", "TNtupleD"].contains($0.className)
          && (cycle == nil || $0.cycle == cycle)
      } ?? []
    guard let key = candidates.max(by: { $0.cycle < $1.cycle }) else {
      let names = trees.map(\.path)
      throw ShowerIOError(
        .missingDataset,
        "no tree '\(path)' in the file\(ShowerIOError.didYouMean(name, in: names)) (trees: \(names.isEmpty ? "none" : names.joined(separator: ", ")))",
        file: self.path, dataset: path)
    }
    return try ROOTTree(source: source, key: key, path: name, seekInfo: header.seekInfo)
  }
}
