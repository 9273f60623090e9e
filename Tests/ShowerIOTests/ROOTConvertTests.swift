import Foundation
import ShowerIO
import TestSupport
import Testing

/// The converter's dense showers against an independent uproot + numpy computation
/// (Scripts/fixtures/make_root_fixtures.py → Fixtures/root-par04-dense.json).
@Suite struct ROOTConvertTests {
  struct Dense: Decodable {
    var shape: [Int]
    var events: Int
    var incidentEnergy: [Double]
    var voxelSum: [Double]
    var nonzero: [Int]
    var weightedSum: [Double]
    var detail: [String: [[Double]]]
  }

  static func fixture(_ name: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
  }

  static func convertAll(_ path: String, mapping: ConversionMapping = .par04(), chunk: Int = 7) async throws
    -> (ShowerBatch, ConversionSummary)
  {
    let source = try ROOTShowerSource(path: path, mapping: mapping, chunkEntries: chunk)
    var all = ShowerBatch(cellShape: mapping.cellShape)
    let summary = try await ROOTConversion.run(sources: [source], concurrency: 3) { batch in
      all.cells += batch.cells
      all.energy += batch.energy
      all.theta += batch.theta
      all.pdgID += batch.pdgID
    }
    return (all, summary)
  }

  @Test func par04PresetMatchesUprootAndNumpy() async throws {
    let reference = try JSONDecoder().decode(
      Dense.self, from: Data(contentsOf: Self.fixture("root-par04-dense.json")))
    let (batch, summary) = try await Self.convertAll(Self.fixture("root-par04like.root").path)
    #expect(batch.cellShape == [45 * 50 * 18])
    #expect(summary.eventsRead == 100 && summary.showersWritten == 100 && summary.eventsSkipped == 0)
    #expect(batch.energy == reference.incidentEnergy)
    #expect(batch.theta.allSatisfy { $0 == .pi / 2 } && batch.pdgID.allSatisfy { $0 == 11 })
    let weights = (0..<batch.cellsPerShower).map { Double($0 % 101 + 1) }
    for event in 0..<reference.events {
      let shower = batch.shower(event)
      let sum = shower.reduce(0.0) { $0 + Double($1) }
      #expect(isClose(sum, reference.voxelSum[event], relative: 1e-12, absolute: 1e-9), "event \(event) sum")
      #expect(shower.filter { $0 != 0 }.count == reference.nonzero[event], "event \(event) non-zero voxels")
      var weighted = 0.0
      for (j, v) in shower.enumerated() where v != 0 { weighted += Double(v) * weights[j] }
      #expect(
        isClose(weighted, reference.weightedSum[event], relative: 1e-12, absolute: 1e-9),
        "event \(event) order")
    }
    for (key, voxels) in reference.detail {
      let shower = Array(batch.shower(Int(key)!))
      var expected = [Float](repeating: 0, count: shower.count)
      for pair in voxels { expected[Int(pair[0])] = Float(pair[1]) }
      #expect(shower == expected, "event \(key): every voxel equal")
    }
  }

  @Test(
    "compressed, uncompressed, subdirectory and row-wise g4tools files convert identically",
    .enabled(if: ROOTReference.available),
    arguments: ["g4tools-par04like-uncompressed.root", "g4tools-par04like-rowwise.root"])
  func layoutsConvertIdentically(name: String) async throws {
    let (expected, _) = try await Self.convertAll(Self.fixture("root-par04like.root").path, chunk: 1000)
    let path = ROOTReference.directory("root-testdata/g4tools").appendingPathComponent(name).path
    let (batch, _) = try await Self.convertAll(path, chunk: 13)
    #expect(batch == expected)
  }

  @Test(.enabled(if: ROOTReference.available)) func subdirectoryTreeConvertsIdentically() async throws {
    let (expected, _) = try await Self.convertAll(Self.fixture("root-par04like.root").path)
    var mapping = ConversionMapping.par04()
    mapping.trees = ["ntuples/events"]
    mapping.energyTrees = []
    let path = ROOTReference.directory("root-testdata/g4tools").appendingPathComponent(
      "g4tools-par04like-zlib1-dir.root"
    ).path
    let (batch, _) = try await Self.convertAll(path, mapping: mapping)
    #expect(batch == expected)
  }

  @Test func duplicateCellsAddAndOutOfRangeCellsAreDropped() async throws {
    // Tiny shape: z < 2, phi < 3, rho < 2; cells with larger indices are dropped and counted.
    let mapping = ConversionMapping.par04(shape: [2, 3, 2])
    let (batch, summary) = try await Self.convertAll(
      Self.fixture("root-par04like.root").path, mapping: mapping)
    let file = try ROOTFile(path: Self.fixture("root-par04like.root").path)
    let tree = try file.tree("events")
    let e = try tree.jagged("EnergyCell", as: Double.self)
    let z = try tree.array("zCell", as: Int.self)
    let phi = try tree.array("phiCell", as: Int.self)
    let rho = try tree.array("rhoCell", as: Int.self)
    var dense = [Double](repeating: 0, count: 100 * 12)
    var dropped = 0
    for event in 0..<100 {
      for k in e.offsets[event]..<e.offsets[event + 1] {
        if z[k] < 2 && phi[k] < 3 && rho[k] < 2 {
          dense[event * 12 + z[k] * 6 + phi[k] * 2 + rho[k]] += e.values[k]
        } else {
          dropped += 1
        }
      }
    }
    #expect(batch.cells == dense.map { Float($0) })
    #expect(summary.cellsOutOfRange == dropped)
  }

  @Test func mappingDecodesWithDefaults() throws {
    let json = #"{"tree": "hits", "indices": ["a", "b"], "shape": [4, 5], "layout": "calochallenge"}"#
    let mapping = try JSONDecoder().decode(ConversionMapping.self, from: Data(json.utf8))
    #expect(mapping.trees == ["hits"] && mapping.cellEnergy == "EnergyCell" && mapping.energyScale == 1)
    #expect(mapping.cellShape == [20])
    #expect(throws: ShowerIOError.self) { try ConversionMapping(indices: ["a"], shape: [1, 2]).validate() }
    #expect(throws: ShowerIOError.self) { try ConversionMapping.preset("par4") }
  }

  @Test func missingBranchNamesTheNearMiss() throws {
    var mapping = ConversionMapping.par04()
    mapping.cellEnergy = "EnergyCel"
    #expect {
      _ = try ROOTShowerSource(path: Self.fixture("root-par04like.root").path, mapping: mapping)
    } throws: { error in
      String(describing: error).contains("did you mean 'EnergyCell'?")
    }
  }
}
