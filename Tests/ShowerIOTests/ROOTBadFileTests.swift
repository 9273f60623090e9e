import Foundation
import ShowerIO
import TestSupport
import Testing

/// Every deliberately broken file of root-testdata/bad gives a `ShowerIOError` whose text names the
/// file and the problem (bad/manifest.json's expected error), never a crash, a hang or wrong data.
@Suite(.enabled(if: BadFiles.manifest != nil, "needs ../shared/root-testdata/bad"))
struct ROOTBadFileTests {
  static var names: [String] { BadFiles.manifest?.files.map(\.file) ?? [] }

  /// Opens the file and reads every column of every tree, as `convert` and `inspect` would.
  static func readEverything(_ path: String) throws {
    let file = try ROOTFile(path: path)
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

  @Test("a broken file gives a clear error naming the file and the problem", arguments: names)
  func brokenFileGivesClearError(name: String) throws {
    let entry = try #require(BadFiles.manifest?.files.first { $0.file == name })
    let path = BadFiles.directory.appendingPathComponent(name).path
    // The manifest's wording, without the alternatives and the codec's own words.
    let expected = entry.expectedError.components(separatedBy: "; or,")[0]
      .components(separatedBy: " (zlib says")[0].components(separatedBy: ": truncated or corrupt file")[0]
    do {
      try Self.readEverything(path)
      Issue.record("\(name): read without an error")
    } catch let error as ShowerIOError {
      let text = error.description
      #expect(text.contains(name), "the message names the file: \(text)")
      #expect(text.contains(expected), "\(text)\n  expected to contain: \(expected)")
    }
  }

  @Test("random truncations and byte flips of a good file never crash")
  func damagedCopiesNeverCrash() throws {
    let good = ROOTReference.directory("root-testdata/files").appendingPathComponent("uproot-HZZ-zlib.root")
    let bytes = try [UInt8](Data(contentsOf: good))
    var generator = SplitMix64(seed: 20261123)
    for trial in 0..<60 {
      var damaged = bytes
      if trial % 3 == 0 {
        damaged.removeLast(Int(generator.next() % UInt64(bytes.count)))
      } else {
        for _ in 0..<(1 + trial % 7) {
          damaged[Int(generator.next() % UInt64(bytes.count))] ^= UInt8(
            truncatingIfNeeded: generator.next() | 1)
        }
      }
      // Either reads or throws; a trap would fail the whole test process.
      _ = try? ROOTBadFileTests.readEverything(bytes: damaged)
    }
  }

  static func readEverything(bytes: [UInt8]) throws {
    let file = try ROOTFile(bytes: bytes, name: "damaged.root")
    for entry in file.trees {
      let tree = try file.tree(entry.path)
      for branch in tree.allBranches where branch.kind.elementType != nil {
        _ = try tree.array(branch.path, as: Double.self)
      }
    }
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

  static let directory = TestEnvironment.sharedDirectory.appendingPathComponent("root-testdata/bad")

  static let manifest: Manifest? = {
    guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")) else {
      return nil
    }
    return try? JSONDecoder().decode(Manifest.self, from: data)
  }()
}
