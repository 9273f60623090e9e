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

  /// The committed copy of the ROOT test data (Fixtures/root-testdata/README.md), relative to the
  /// repository root.
  static let base = "Tests/ShowerIOTests/Fixtures/root-testdata"

  /// The copied good files the reference walk covers, as "folder/file" (the import script's list).
  static let fileKeys: [String] =
    [
      "uproot-HZZ-zlib.root", "uproot-HZZ-lz4.root", "uproot-HZZ-lzma.root", "uproot-HZZ-zstd.root",
      "uproot-HZZ-objects.root", "uproot-sample-5.23.02-zlib.root", "uproot-sample-5.25.02-zlib.root",
      "uproot-sample-5.26.00-zlib.root", "uproot-sample-5.30.00-lzma.root", "uproot-sample-6.10.05-lz4.root",
      "uproot-sample-6.14.00-zlib.root", "uproot-sample-6.20.04-lz4.root", "uproot-sample-6.20.04-lzma.root",
      "uproot-sample-6.20.04-uncompressed.root", "uproot-sample-6.20.04-zlib.root", "uproot-issue412.root",
      "uproot-issue261.root", "uproot-empty.root", "uproot-nesteddirs.root",
      "uproot-small-dy-withoffsets.root", "uproot-small-dy-nooffsets.root", "uproot-issue-250.root",
      "uproot-from-geant4.root", "uproot-issue64.root", "uproot-issue38a.root", "uproot-issue38b.root",
      "uproot-written-zlib.root", "uproot-written-lz4.root", "uproot-written-lzma.root",
      "uproot-written-zstd.root", "uproot-written-none.root",
    ].map { "files/\($0)" }
    + [
      "g4tools-par04like-zlib1.root", "g4tools-par04like-uncompressed.root",
      "g4tools-par04like-zlib1-dir.root", "g4tools-par04like-rowwise.root",
    ].map { "g4tools/\($0)" }

  /// URL of `name` in a test-data folder ("files", "g4tools", "bad").
  ///
  /// - Throws: `MissingTestData` naming the file when it is not in the checkout.
  static func url(_ name: String, in folder: String = "files") throws -> URL {
    try TestEnvironment.requireFile("\(base)/\(folder)/\(name)")
  }

  /// The reference of "folder/file" from that folder's reference-values.json.
  ///
  /// - Throws: `MissingTestData` when the JSON or its entry is missing; a decoding error when it
  ///   is damaged.
  static func reference(for key: String) throws -> File {
    let folder = String(key.prefix(upTo: key.lastIndex(of: "/")!))
    let name = String(key[key.index(after: key.lastIndex(of: "/")!)...])
    let (json, decoded) =
      folder == "files" ? ("reference-values.json", scikit) : ("g4tools/reference-values.json", g4tools)
    guard let file = try decoded.get().files.first(where: { $0.file == name }) else {
      throw MissingTestData(path: "\(base)/\(json) (its entry for \(name))")
    }
    return file
  }

  /// The two reference files, decoded once.
  private static let scikit = Result { try decoded("reference-values.json") }
  private static let g4tools = Result { try decoded("g4tools/reference-values.json") }

  private static func decoded(_ json: String) throws -> ROOTReference {
    let data = try Data(contentsOf: TestEnvironment.requireFile("\(base)/\(json)"))
    return try JSONDecoder().decode(ROOTReference.self, from: data)
  }
}
