import Foundation
import TestSupport

/// The reference JSON beside the ROOT test files (root-testdata/README.md §3), decoded with
/// `JSONDecoder` as the README advises (17-digit numbers stay exact).
struct ROOTReference: Decodable {
  var files: [File]

  struct File: Decodable {
    var file: String
    var trees: [Tree]
  }

  struct Tree: Decodable {
    var path: String
    var entries: Int
    var branches: [Branch]
  }

  struct Branch: Decodable {
    var path: String
    var kind: String
    var entries: Int
    var entryBoundaries: [Int]
    var values: Values?
    var jagged: Jagged?
    var strings: Strings?
    var jaggedStrings: Jagged?
    var leafValues: [LeafValues]?
  }

  struct LeafValues: Decodable {
    var leaf: String
    var kind: String
    var values: Values
    var jagged: Jagged?
  }

  struct Values: Decodable {
    var count: Int
    var sum: Double
    var sumAbs: Double
    var sumExact: Int?
    var min: Double?
    var max: Double?
    var first: [Double]
    var last: [Double]
  }

  struct Jagged: Decodable {
    var items: Int
    var emptyEntries: Int
    var firstCounts: [Int]
    var lastCounts: [Int]
  }

  struct Strings: Decodable {
    var count: Int
    var first: String?
    var last: String?
  }

  /// Test-data folders: the scikit-hep/uproot files and the g4tools files.
  static let folders = ["root-testdata/files", "root-testdata/g4tools"]

  static func directory(_ folder: String) -> URL {
    TestEnvironment.sharedDirectory.appendingPathComponent(folder)
  }

  /// Reference of every file, keyed by "folder/file".
  static let all: [String: File] = {
    var result: [String: File] = [:]
    for (folder, json) in [
      ("root-testdata/files", "root-testdata/reference-values.json"),
      ("root-testdata/g4tools", "root-testdata/g4tools/reference-values.json"),
    ] {
      let url = TestEnvironment.sharedDirectory.appendingPathComponent(json)
      guard let data = try? Data(contentsOf: url),
        let decoded = try? JSONDecoder().decode(ROOTReference.self, from: data)
      else { continue }
      for file in decoded.files { result["\(folder)/\(file.file)"] = file }
    }
    return result
  }()

  /// Whether the shared test data is present (it is not part of the repository).
  static var available: Bool { !all.isEmpty }
}
