extension ROOTCursor {
  /// Reads a TBranch (v8, v10–v13) or a TBranchElement (v1, v8–v10) around one
  /// (root-format.md §9, §10.1).
  mutating func branch(className: String, depth: Int) throws -> ROOTBranch {
    if className == "TBranch" { return try plainBranch(depth: depth) }
    let (version, end) = try versionHeader()
    var branch = try plainBranch(depth: depth)
    branch.className = className
    if className == "TBranchElement" {
      let element: ROOTBranch.Element
      switch version {
      case 1:
        let name = try string()
        _ = try i32()  // fClassVersion
        element = .init(className: name, id: try i32(), type: try i32(), streamerType: try i32())
      case 8...10:
        let name = try string()
        _ = try string()  // fParentName
        _ = try string()  // fClonesName
        _ = try u32()  // fCheckSum
        _ = version >= 10 ? try i16() : try i32()  // fClassVersion
        element = .init(className: name, id: try i32(), type: try i32(), streamerType: try i32())
      default:
        throw ShowerIOError(
          .unsupportedVersion,
          "\(context): TBranchElement '\(branch.name)' has class version \(version); supported are 1 (Geant4 g4tools) and 8–10 (ROOT 5.x–6.x)"
        )
      }
      branch.element = element
    }
    if let end { try jump(to: end) }
    return branch
  }

  private mutating func plainBranch(depth: Int) throws -> ROOTBranch {
    let (version, end) = try versionHeader()
    guard [8, 10, 11, 12, 13].contains(version) else {
      throw ShowerIOError(
        .unsupportedVersion,
        "\(context): TBranch class version \(version) is not supported (supported: 8 from Geant4 g4tools, 10–13 from ROOT 5.x–6.x)"
      )
    }
    let (name, title) = try named()
    try skipObject("TAttFill")
    let compression = try i32()
    _ = try i32()  // fBasketSize
    let offsetLength = try i32()
    let writeBasket = try i32()
    _ = version == 8 ? try i32() : try i64()  // fEntryNumber
    if version >= 13 { try skipObject("TIOFeatures") }
    _ = try i32()  // fOffset
    let maxBaskets = try i32()
    _ = try i32()  // fSplitLevel
    let entriesValue: Double = version == 8 ? try f64() : Double(try i64())
    if version >= 11 { _ = try i64() }  // fFirstEntry
    try skip(version == 8 ? 16 : 16)  // fTotBytes, fZipBytes
    guard maxBaskets >= 0, maxBaskets < 10_000_000, writeBasket >= 0, writeBasket <= maxBaskets,
      entriesValue >= 0, entriesValue < 1e15
    else {
      throw corrupt(
        "branch '\(name)' has impossible basket counts (fMaxBaskets \(maxBaskets), fWriteBasket \(writeBasket))"
      )
    }
    let subBranches = try objArray(depth: depth)
    let leafObjects = try objArray(depth: depth)
    let basketObjects = try objArray(depth: depth)
    let basketBytes = try markedArray(maxBaskets, width: 4)
    let basketEntry = try markedArray(maxBaskets, width: version == 8 ? 4 : 8)
    var seekWidth = 8
    if version == 8 {  // the marker says whether the seeks are 64-bit
      seekWidth = position < bytes.count && bytes[position] == 2 ? 8 : 4
    }
    let basketSeek = try markedArray(maxBaskets, width: seekWidth)
    if let end { try jump(to: end) }

    var branch = ROOTBranch(
      name: name, path: name, title: title, className: "TBranch", version: version,
      entries: Int(entriesValue), compression: compression, entryOffsetLength: offsetLength,
      leaves: [], branches: [], element: nil)
    for object in subBranches {
      if case .branch(var child) = object {
        child.prefixPath(name)
        branch.branches.append(child)
      }
    }
    for object in leafObjects { if case .leaf(let leaf) = object { branch.leaves.append(leaf) } }
    var free = 0
    while free < writeBasket && basketSeek[free] != 0 { free += 1 }
    for i in 0..<free {
      branch.baskets.append(
        ROOTBasketRef(
          firstEntry: basketEntry[i],
          entryCount: i + 1 < maxBaskets ? basketEntry[i + 1] - basketEntry[i] : -1,
          seek: basketSeek[i], bytes: basketBytes[i], embedded: nil))
    }
    for object in basketObjects {
      if case .basket(let content) = object, content.entryCount > 0 {
        branch.baskets.append(
          ROOTBasketRef(firstEntry: -1, entryCount: content.entryCount, seek: 0, bytes: 0, embedded: content))
      }
    }
    return branch
  }
}

extension ROOTBranch {
  /// Prepends a parent name to this branch's path and its children's.
  mutating func prefixPath(_ parent: String) {
    path = parent + "/" + path
    for i in branches.indices { branches[i].prefixPath(parent) }
  }
}
