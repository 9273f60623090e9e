import Foundation
import ShowerIO
import TestSupport
import Testing

/// Files written by h5py in every supported layout read back as the fixture script says.
@Suite struct LayoutFixtureTests {
  @Test(arguments: [
    "calotwin.h5", "lcd_f64_mtheta.h5", "lcd_f32_theta.h5", "calochallenge_f32.h5", "calochallenge_f64.h5",
  ])
  func h5pyFileReadsBackExpectedValues(name: String) throws {
    let expected = try #require(Fixtures.expected[name])
    let reader = try ShowerFileReader(at: Fixtures.url(name))
    #expect(reader.layout.rawValue == expected.layout)
    #expect(reader.count == expected.count)
    #expect(reader.cellShape == expected.cellShape)
    let batch = try reader.readAll()
    // Energies, angles and extras: exact (the script applies the same float64 operations).
    #expect(batch.energy == expected.energy)
    #expect(batch.theta == expected.theta)
    #expect(batch.pdgID == expected.pdgID)
    #expect(batch.extras == expected.extras)
    for (key, value) in expected.attributes { #expect(reader.attributes[key] == value) }
    // Cells: every non-zero cell bit-exact, and nothing else non-zero.
    var reference = [Float](repeating: 0, count: batch.cells.count)
    for cell in expected.nonzero {
      reference[Int(cell[0]) * batch.cellsPerShower + Int(cell[1])] = Float(cell[2])
    }
    #expect(batch.cells == reference)
    #expect(firstMismatch(batch.totalEnergies, expected.totals, relative: 1e-12, absolute: 0) == nil)
  }

  @Test func lcdScaleIsAnOption() throws {
    let expected = try #require(Fixtures.expected["lcd_f32_theta.h5"])
    let reader = try ShowerFileReader(
      at: Fixtures.url("lcd_f32_theta.h5"), options: ShowerReadOptions(lcdScale: 1))
    let totals = try reader.readAll().totalEnergies
    #expect(firstMismatch(totals, expected.totals.map { $0 / 20 }, relative: 1e-6) == nil)
  }

  @Test func angleSourceCanBeChosen() throws {
    let expected = try #require(Fixtures.expected["lcd_f64_mtheta.h5"])
    let url = Fixtures.url("lcd_f64_mtheta.h5")
    let fixed = try ShowerFileReader(at: url, options: ShowerReadOptions(angle: .fixed(1.25))).read(0..<2)
    #expect(fixed.theta == [1.25, 1.25])
    let named = try ShowerFileReader(at: url, options: ShowerReadOptions(angle: .dataset("mtheta"))).read(
      1..<3)
    #expect(named.theta == Array(expected.theta[1..<3]))
    let error = try #require(throws: ShowerIOError.self) {
      try ShowerFileReader(at: url, options: ShowerReadOptions(angle: .dataset("theta")))
    }
    #expect(error.code == .missingDataset)
    #expect(error.message.contains("did you mean 'mtheta'?"))
  }

  @Test func forcedLayoutOverridesDetection() throws {
    let reader = try ShowerFileReader(
      at: Fixtures.url("calotwin.h5"), options: ShowerReadOptions(layout: .lcd))
    #expect(reader.layout == .lcd)
    let expected = try #require(Fixtures.expected["calotwin.h5"])
    #expect(
      firstMismatch(try reader.readAll().totalEnergies, expected.totals.map { $0 * 20 }, relative: 1e-6)
        == nil)
  }

  @Test func summaryDescribesDatasetsAndStatistics() throws {
    let expected = try #require(Fixtures.expected["calotwin.h5"])
    let summary = try ShowerFileSummary(contentsOf: Fixtures.url("calotwin.h5"), chunkSize: 3)
    #expect(summary.layout == .caloTwin)
    #expect(summary.count == 4)
    #expect(summary.energyMin == 10_000)
    #expect(summary.energyMax == 100_000)
    #expect(summary.energyValues == expected.energy)
    #expect(isClose(summary.meanTotalEnergy, expected.totals.reduce(0, +) / 4, relative: 1e-12))
    #expect(summary.pdgIDs.first == ShowerFileSummary.PDGCount(pdgID: 11, count: 2))
    let ecal = try #require(summary.datasets.first { $0.name == "ECAL" })
    #expect(ecal.chunks == [1, 51, 51, 25])
    #expect(ecal.filters == ["gzip 4"])
    #expect(ecal.attributes == ["unit": "MeV"])
    #expect(summary.attributes["geometry"] == "fixture geometry")
    #expect(summary.text.contains("4 showers"))
    #expect(summary.text.contains("10 – 100 GeV"))
  }
}
