/// A TDirectory: its keys and subdirectories (root-format.md §4).
struct ROOTDirectory: Sendable {
  /// Path from the file's root directory ("" for the root, "events" for a subdirectory).
  var path: String
  /// Keys of this directory, in stored order.
  var keys: [ROOTKey]
  /// Subdirectories by name.
  var subdirectories: [ROOTDirectory]

  /// Reads the directory whose record starts at `seek`, and its subdirectories.
  ///
  /// - Parameter visited: Directory positions already read, so that a corrupt file cannot loop.
  init(source: ROOTSource, seek: Int, path: String, depth: Int, visited: inout Set<Int>) throws {
    guard depth < 64, visited.insert(seek).inserted else {
      throw ShowerIOError(
        .corrupt, "directory '\(path)' at offset \(seek) is nested too deeply or loops back",
        file: source.path)
    }
    let what = "directory '\(path.isEmpty ? "/" : path)'"
    let record = try source.read(at: seek, count: min(64, source.size - seek), what: what)
    var cursor = ROOTCursor(record, context: "\(source.path): \(what) at offset \(seek)")
    let version = try cursor.i16()
    try cursor.skip(8)  // fDatimeC, fDatimeM
    let nbytesKeys = try cursor.i32()
    _ = try cursor.i32()  // fNbytesName
    let big = version > 1000
    _ = big ? try cursor.i64() : try cursor.i32()  // fSeekDir
    _ = big ? try cursor.i64() : try cursor.i32()  // fSeekParent
    let seekKeys = big ? try cursor.i64() : try cursor.i32()
    self.path = path
    keys = []
    subdirectories = []
    guard seekKeys != 0 else { return }
    guard nbytesKeys > 0 else {
      throw ShowerIOError(
        .corrupt, "\(what): key list at \(seekKeys) has size \(nbytesKeys)", file: source.path)
    }
    let list = try source.read(at: seekKeys, count: nbytesKeys, what: "the key list of \(what)")
    var keyCursor = ROOTCursor(list, context: "\(source.path): key list of \(what) at offset \(seekKeys)")
    _ = try keyCursor.key()  // the list's own key
    let count = try keyCursor.i32()
    guard count >= 0, count <= list.count / 20 else {
      throw ShowerIOError(
        .corrupt, "\(what): key list claims \(count) keys in \(list.count) bytes", file: source.path)
    }
    for _ in 0..<count { keys.append(try keyCursor.key()) }
    for key in keys where key.className == "TDirectory" || key.className == "TDirectoryFile" {
      let childPath = path.isEmpty ? key.name : path + "/" + key.name
      subdirectories.append(
        try ROOTDirectory(
          source: source, seek: key.seekKey + key.keylen, path: childPath, depth: depth + 1, visited: &visited
        ))
    }
  }

  /// This directory and all below it, depth first.
  var all: [ROOTDirectory] { [self] + subdirectories.flatMap(\.all) }
}
