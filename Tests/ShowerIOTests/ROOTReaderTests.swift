import Foundation
import ShowerIO
import TestSupport
import Testing

/// Reader API behaviour: lazy entry ranges, chunking, inspection text, version checks.
@Suite
struct ROOTReaderTests {
  static func file(_ name: String, in folder: String = "files") throws -> ROOTFile {
    try ROOTFile(path: ROOTReference.url(name, in: folder).path)
  }

  @Test(
    "an entry range reads the same values as the slice of the whole branch",
    arguments: [(0, 1), (10, 40), (13, 100), (74, 75), (98, 100)])
  func entryRangeEqualsSlice(lower: Int, upper: Int) throws {
    let tree = try Self.file("g4tools-par04like-zlib1.root", in: "g4tools").tree("events")
    let all = try tree.jagged("EnergyCell", as: Double.self)
    let part = try tree.jagged("EnergyCell", as: Double.self, entries: lower..<upper)
    #expect(part.count == upper - lower)
    #expect(part.values == Array(all.values[all.offsets[lower]..<all.offsets[upper]]))
    #expect(
      try tree.array("EnergyMC", as: Double.self, entries: lower..<upper)
        == Array(try tree.array("EnergyMC", as: Double.self)[lower..<upper]))
  }

  @Test func countedArrayWithoutOffsetsAlignsByEntryNumber() throws {
    // Jet_pt's baskets (0/200/397/400/501) differ from its counter nJet's (0/200/400/501).
    let without = try Self.file("uproot-small-dy-nooffsets.root").tree("tree")
    let with = try Self.file("uproot-small-dy-withoffsets.root").tree("tree")
    for range in [0..<501, 150..<398, 396..<402, 399..<501] {
      let a = try without.jagged("Jet_pt", as: Float.self, entries: range)
      let b = try with.jagged("Jet_pt", as: Float.self, entries: range)
      #expect(a.offsets == b.offsets && a.values == b.values, "\(range)")
    }
  }

  @Test func bigFileReadsOnlyTheBasketsAsked() throws {
    let tree = try Self.file("uproot-issue412.root").tree("test")
    #expect(tree.entries == 1_000_000)
    let values = try tree.array("b1", as: Int64.self, entries: 9_998..<10_003)
    let whole = try tree.array("b1", as: Int64.self)
    #expect(values == Array(whole[9_998..<10_003]))
    #expect(Array(whole.prefix(3)) == [75, 50, 243])
  }

  @Test func chunksCoverTheTreeOnBasketBoundaries() throws {
    let tree = try Self.file("g4tools-par04like-zlib1.root", in: "g4tools").tree("events")
    let chunks = tree.entryChunks(maxEntries: 30, aligningWith: "EnergyCell")
    #expect(chunks.first?.lowerBound == 0 && chunks.last?.upperBound == 100)
    #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(chunks.allSatisfy { $0.count <= 30 })
    #expect(chunks.map(\.upperBound).filter { [14, 35, 53, 74, 98, 100].contains($0) }.count >= 5)
  }

  @Test func summaryListsTreesBranchesTypesAndCompression() throws {
    let text = try Self.file("uproot-nesteddirs.root").summary()
    #expect(text.contains("tree 'one/two/tree'") && text.contains("tree 'one/tree'"))
    #expect(text.contains("ArrayInt32") && text.contains("int32_t[10]"))
    #expect(text.contains("metadata ZL"))
    let g4 = try Self.file("g4tools-par04like-rowwise.root", in: "g4tools").summary()
    #expect(
      g4.contains("Geant4 g4tools") && g4.contains("leaf EnergyCell")
        && g4.contains("double[EnergyCell_count]"))
  }

  @Test func unsupportedTreeVersionIsRejectedClearly() throws {
    var bytes = try [UInt8](
      Data(
        contentsOf: ROOTReference.url("uproot-written-none.root")))
    // Find the TTree record (class "TTree", name "events", then the title) and set its version to 21.
    let pattern: [UInt8] = [5] + Array("TTree".utf8) + [6] + Array("events".utf8)
    var patched = false
    for start in 0..<(bytes.count - pattern.count)
    where bytes[start..<start + pattern.count].elementsEqual(pattern) {
      let payload = start + pattern.count + 1 + Int(bytes[start + pattern.count])
      if bytes[payload] & 0x40 != 0 && bytes[payload + 4] == 0 && bytes[payload + 5] == 20 {
        bytes[payload + 5] = 21
        patched = true
      }
    }
    #expect(patched)
    let file = try ROOTFile(bytes: bytes, name: "v21.root")
    #expect {
      _ = try file.tree("events")
    } throws: { error in
      let e = error as? ShowerIOError
      return e?.code == .unsupportedVersion && e!.description.contains("TTree class version 21")
    }
  }

  @Test func missingTreeSuggestsTheNearMiss() throws {
    let file = try Self.file("uproot-HZZ-zlib.root")
    #expect {
      _ = try file.tree("event")
    } throws: { error in
      String(describing: error).contains("did you mean 'events'?")
    }
  }
}
