/// A TTree: entry count and branches, with lazy access to its baskets (root-format.md §8).
///
/// Opening a tree reads only its metadata record; values are read on request, one basket at a time,
/// for the entries asked for.
///
/// ```swift
/// let tree = try ROOTFile(path: "par04.root").tree("events")
/// let energies = try tree.array("EnergyMC", as: Double.self)
/// ```
public final class ROOTTree: Sendable {
  /// Tree name ("events").
  public let name: String
  /// Path from the file's root directory ("ntuples/events").
  public let path: String
  /// Key cycle the tree was read from.
  public let cycle: Int
  /// Tree title.
  public let title: String
  /// TTree class version (5 for g4tools, 16–20 for ROOT 5.23–6.x).
  public let version: Int
  /// Number of entries.
  public let entries: Int
  /// Top-level branches in stored order.
  public let branches: [ROOTBranch]
  /// Compression of the TTree record itself: "raw" or a block tag such as "ZL".
  public let recordCompression: String
  let source: ROOTSource

  init(source: ROOTSource, key: ROOTKey, path: String, seekInfo: Int = 0) throws {
    let what = "key '\(key.name);\(key.cycle)' (\(key.className))"
    let payload = try source.payload(of: key, what: what)
    var cursor = ROOTCursor(payload, origin: key.keylen, context: "\(source.path): tree '\(path)'")
    if key.className != "TTree" { _ = try cursor.versionHeader() }  // TNtuple / TNtupleD wrap a TTree
    let (version, end) = try cursor.versionHeader()
    let (_, title) = try cursor.named()
    try cursor.skipObject("TAttLine")
    try cursor.skipObject("TAttFill")
    try cursor.skipObject("TAttMarker")
    var entries: Int
    switch version {
    case 5:
      let value = try cursor.f64()
      guard value >= 0, value < 1e15 else { throw cursor.corrupt("impossible entry count \(value)") }
      entries = Int(value)
      try cursor.skip(3 * 8 + 7 * 4)
    case 16...20:
      entries = try cursor.i64()
      try cursor.skip(3 * 8 + (version >= 18 ? 8 : 0) + 8 + 3 * 4 + (version >= 17 ? 4 : 0))
      let clusters = version >= 19 ? try cursor.i32() : 0
      try cursor.skip(4 * 8 + (version >= 18 ? 8 : 0) + 8)
      if version >= 19 {
        _ = try cursor.markedArray(clusters, width: 8)
        _ = try cursor.markedArray(clusters, width: 8)
      }
      if version >= 20 { try cursor.skipObject("TIOFeatures") }
    default:
      throw ShowerIOError(
        .unsupportedVersion,
        "tree '\(path)' has TTree class version \(version); supported are 5 (Geant4 g4tools) and 16–20 (ROOT 5.23 to 6.x). Re-write it with ROOT ≥ 5.23 or uproot",
        file: source.path)
    }
    guard entries >= 0 else { throw cursor.corrupt("negative entry count \(entries)") }
    var branches: [ROOTBranch] = []
    for object in try cursor.objArray() { if case .branch(let b) = object { branches.append(b) } }
    if let end { try cursor.jump(to: end) }
    // Split STL members are typed only by the StreamerInfo record: read it when needed.
    var streamers: ROOTStreamerInfo? = nil
    let needsStreamers = branches.flatMap(\.flattened).contains {
      [300, 365, 500].contains($0.element?.streamerType ?? 0)
    }
    if needsStreamers, seekInfo > 0 {
      streamers = try? ROOTStreamerInfo(source: source, seek: seekInfo)
    }
    for i in branches.indices {
      try branches[i].resolveBaskets(source: source, tree: path)
      branches[i].classify(streamers: streamers)
    }
    self.name = key.name
    self.path = path
    self.cycle = key.cycle
    self.title = title
    self.version = version
    self.entries = entries
    self.branches = branches
    self.source = source
    if key.isCompressed, key.nbytes - key.keylen >= 2 {
      let tag = try source.read(at: key.seekKey + key.keylen, count: 2, what: what)
      recordCompression = String(decoding: tag, as: UTF8.self)
    } else {
      recordCompression = "raw"
    }
  }

  /// All branches, sub-branches included, depth first.
  public var allBranches: [ROOTBranch] { branches.flatMap(\.flattened) }
}

extension ROOTBranch {
  /// Fills in the entry ranges of the baskets and checks they add up to `entries`.
  mutating func resolveBaskets(source: ROOTSource, tree: String) throws {
    var next = 0
    for i in baskets.indices {
      if baskets[i].embedded == nil {
        if baskets[i].entryCount < 0 {
          baskets[i].entryCount = try source.basketEntryCount(baskets[i], branch: name)
        }
        guard baskets[i].firstEntry == next, baskets[i].entryCount >= 0 else {
          throw ShowerIOError(
            .corrupt,
            "branch '\(path)' of tree '\(tree)': basket \(i) starts at entry \(baskets[i].firstEntry), expected \(next)",
            file: source.path, dataset: path)
        }
      } else {
        baskets[i].firstEntry = next
      }
      next += baskets[i].entryCount
    }
    guard next == entries || (baskets.isEmpty && !branches.isEmpty) else {
      throw ShowerIOError(
        .corrupt,
        "branch '\(path)' of tree '\(tree)': its baskets hold \(next) entries but the branch says \(entries)",
        file: source.path, dataset: path)
    }
    for i in branches.indices { try branches[i].resolveBaskets(source: source, tree: tree) }
  }
}
