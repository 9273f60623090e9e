extension ROOTFile {
  /// Human-readable description of the file for `calotwin inspect`: the header, every tree with its
  /// directory path, and per branch its type, entries, baskets and compression setting.
  ///
  /// - Throws: `ShowerIOError` if a tree's metadata cannot be read.
  public func summary() throws -> String {
    var lines: [String] = []
    lines.append(
      "\(path): ROOT file version \(header.versionString)\(header.version == 40000 ? " (Geant4 g4tools)" : ""), "
        + "\(header.isBig ? "big" : "small") header, \(header.end) bytes, default compression \(Self.describeCompression(header.compression))"
    )
    let trees = self.trees
    if trees.isEmpty { lines.append("  no trees") }
    for entry in trees {
      let tree = try self.tree(entry.path)
      lines.append(
        "  tree '\(tree.path)' (cycle \(tree.cycle), TTree v\(tree.version)): \(tree.entries) entries, "
          + "\(tree.allBranches.count) branches, metadata \(tree.recordCompression == "raw" ? "uncompressed" : tree.recordCompression)"
      )
      let width = min(40, tree.allBranches.map(\.path.count).max() ?? 0)
      for branch in tree.allBranches {
        let name = branch.path.padding(to: width)
        let baskets = branch.baskets.count
        let embedded = branch.embeddedBasketCount
        lines.append(
          "    \(name)  \(branch.kind.typeName.padding(to: 22))  \(branch.entries) entries, \(baskets) basket\(baskets == 1 ? "" : "s")"
            + (embedded > 0 ? " (\(embedded) embedded)" : "")
            + ", \(Self.describeCompression(branch.compression))")
        if branch.kind == .leafList {
          for leaf in branch.leaves {
            let type = leaf.elementType?.cppName ?? leaf.className
            lines.append(
              "      leaf \(leaf.name.padding(to: width - 5))  \(type)\(leaf.count.map { "[\($0.name)]" } ?? "")"
            )
          }
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// "zlib level 1" style text for a `fCompress` value (100·algorithm + level).
  static func describeCompression(_ setting: Int) -> String {
    let level = setting % 100
    if level == 0 { return "uncompressed" }
    let names = [0: "ROOT's default algorithm", 1: "zlib", 2: "lzma", 3: "old ROOT", 4: "lz4", 5: "zstd"]
    return "\(names[setting / 100] ?? "algorithm \(setting / 100)") level \(level)"
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
