/// A readable column: a branch, or one leaf of a leaf-list branch (g4tools row-wise ntuples).
struct ROOTColumn {
  let branch: ROOTBranch
  /// Index of the leaf in a leaf-list branch; nil for a whole branch.
  let leaf: Int?

  var name: String { leaf.map { branch.leaves[$0].name } ?? branch.path }
}

extension ROOTTree {
  /// Names of every readable column: branch paths, and the leaf names of leaf-list branches.
  public var columnNames: [String] {
    allBranches.flatMap { branch -> [String] in
      branch.kind == .leafList ? branch.leaves.map(\.name) : [branch.path]
    }
  }

  /// The branch at `path` (or with that name, when unique).
  ///
  /// - Throws: `ShowerIOError.missingDataset` with the near misses.
  public func branch(_ path: String) throws -> ROOTBranch {
    let all = allBranches
    if let exact = all.first(where: { $0.path == path }) { return exact }
    let named = all.filter { $0.name == path }
    if named.count == 1 { return named[0] }
    throw ShowerIOError(
      .missingDataset,
      "no branch '\(path)' in tree '\(self.path)'\(ShowerIOError.didYouMean(path, in: columnNames))",
      file: source.path, dataset: path)
  }

  /// Resolves a column name: a branch path or name, or a leaf of a leaf-list branch.
  func column(_ name: String) throws -> ROOTColumn {
    let all = allBranches
    if let exact = all.first(where: { $0.path == name }) { return ROOTColumn(branch: exact, leaf: nil) }
    let named = all.filter { $0.name == name }
    if named.count == 1 { return ROOTColumn(branch: named[0], leaf: nil) }
    for branch in all where branch.kind == .leafList {
      if let i = branch.leaves.firstIndex(where: { $0.name == name }) {
        return ROOTColumn(branch: branch, leaf: i)
      }
    }
    throw ShowerIOError(
      .missingDataset,
      "no branch or leaf '\(name)' in tree '\(path)'\(ShowerIOError.didYouMean(name, in: columnNames)); columns: \(columnNames.joined(separator: ", "))",
      file: source.path, dataset: name)
  }

  /// The column holding the counter leaf `name` of a counted array.
  func counterColumn(_ name: String, for branch: ROOTBranch) throws -> ROOTColumn {
    for candidate in allBranches
    where candidate.leaves.count == 1 && candidate.leaves[0].name == name && candidate.kind.isScalar
      && candidate.path != branch.path
    {
      return ROOTColumn(branch: candidate, leaf: nil)
    }
    throw ShowerIOError(
      .corrupt,
      "counted branch '\(branch.path)' refers to counter '\(name)', which is not a branch of tree '\(path)'",
      file: source.path, dataset: branch.path)
  }

  /// Entry ranges of at most `maxEntries` entries covering the tree, ending on basket boundaries of
  /// `column` where possible, so that each basket is decompressed once.
  ///
  /// - Parameters:
  ///   - maxEntries: Upper bound on the entries per chunk (≥ 1).
  ///   - column: The branch whose baskets should not be split (usually the largest one).
  public func entryChunks(maxEntries: Int, aligningWith column: String? = nil) -> [Range<Int>] {
    precondition(maxEntries >= 1, "maxEntries must be at least 1")
    var boundaries = Set<Int>([entries])
    if let column, let c = try? self.column(column) { boundaries.formUnion(c.branch.entryBoundaries) }
    var chunks: [Range<Int>] = []
    var start = 0
    let sorted = boundaries.filter { $0 > 0 && $0 <= entries }.sorted()
    while start < entries {
      let limit = start + maxEntries
      let end = sorted.last(where: { $0 > start && $0 <= limit }) ?? min(limit, entries)
      chunks.append(start..<end)
      start = end
    }
    return chunks
  }
}
