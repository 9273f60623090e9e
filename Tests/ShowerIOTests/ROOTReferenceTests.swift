import Foundation
import ShowerIO
import TestSupport
import Testing

/// Walks every copied file of Fixtures/root-testdata (files/ and g4tools/) and compares each branch with
/// the uproot reference values: item counts, entry boundaries, first/last/min/max exactly, sums
/// within 1e-9 · sumAbs, integer sums exactly.
@Suite
struct ROOTReferenceTests {
  /// Branches the reader deliberately does not decode, with the reason (none at present; `object`
  /// branches such as vector<TLorentzVector> have no reference values and are checked to be
  /// reported as unsupported).
  static let knownUnsupported: [String: String] = [:]

  @Test("every branch matches the uproot reference", arguments: ROOTReference.fileKeys)
  func branchesMatchReference(key: String) throws {
    let reference = try ROOTReference.reference(for: key)
    let folder = String(key.prefix(upTo: key.lastIndex(of: "/")!))
    let url = try ROOTReference.url(reference.file, in: folder)
    let file = try ROOTFile(path: url.path)
    for treeReference in reference.trees {
      let tree = try file.tree(treeReference.path)
      #expect(tree.entries == treeReference.entries, "\(key) \(treeReference.path)")
      for expected in treeReference.branches {
        let label = "\(reference.file):\(treeReference.path):\(expected.path)"
        let branch = try tree.branch(expected.path)
        #expect(branch.entries == expected.entries, "\(label) entries")
        if expected.kind != "group" {
          #expect(branch.entryBoundaries == expected.entryBoundaries, "\(label) boundaries")
        }
        if case .unsupported(let reason) = branch.kind {
          if expected.kind == "object" { continue }
          #expect(Self.knownUnsupported[label] != nil, "\(label) unsupported: \(reason)")
          continue
        }
        #expect(Self.knownUnsupported[label] == nil, "\(label) is listed as unsupported but reads")
        try check(
          tree, column: expected.path, kind: expected.kind, values: expected.values,
          jagged: expected.jagged, label: label)
        if let strings = expected.strings, expected.kind == "string" {
          let got = try tree.strings(expected.path)
          #expect(got.count == strings.count, "\(label) string count")
          #expect(got.first == strings.first, "\(label) first string")
          #expect(got.last == strings.last, "\(label) last string")
        }
        if let lists = expected.jaggedStrings {
          let got = try tree.stringLists(expected.path)
          #expect(got.strings.count == lists.items, "\(label) items")
          let counts = zip(got.offsets.dropFirst(), got.offsets).map { $0 - $1 }
          #expect(counts.filter { $0 == 0 }.count == lists.emptyEntries, "\(label) empty entries")
        }
        for leaf in expected.leafValues ?? [] {
          try check(
            tree, column: leaf.leaf, kind: leaf.kind, values: leaf.values, jagged: leaf.jagged,
            label: "\(label)/\(leaf.leaf)")
        }
      }
    }
  }

  private func check(
    _ tree: ROOTTree, column: String, kind: String, values: ROOTReference.Values?,
    jagged: ROOTReference.Jagged?, label: String
  ) throws {
    guard let values else { return }
    let read = try tree.jagged(column, as: Double.self)
    let got = read.values
    #expect(got.count == values.count, "\(label) count")
    guard got.count == values.count else { return }
    let sum = got.reduce(0, +)
    #expect(
      abs(sum - values.sum) <= 1e-9 * max(values.sumAbs, 1e-300), "\(label) sum \(sum) vs \(values.sum)")
    if let exact = values.sumExact {
      let integers = try tree.array(column, as: Int64.self)
      #expect(integers.reduce(0, &+) == Int64(exact), "\(label) exact sum")
    }
    #expect(Array(got.prefix(values.first.count)) == values.first, "\(label) first values")
    #expect(Array(got.suffix(values.last.count)) == values.last, "\(label) last values")
    if let min = values.min { #expect(got.min() == min, "\(label) min") }
    if let max = values.max { #expect(got.max() == max, "\(label) max") }
    if let jagged {
      let counts = zip(read.offsets.dropFirst(), read.offsets).map { $0 - $1 }
      #expect(got.count == jagged.items, "\(label) items")
      #expect(counts.filter { $0 == 0 }.count == jagged.emptyEntries, "\(label) empty entries")
      #expect(Array(counts.prefix(jagged.firstCounts.count)) == jagged.firstCounts, "\(label) first counts")
      #expect(Array(counts.suffix(jagged.lastCounts.count)) == jagged.lastCounts, "\(label) last counts")
    }
  }
}
