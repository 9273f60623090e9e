import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// CaloChallenge high-level features, cls-high and cls-low vectors against the numpy implementation
/// of `HighLevelFeatures.py` (Fixtures/calochallenge.json, Scripts/fixtures/make_calochallenge_fixtures.py),
/// 1e-6 relative (1e-9 absolute for values that vanish, such as widths of one-voxel layers).
@Suite struct CaloChallengeFeatureTests {
  static func table(_ binning: CaloChallengeBinning, _ batch: ShowerBatch, threshold: Float) async throws
    -> FeatureTable
  {
    var table = FeatureTable(
      schema: FeatureSchema(binning: binning), cellThreshold: threshold, keepsLowLevel: true)
    try await table.append(batch, tasks: 2)
    return table
  }

  /// Compares every feature group of the fixture case with the table, shower by shower.
  static func expectFeatures(_ table: FeatureTable, _ reference: [String: Any], _ label: String) {
    let schema = table.schema
    for name in [
      "E_sum", "E_sum/E_inc", "E_layer", "EC_x", "EC_y", "W_x", "W_y", "EC_r", "W_r", "sparsity", "profile_r",
    ] {
      let group = schema.group(name)!
      let expected =
        reference[name] is [Any] && (reference[name] as! [Any]).first is [Any]
        ? FixtureLoader.matrix(reference[name]) : reference.doubles(name).map { [$0] }
      #expect(expected.count == table.count, "\(label) \(name)")
      for (i, row) in expected.enumerated() {
        let got = (0..<group.count).map { table.values[i * schema.width + group.offset + $0] }
        #expect(
          firstMismatch(got, row, relative: 1e-6, absolute: 1e-9) == nil,
          "\(label) \(name) shower \(i): \(firstMismatch(got, row, relative: 1e-6, absolute: 1e-9) ?? "")")
      }
    }
  }

  @Test func smallDatasetOneStyleShowersMatchNumpy() async throws {
    let f = try FixtureLoader.json("calochallenge").object("small")
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/calochallenge_small", withExtension: "xml"))
    let binning = try CaloChallengeBinning(contentsOf: url)
    var batch = ShowerBatch(cellShape: [binning.voxelCount])
    for (cells, energy) in zip(FixtureLoader.matrix(f["showers"]), f.doubles("energies")) {
      batch.append(cells: cells.map(Float.init), energy: energy, theta: .pi / 2, pdgID: 22)
    }
    let table = try await Self.table(binning, batch, threshold: Float(f.double("threshold")))
    Self.expectFeatures(table, f.object("features"), "small")
    #expect(HighLevelFeatures.dimension(table.schema) == 2 + 4 * 4 + 4 * 2)
    let high = HighLevelFeatures.rows(table),
      expectedHigh = FixtureLoader.matrix(f["cls_high"]).flatMap { $0 }
    #expect(firstMismatch(high, expectedHigh, relative: 1e-6, absolute: 1e-9) == nil)
    let low = try ClassifierTest.lowLevelInputs(reference: table, candidate: table)
    #expect(low.dimension == 31)
    let expectedLow = FixtureLoader.matrix(f["cls_low"]).flatMap { $0 }
    #expect(
      firstMismatch(low.reference.map(Double.init), expectedLow, relative: 1e-6, absolute: 1e-12) == nil)
    let normed = try ClassifierTest.lowLevelNormedInputs(reference: table, candidate: table)
    #expect(normed.dimension == 1 + 30 + 4)
    let expectedNormed = FixtureLoader.matrix(f["cls_low_normed"]).flatMap { $0 }
    #expect(
      firstMismatch(normed.candidate.map(Double.init), expectedNormed, relative: 1e-6, absolute: 1e-12) == nil
    )
    // The empty shower 0: no energy, sparsity 1 everywhere, centroids 0.
    let sparsity = table.schema.group("sparsity")!
    #expect((0..<sparsity.count).allSatisfy { table.values[sparsity.offset + $0] == 1 })
  }

  /// The formula showers of the fixture script, recomputed here.
  static func formulaShowers(voxels: Int, count: Int) -> ShowerBatch {
    var batch = ShowerBatch(cellShape: [voxels])
    for s in 0..<count {
      let cells = (0..<voxels).map { v in
        (v + s) % 7 == 0 ? 0 : Float(Double((v * 7919 + s * 104_729) % 1000) / 100)
      }
      batch.append(cells: cells, energy: 1000 * Double(s + 1) * 7.5, theta: .pi / 2, pdgID: 11)
    }
    return batch
  }

  @Test func datasetTwoShowersMatchNumpy() async throws {
    let f = try FixtureLoader.json("calochallenge").object("dataset2")
    let batch = Self.formulaShowers(voxels: 6480, count: f.doubles("energies").count)
    #expect(batch.energy == f.doubles("energies"))
    let table = try await Self.table(.dataset2, batch, threshold: Float(f.double("threshold")))
    Self.expectFeatures(table, f.object("features"), "dataset2")
    #expect(HighLevelFeatures.dimension(table.schema) == 362)
    let expectedHigh = FixtureLoader.matrix(f["cls_high"]).flatMap { $0 }
    #expect(firstMismatch(HighLevelFeatures.rows(table), expectedHigh, relative: 1e-6, absolute: 1e-9) == nil)
  }
}
