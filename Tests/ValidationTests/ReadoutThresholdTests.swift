import Core
import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// The CaloChallenge readout cut (`evaluate.py`'s `min_energy`): chosen per dataset, applied by
/// default to voxel files only, overridable, and the same on both samples.
@Suite struct ReadoutThresholdTests {
  @Test func thresholdFollowsEvaluatePyPerParticle() throws {
    // evaluate.py HEAD: {'1-photons': 1, '1-pions': 1, '2': 0.5e-3/0.033, '3': 0.5e-3/0.033} MeV.
    let electron = try #require(CaloChallengeBinning.dataset2.readoutThreshold)
    #expect(abs(Double(electron) - 0.5e-3 / 0.033) < 1e-7 * 0.015)
    #expect(CaloChallengeBinning.dataset3.readoutThreshold == electron)
    let layers = [CaloChallengeBinning.Layer(id: 0, rEdges: [0, 5], alphaBins: 1)]
    #expect(
      CaloChallengeBinning(particle: "photon", pid: 22, layers: layers, source: "t").readoutThreshold == 1)
    #expect(
      CaloChallengeBinning(particle: "pion", pid: 211, layers: layers, source: "t").readoutThreshold == 1)
    #expect(
      CaloChallengeBinning(particle: "photon", pid: 0, layers: layers, source: "t").readoutThreshold == 1)
    #expect(
      CaloChallengeBinning(particle: "muon", pid: 13, layers: layers, source: "t").readoutThreshold == nil)
  }

  /// A dataset-2 file whose showers carry 0.01 MeV voxels (below the 0.01515 MeV cut) beside the toy
  /// deposits: the default load drops them, `cellThreshold: 0` keeps them, and both sums are checked
  /// against a plain sum of the file's cells.
  @Test func voxelFilesGetTheCutByDefaultAndCartesianFilesDoNot() async throws {
    let dir = try TemporaryDirectory()
    var batch = ToyVoxelModel(binning: .dataset2).showers(energies: [20_000, 50_000, 80_000], seed: 4)
    let n = batch.cellsPerShower
    for s in 0..<batch.count {
      for k in stride(from: s, to: n, by: 97) where batch.cells[s * n + k] == 0 {
        batch.cells[s * n + k] = 0.01
      }
    }
    let url = dir.file("ds2.h5")
    let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [n])
    try writer.append(batch)
    try writer.finish()

    let notices = NoticeLog()
    // Double sums, so that the cut is checked against a plain Double sum to 1e-9 (float32 is the default).
    let cut = try await FeatureTable.load(url, summation: .double, notice: { notices.add($0) })
    let none = try await FeatureTable.load(url, cellThreshold: 0, summation: .double)
    let threshold = Float(0.5e-3 / 0.033)
    #expect(cut.cellThreshold == threshold && none.cellThreshold == 0)
    #expect(notices.lines.contains { $0.contains("ds2.h5: CaloChallenge readout cut") }, "\(notices.lines)")
    let column = cut.schema.group("E_sum")!.offset
    for s in 0..<batch.count {
      let cells = batch.cells[s * n..<(s + 1) * n]
      let kept = cells.reduce(0.0) { $0 + ($1 >= threshold ? Double($1) : 0) }
      let all = cells.reduce(0.0) { $0 + Double($1) }
      #expect(all - kept > 0.5, "the test needs sub-threshold voxels to drop")
      #expect(abs(cut.column(column)[s] - kept) <= 1e-9 * kept)
      #expect(abs(none.column(column)[s] - all) <= 1e-9 * all)
    }

    let layout = CalorimeterLayout(nx: 5, ny: 5, layers: 4, cellSize: 5.1)
    let cartesian = dir.file("c.h5")
    let w = try ShowerFileWriter(at: cartesian, cellShape: layout.cellShape)
    try w.append(ToyShowerModel(layout: layout).showers(energies: [10_000], seed: 1))
    try w.finish()
    #expect(try await FeatureTable.load(cartesian).cellThreshold == 0)
  }

  @Test func samplesCutDifferentlyAreNotCompared() async throws {
    let batch = ToyVoxelModel(binning: .dataset2).showers(
      energies: Array(repeating: 30_000, count: 60), seed: 2)
    var a = FeatureTable(schema: FeatureSchema(binning: .dataset2), cellThreshold: 0.015)
    var b = FeatureTable(schema: FeatureSchema(binning: .dataset2), cellThreshold: 0)
    try await a.append(batch, tasks: 1)
    try await b.append(batch, tasks: 1)
    var configuration = Comparator.Configuration()
    configuration.distances = false
    let error = await #expect(throws: ValidationError.self) {
      try await Comparator(configuration: configuration).compare(reference: a, candidate: b)
    }
    #expect(error?.code == .invalidConfiguration && error?.message.contains("0.015") == true)
  }
}

/// Collects notices from a `@Sendable` callback.
private final class NoticeLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []
  func add(_ line: String) { lock.withLock { stored.append(line) } }
  var lines: [String] { lock.withLock { stored } }
}
