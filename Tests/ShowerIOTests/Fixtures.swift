import Foundation
import ShowerIO
import TestSupport

/// Test data: the committed h5py fixtures with their expected values, and synthetic showers.
enum Fixtures {
  /// URL of a committed fixture file (made by Scripts/fixtures/make_hdf5_fixtures.py).
  static func url(_ name: String) -> URL {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
  }

  /// What the fixture script says a file must read back as (MeV, rad).
  struct Expected: Decodable {
    var layout: String
    var count: Int
    var cellShape: [Int]
    var energy: [Double]
    var theta: [Double]
    var pdgID: [Int32]
    var extras: [String: [Double]]
    var attributes: [String: String]
    /// `[shower, flat index, MeV]` for every non-zero cell.
    var nonzero: [[Double]]
    /// float64 sum of each shower's cells (numpy).
    var totals: [Double]
  }

  private struct ExpectedFile: Decodable { var files: [String: Expected] }

  /// Expected values of every readable fixture, by file name.
  static let expected: [String: Expected] = {
    let data = try! Data(contentsOf: url("expected.json"))
    return try! JSONDecoder().decode(ExpectedFile.self, from: data).files
  }()

  /// `count` deterministic showers of shape `cellShape`: mostly zeros, some awkward floats
  /// (subnormal, -0, huge), energies and angles exactly representable after the float32 GeV /
  /// rad round trip, and all four extras.
  static func showers(count: Int, cellShape: [Int] = [51, 51, 25], extras: Bool = true) -> ShowerBatch {
    var batch = ShowerBatch(cellShape: cellShape)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 11
    }
    let n = batch.cellsPerShower
    for i in 0..<count {
      var cells = [Float](repeating: 0, count: n)
      for _ in 0..<200 {
        cells[Int(next() % UInt64(n))] = Float(bitPattern: UInt32(truncatingIfNeeded: next()) & 0x7F7F_FFFF)
      }
      cells[i % n] = .leastNonzeroMagnitude
      cells[(i + 7) % n] = -0.0
      cells[(i + 13) % n] = .greatestFiniteMagnitude
      let gev = Float(next() % 500_000) / 1000 + 1
      let values: [String: Double] =
        extras
        ? [
          "E_si": Double(next()) / 7, "E_abs": Double(next()) / 3, "E_other": .pi * Double(i),
          "cpu_s": 1e-300,
        ]
        : [:]
      batch.append(
        cells: cells, energy: Double(gev) * 1000, theta: Double(Float(next() % 3142) / 1000),
        pdgID: Int32(truncatingIfNeeded: next()), extras: values)
    }
    return batch
  }

  /// `true` when the two batches agree bit for bit in every field.
  static func identical(_ a: ShowerBatch, _ b: ShowerBatch) -> Bool {
    a.cellShape == b.cellShape && a.cells.map(\.bitPattern) == b.cells.map(\.bitPattern)
      && a.energy.map(\.bitPattern) == b.energy.map(\.bitPattern)
      && a.theta.map(\.bitPattern) == b.theta.map(\.bitPattern) && a.pdgID == b.pdgID
      && a.extras.keys.sorted() == b.extras.keys.sorted()
      && a.extras.allSatisfy { key, values in values.map(\.bitPattern) == b.extras[key]?.map(\.bitPattern) }
  }
}
