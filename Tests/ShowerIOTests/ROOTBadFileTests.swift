import Foundation
import ShowerIO
import TestSupport
import Testing

/// Every deliberately broken file of Fixtures/root-testdata/bad gives a `ShowerIOError` with the
/// expected code whose text names the file and the problem (bad/manifest.json's expected error),
/// never a crash, a hang or wrong data.
@Suite struct ROOTBadFileTests {
  /// The error code each broken file must give, for the defect bad/manifest.json describes.
  static let expectedCodes: [String: ShowerIOError.Code] = [
    "truncated-mid-basket.root": .truncated,
    "wrong-magic.root": .notROOT,
    "fend-beyond-size.root": .truncated,
    "corrupt-zlib-block.root": .decompressionFailed,
    "corrupt-lz4-checksum.root": .decompressionFailed,
    "tkey-nbytes-past-end.root": .truncated,
    "basket-flast-lt-keylen.root": .corrupt,
    "zero-length.root": .notROOT,
    "unknown-compression-algorithm.root": .unsupportedCompression,
    "block-size-overrun.root": .corrupt,
  ]

  /// Opens the file and reads every column of every tree, as `convert` and `inspect` would.
  static func readEverything(_ file: ROOTFile) throws {
    for entry in file.trees {
      let tree = try file.tree(entry.path)
      for branch in tree.allBranches {
        switch branch.kind {
        case .string: _ = try tree.strings(branch.path)
        case .stringVector: _ = try tree.stringLists(branch.path)
        case .leafList: for leaf in branch.leaves { _ = try tree.array(leaf.name, as: Double.self) }
        case .group, .unsupported: continue
        default: _ = try tree.array(branch.path, as: Double.self)
        }
      }
    }
  }

  @Test func manifestListsExactlyTheFilesWithExpectedCodes() throws {
    let names = try BadFiles.manifest().files.map(\.file)
    #expect(names.sorted() == Self.expectedCodes.keys.sorted())
  }

  @Test(
    "a broken file gives its expected error code and message, naming the file",
    arguments: expectedCodes.keys.sorted())
  func brokenFileGivesClearError(name: String) throws {
    let entry = try #require(
      try BadFiles.manifest().files.first { $0.file == name }, "\(name) in manifest.json")
    let path = try ROOTReference.url(name, in: "bad").path
    // The manifest's wording, without the alternatives and the codec's own words.
    let expected = entry.expectedError.components(separatedBy: "; or,")[0]
      .components(separatedBy: " (zlib says")[0].components(separatedBy: ": truncated or corrupt file")[0]
    let error = #expect(throws: ShowerIOError.self, "\(name) must not read") {
      try Self.readEverything(ROOTFile(path: path))
    }
    guard let error else { return }
    let text = error.description
    #expect(error.code == Self.expectedCodes[name], "\(name): code \(error.code): \(text)")
    #expect(text.contains(name), "the message names the file: \(text)")
    #expect(text.contains(expected), "\(text)\n  expected to contain: \(expected)")
  }

  @Test("random truncations and byte flips of a good file give a clear error or the same values")
  func damagedCopiesFailClearlyOrReadTheSameValues() throws {
    let good = try ROOTReference.url("uproot-HZZ-zlib.root")
    let bytes = try [UInt8](Data(contentsOf: good))
    let original = try Self.columns(ROOTFile(bytes: bytes, name: "good.root"))
    #expect(original.count == 51, "HZZ has 51 branches")
    var generator = SplitMix64(seed: 20261123)
    var failures = 0
    for trial in 0..<60 {
      var damaged = bytes
      let truncated = trial % 3 == 0
      if truncated {
        damaged.removeLast(1 + Int(generator.next() % UInt64(bytes.count - 1)))
      } else {
        for _ in 0..<(1 + trial % 7) {
          damaged[Int(generator.next() % UInt64(bytes.count))] ^= UInt8(
            truncatingIfNeeded: generator.next() | 1)
        }
      }
      // A trap would fail the whole test process; any other error type fails here.
      do {
        let columns = try Self.columns(ROOTFile(bytes: damaged, name: "damaged.root"))
        #expect(!truncated, "trial \(trial): a file cut to \(damaged.count) bytes read without an error")
        // Flips the reader cannot detect (key titles, dates) must not change a value.
        #expect(columns == original, "trial \(trial): damaged copy read different values")
      } catch let error as ShowerIOError {
        failures += 1
        #expect(error.description.contains("damaged.root"), "trial \(trial): \(error)")
        if truncated {
          #expect(error.code == .truncated, "trial \(trial): \(error)")
          #expect(
            error.description.contains("beyond the file size (\(damaged.count))"), "trial \(trial): \(error)")
        }
      }
    }
    // 20 truncations always fail; most flips land in compressed baskets (zlib's Adler-32 catches them).
    #expect(failures >= 40, "\(failures) of 60 damaged copies failed")
  }

  /// Every numeric branch as Double, keyed by branch path.
  static func columns(_ file: ROOTFile) throws -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    for entry in file.trees {
      let tree = try file.tree(entry.path)
      for branch in tree.allBranches where branch.kind.elementType != nil {
        result["\(entry.path):\(branch.path)"] = try tree.array(branch.path, as: Double.self)
      }
    }
    return result
  }
}

/// A small deterministic generator for test perturbations.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// bad/manifest.json: each broken file and the error a reader should give.
enum BadFiles {
  struct Manifest: Decodable {
    var files: [Entry]
    struct Entry: Decodable {
      var file: String
      var expectedError: String
    }
  }

  /// The manifest, decoded.
  ///
  /// - Throws: `MissingTestData` when it is not in the checkout.
  static func manifest() throws -> Manifest {
    try decoded.get()
  }

  private static let decoded = Result {
    let url = try ROOTReference.url("manifest.json", in: "bad")
    return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
  }
}
