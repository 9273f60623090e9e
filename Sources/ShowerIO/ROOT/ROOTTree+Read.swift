extension ROOTTree {
  /// Reads the values of a numeric column for an entry range, flattened.
  ///
  /// Works for scalars, fixed arrays (N values per entry), counted arrays, `std::vector` and leaves
  /// of row-wise leaf lists; values are converted to `T` (for example `Float` → `Double`).
  ///
  /// - Parameters:
  ///   - column: Branch path or name, or a leaf of a leaf-list branch.
  ///   - type: Swift type to convert the values to.
  ///   - entries: Entry range; all entries when nil.
  /// - Returns: The values of the entries in order.
  /// - Throws: `ShowerIOError` naming the file, the branch and the basket for corrupt data;
  ///   `.wrongType` for string and unsupported branches.
  public func array<T: ROOTNumeric>(_ column: String, as type: T.Type = T.self, entries: Range<Int>? = nil)
    throws -> [T]
  {
    try read(self.column(column), as: type, entries: try checked(entries), offsets: false).values
  }

  /// Reads a numeric column as jagged offsets plus values for an entry range.
  ///
  /// - Returns: `offsets` (entries + 1, starting at 0) and the flat `values`.
  /// - Throws: As ``array(_:as:entries:)``.
  public func jagged<T: ROOTNumeric>(_ column: String, as type: T.Type = T.self, entries: Range<Int>? = nil)
    throws -> ROOTJagged<T>
  {
    let result = try read(self.column(column), as: type, entries: try checked(entries), offsets: true)
    return ROOTJagged(offsets: result.offsets, values: result.values)
  }

  func checked(_ range: Range<Int>?) throws -> Range<Int> {
    guard let range else { return 0..<entries }
    guard range.lowerBound >= 0, range.upperBound <= entries else {
      throw ShowerIOError(
        .invalidArgument, "entry range \(range) is outside the tree's \(entries) entries", file: source.path,
        dataset: path)
    }
    return range
  }

  /// The baskets of `branch` overlapping `range`, loaded one at a time, with the local entry range.
  func forEachBasket(
    of branch: ROOTBranch, in range: Range<Int>,
    _ body: (ROOTBasketRef, ROOTBasketContent, Range<Int>) throws -> Void
  ) throws {
    for ref in branch.baskets
    where ref.firstEntry < range.upperBound && ref.firstEntry + ref.entryCount > range.lowerBound {
      let content = try source.basket(ref, branch: branch.path)
      guard content.entryCount == ref.entryCount else {
        throw ShowerIOError(
          .corrupt,
          "the basket of branch '\(branch.path)' at offset \(ref.seek) holds \(content.entryCount) entries, the branch index says \(ref.entryCount)",
          file: source.path, dataset: branch.path)
      }
      let lo = max(range.lowerBound, ref.firstEntry) - ref.firstEntry
      let hi = min(range.upperBound, ref.firstEntry + ref.entryCount) - ref.firstEntry
      try body(ref, content, lo..<hi)
    }
  }

  func corrupt(_ branch: ROOTBranch, _ ref: ROOTBasketRef, _ message: String) -> ShowerIOError {
    let place =
      ref.embedded == nil
      ? "the basket at offset \(ref.seek)" : "the embedded basket starting at entry \(ref.firstEntry)"
    return ShowerIOError(.corrupt, "\(place): \(message)", file: source.path, dataset: branch.path)
  }

  func read<T: ROOTNumeric>(
    _ column: ROOTColumn, as: T.Type, entries range: Range<Int>, offsets wantOffsets: Bool
  )
    throws -> (offsets: [Int], values: [T])
  {
    let branch = column.branch
    var values: [T] = []
    var offsets: [Int] = wantOffsets ? [0] : []
    if let leaf = column.leaf {
      try readLeaf(
        branch, leaf: leaf, range: range, values: &values, offsets: &offsets, wantOffsets: wantOffsets)
      return (offsets, values)
    }
    switch branch.kind {
    case .scalar(let type), .fixedArray(let type, _):
      var width = 1
      if case .fixedArray(_, let n) = branch.kind { width = n }
      let entrySize = width * type.size
      try forEachBasket(of: branch, in: range) { ref, content, local in
        let (needed, overflow) = content.entryCount.multipliedReportingOverflow(by: entrySize)
        guard !overflow, content.data.count >= needed else {
          throw corrupt(
            branch, ref,
            "\(content.data.count) data bytes cannot hold \(content.entryCount) entries of \(entrySize) bytes"
          )
        }
        appendDecoded(
          content.data, from: local.lowerBound * entrySize, count: local.count * width, type: type,
          into: &values)
        if wantOffsets { for _ in local { offsets.append(offsets.last! + width) } }
      }
    case .counted(let type, let counter, let header):
      try forEachBasket(of: branch, in: range) { ref, content, local in
        var starts: [Int]
        if let table = content.offsets {
          starts = Array(table[local.lowerBound...local.upperBound])
        } else {
          let counts = try read(
            counterColumn(counter, for: branch), as: Int.self,
            entries: ref.firstEntry..<(ref.firstEntry + local.upperBound),
            offsets: false
          ).values
          var position = 0
          starts = []
          for (k, n) in counts.enumerated() {
            if k >= local.lowerBound { starts.append(position) }
            guard n >= 0, n <= content.data.count, position <= content.data.count else {
              throw corrupt(
                branch, ref,
                "counter '\(counter)' value \(n) does not fit the basket's \(content.data.count) bytes")
            }
            position += header + n * type.size
          }
          starts.append(position)
          guard position <= content.data.count else {
            throw corrupt(
              branch, ref,
              "counter '\(counter)' asks for \(position) bytes, the basket holds \(content.data.count)")
          }
        }
        if header == 0 {  // contiguous values: check every entry, then decode them in one pass
          for k in 0..<(starts.count - 1) where (starts[k + 1] - starts[k]) % type.size != 0 {
            throw corrupt(
              branch, ref,
              "entry \(ref.firstEntry + local.lowerBound + k) has \(starts[k + 1] - starts[k]) bytes, not a whole number of \(type.size)-byte values"
            )
          }
          let base = values.count
          appendDecoded(
            content.data, from: starts[0], count: (starts.last! - starts[0]) / type.size, type: type,
            into: &values)
          if wantOffsets {
            for k in 1..<starts.count { offsets.append(base + (starts[k] - starts[0]) / type.size) }
          }
          return
        }
        for k in 0..<(starts.count - 1) {
          let bytes = starts[k + 1] - starts[k] - header
          guard bytes >= 0, bytes % type.size == 0 else {
            throw corrupt(
              branch, ref,
              "entry \(ref.firstEntry + local.lowerBound + k) has \(bytes) bytes, not a whole number of \(type.size)-byte values"
            )
          }
          appendDecoded(
            content.data, from: starts[k] + header, count: bytes / type.size, type: type, into: &values)
          if wantOffsets { offsets.append(values.count) }
        }
      }
    case .vector(let type):
      try forEachBasket(of: branch, in: range) { ref, content, local in
        guard let table = content.offsets else {
          throw corrupt(branch, ref, "std::vector basket without entry offsets")
        }
        for k in local {
          let start = table[k]
          let length = table[k + 1] - start
          if length == 0 {
            if wantOffsets { offsets.append(values.count) }
            continue
          }
          var cursor = ROOTCursor(content.data, position: start + 6, context: "")
          let n = (try? cursor.i32()) ?? -1
          guard length >= 10, n >= 0, 10 + n * type.size == length else {
            throw corrupt(
              branch, ref,
              "std::vector entry \(ref.firstEntry + k) has \(length) bytes, which does not match its header (\(n) values of \(type.size) bytes + 10)"
            )
          }
          appendDecoded(content.data, from: start + 10, count: n, type: type, into: &values)
          if wantOffsets { offsets.append(values.count) }
        }
      }
    default:
      throw ShowerIOError(
        .wrongType, "branch '\(branch.path)' is \(branch.kind.typeName), not numbers; use strings() for text",
        file: source.path, dataset: branch.path)
    }
    return (offsets, values)
  }
}
