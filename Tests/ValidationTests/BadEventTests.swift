import Core
import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// Events with unusable numbers (non-finite or negative cells, bad incident energies): a clear
/// `badEvent` error naming file, dataset and 0-based event, or with `.skip` left out and counted.
@Suite struct BadEventTests {
  /// Writes 6 toy dataset-2 showers with `damage` applied to the batch first.
  static func write(_ url: URL, damage: (inout ShowerBatch) -> Void) throws {
    var batch = ToyVoxelModel(binning: .dataset2).showers(
      energies: [20_000, 30_000, 40_000, 50_000, 60_000, 70_000], seed: 7)
    damage(&batch)
    let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [batch.cellsPerShower])
    try writer.append(batch)
    try writer.finish()
  }

  @Test(arguments: [Float.infinity, -.infinity, .nan, -1])
  func badCellNamesFileDatasetAndEvent(value: Float) async throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("bad.h5")
    try Self.write(url) { $0.cells[4 * 6480 + 17] = value }
    do {
      _ = try await FeatureTable.load(url, chunkSize: 4)
      Issue.record("a \(value) cell must be an error")
    } catch {
      #expect(error.code == .badEvent)
      #expect(error.context == url.path)
      #expect(error.message.contains("dataset 'showers', event 4: cell 17 is \(value) MeV"), "\(error)")
      #expect(error.message.contains("--skip-bad-events"))
    }
  }

  @Test func badIncidentEnergyIsNamed() async throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("bad.h5")
    try Self.write(url) { $0.energy[2] = .nan }
    do {
      _ = try await FeatureTable.load(url)
      Issue.record("a NaN incident energy must be an error")
    } catch {
      #expect(error.code == .badEvent)
      #expect(error.message.contains("dataset 'incident_energies', event 2"), "\(error)")
    }
  }

  /// Skipping leaves exactly the good events, whose features equal those of a file without the bad ones.
  @Test func skippingDropsOnlyTheBadEvents() async throws {
    let dir = try TemporaryDirectory()
    let bad = dir.file("bad.h5"), good = dir.file("good.h5")
    try Self.write(bad) {
      $0.cells[1 * 6480 + 3] = .infinity
      $0.cells[5 * 6480] = .nan
      $0.energy[3] = -5
    }
    try Self.write(good) { batch in
      var kept = ShowerBatch(cellShape: batch.cellShape)
      for i in [0, 2, 4] {
        kept.append(
          cells: Array(batch.shower(i)), energy: batch.energy[i], theta: batch.theta[i], pdgID: batch.pdgID[i]
        )
      }
      batch = kept
    }
    let skipped = try await FeatureTable.load(bad, chunkSize: 2, badEvents: .skip)
    let reference = try await FeatureTable.load(good)
    #expect(skipped.skippedEvents.map(\.event) == [1, 3, 5])
    #expect(skipped.skippedEvents.map(\.dataset) == ["showers", "incident_energies", "showers"])
    #expect(skipped.count == 3)
    #expect(skipped.values == reference.values)
  }

  @Test func cellSpectrumAndLabelsTakeAnyDouble() async throws {
    // Before the fix Int(±inf) trapped (exit 132); now the position is clamped before conversion.
    #expect(CellSpectrum.bin(of: .infinity) == CellSpectrum.bins - 1)
    #expect(CellSpectrum.bin(of: 1e300) == CellSpectrum.bins - 1)
    #expect(CellSpectrum.bin(of: .nan) == 0)
    #expect(CellSpectrum.bin(of: 0) == 0)
    #expect(CellSpectrum.bin(of: 1) == 40)
    // A finite but absurd incident energy (1e30 MeV) passes the screen; its bin label trapped in Int(v).
    var batch = ShowerBatch(cellShape: [6480])
    batch.append(cells: [Float](repeating: 1, count: 6480), energy: 1e30, theta: 0, pdgID: 11)
    batch.append(cells: [Float](repeating: 1, count: 6480), energy: 1e4, theta: 0, pdgID: 11)
    var table = FeatureTable(schema: FeatureSchema(binning: .dataset2))
    try await table.append(batch)
    #expect(ConditionBin.defaults(for: table).map(\.label) == ["all", "E=10GeV", "E=1e+24TeV"])
  }
}
