extension ROOTTree {
  /// Reads leaf `target` of a leaf-list branch, such as g4tools' `row_wise_branch`
  /// (root-format.md §12.6): within each entry the leaves follow one another; a counted leaf holds
  /// as many values as its counter leaf earlier in the same entry.
  func readLeaf<T: ROOTNumeric>(
    _ branch: ROOTBranch, leaf target: Int, range: Range<Int>, values: inout [T], offsets: inout [Int],
    wantOffsets: Bool
  ) throws {
    let leaves = branch.leaves
    var types: [ROOTElementType] = []
    for leaf in leaves {
      guard let type = leaf.elementType else {
        throw ShowerIOError(
          .wrongType,
          "leaf '\(leaf.name)' of leaf list '\(branch.path)' has class \(leaf.className), which the reader cannot decode",
          file: source.path, dataset: branch.path)
      }
      types.append(type)
    }
    let fixedSize =
      leaves.allSatisfy { $0.count == nil }
      ? zip(leaves, types).reduce(0) { $0 + $1.0.length * $1.1.size } : nil
    try forEachBasket(of: branch, in: range) { ref, content, local in
      for k in local {
        var position: Int
        let end: Int
        if let table = content.offsets {
          position = table[k]
          end = table[k + 1]
        } else if let fixedSize {
          position = k * fixedSize
          end = position + fixedSize
          guard end <= content.data.count else {
            throw corrupt(branch, ref, "entry \(ref.firstEntry + k) runs past the basket data")
          }
        } else {
          throw corrupt(branch, ref, "leaf list with counted leaves but no entry offsets")
        }
        var counts: [String: Int] = [:]
        for (j, leaf) in leaves.enumerated() {
          let type = types[j]
          var n = leaf.length
          if let counter = leaf.count {
            guard let value = counts[counter.name], value >= 0 else {
              throw corrupt(
                branch, ref,
                "leaf '\(leaf.name)' is counted by '\(counter.name)', which is not an earlier leaf of the entry"
              )
            }
            n = value
          }
          guard n >= 0, n <= end - position, position + n * type.size <= end else {
            throw corrupt(
              branch, ref,
              "entry \(ref.firstEntry + k): leaf '\(leaf.name)' needs \(n * type.size) bytes, only \(end - position) left in the entry"
            )
          }
          if n == 1 && !type.isFloatingPoint {
            var single: [Int] = []
            appendDecoded(content.data, from: position, count: 1, type: type, into: &single)
            counts[leaf.name] = single[0]
          }
          if j == target { appendDecoded(content.data, from: position, count: n, type: type, into: &values) }
          position += n * type.size
        }
        guard position == end else {
          throw corrupt(
            branch, ref, "entry \(ref.firstEntry + k) has \(end - position) bytes left after its leaves")
        }
        if wantOffsets { offsets.append(values.count) }
      }
    }
  }
}
