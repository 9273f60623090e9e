import Foundation
import ShowerIO
import TestSupport
import Testing

/// The Geant4 sample shipped in Data/geant4 against the checksums in its README.md.
@Suite struct Geant4SampleTests {
  @Test func readsTheWholeSample() throws {
    let reader = try ShowerFileReader(at: TestEnvironment.geant4Sample())
    #expect(reader.layout == .caloTwin)
    #expect(reader.count == 200)
    #expect(reader.cellShape == [51, 51, 25])
    #expect(reader.extraNames == ["E_si", "E_abs", "E_other", "cpu_s"])
    let batch = try reader.readAll()
    #expect(batch.energy[0..<100].allSatisfy { $0 == 10_000 })
    #expect(batch.energy[100..<200].allSatisfy { $0 == 100_000 })
    #expect(batch.theta.allSatisfy { $0 == Double(Float(Double.pi / 2)) })
    #expect(batch.pdgID.allSatisfy { $0 == 11 })
    let totals = batch.totalEnergies
    #expect(isClose(totals[0..<100].reduce(0, +), 20969.9386, relative: 1e-6))
    #expect(isClose(totals[100..<200].reduce(0, +), 190312.5579, relative: 1e-6))
    #expect(isClose(totals[0], 228.31484, relative: 1e-6))
    #expect(isClose(batch.extras["E_si"]![0], 228.3148380, relative: 1e-9))
    // E_si equals the ECAL row sum to float32 rounding (README: < 2e-8).
    #expect(firstMismatch(totals, batch.extras["E_si"]!, relative: 1e-6) == nil)
  }

  @Test func chunksOfSevenGiveTheSameShowers() throws {
    let reader = try ShowerFileReader(at: TestEnvironment.geant4Sample())
    let whole = try reader.readAll()
    var low = 0.0
    var high = 0.0
    var seen = 0
    try reader.forEachChunk(size: 7) { rows, batch in
      #expect(Fixtures.identical(batch, slice(whole, rows)))
      for (i, total) in batch.totalEnergies.enumerated() {
        if rows.lowerBound + i < 100 { low += total } else { high += total }
      }
      seen += batch.count
    }
    #expect(seen == 200)
    #expect(isClose(low, 20969.9386, relative: 1e-6))
    #expect(isClose(high, 190312.5579, relative: 1e-6))
  }

  @Test func summaryOfTheSample() throws {
    let summary = try ShowerFileSummary(contentsOf: TestEnvironment.geant4Sample())
    #expect(summary.count == 200)
    #expect(summary.energyValues == [10_000, 100_000])
    #expect(isClose(summary.meanTotalEnergy, (20969.9386 + 190312.5579) / 200, relative: 1e-6))
    #expect(summary.pdgIDs == [ShowerFileSummary.PDGCount(pdgID: 11, count: 200)])
    #expect(summary.attributes["production_cut_mm"] == "0.7")
  }
}
