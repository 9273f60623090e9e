import Foundation
import ShowerIO
import TestSupport
import Testing

/// The converter's dense showers against an independent uproot + numpy computation
/// (Scripts/fixtures/make_root_fixtures.py → Fixtures/root-par04-dense.json) on the demo's
/// Par04-like ntuple Data/root/par04like.root (CaloTwin-simulated showers written in Par04's layout
/// by Scripts/make_par04like_root.py).
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

  /// The simulation behind Data/root/par04like.root (Fixtures/root-par04-simulation.json).
  struct Simulation: Decodable {
    /// Primary total energy per event, MeV (the file's EnergyMC).
    var energyMC: [Double]
    /// The simulator's total deposit in silicon per event, MeV, before the rebinning into the mesh.
    var siliconEnergy: [Double]
  }

  /// A committed fixture of this target.
  ///
  /// - Throws: `MissingTestData` naming the file when it is absent.
  static func fixture(_ name: String) throws -> URL {
    try TestEnvironment.requireFile("Tests/ShowerIOTests/Fixtures/\(name)")
  }

  /// Path of the demo's Par04-like ntuple, Data/root/par04like.root.
  ///
  /// - Throws: `MissingTestData` when it is absent.
  static func par04like() throws -> String {
    try TestEnvironment.requireFile("Data/root/par04like.root").path
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
    let (batch, summary) = try await Self.convertAll(Self.par04like())
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

  /// The demo file is physically consistent: per event, the converted cells add up to the
  /// simulator's silicon deposit and to a sampling fraction of the primary energy.
  @Test func par04LikeCellSumsMatchTheSimulatedEnergy() async throws {
    let simulation = try JSONDecoder().decode(
      Simulation.self, from: Data(contentsOf: Self.fixture("root-par04-simulation.json")))
    let (batch, _) = try await Self.convertAll(Self.par04like())
    try #require(batch.count == 100 && simulation.siliconEnergy.count == 100)
    // Independent reference: the minimum-ionising sampling fraction of 0.3 mm Si (2.33 g/cm³) behind
    // 1.4 mm W (19.3 g/cm³), from PDG's minimum dE/dx (Si 1.664, W 1.145 MeV cm²/g): 0.0362.
    let silicon = 1.664 * 2.33 * 0.03
    let fMIP = silicon / (silicon + 1.145 * 19.3 * 0.14)
    var ratios: [Double] = []
    for event in 0..<batch.count {
      let sum = batch.shower(event).reduce(0.0) { $0 + Double($1) }
      let deposit = simulation.siliconEnergy[event]
      #expect(batch.energy[event] == simulation.energyMC[event], "event \(event) EnergyMC")
      // Par04's mesh (r < 41.85 mm, 4.6 Molière radii of W) and its 0.5 keV voxel threshold drop at
      // most 3 % of the silicon deposit; float32 cells round at 1e-6.
      #expect(
        sum <= deposit * (1 + 1e-6) && sum >= 0.97 * deposit,
        "event \(event): cells \(sum) MeV, simulated silicon deposit \(deposit) MeV")
      // One shower: E_cells / E_MC within 0.5–1.2 f_MIP (1–10 GeV: sampling fluctuations below 20 %).
      let ratio = sum / batch.energy[event]
      #expect(
        (0.5 * fMIP...1.2 * fMIP).contains(ratio),
        "event \(event): cells \(sum) MeV for EnergyMC \(batch.energy[event]) MeV (f_MIP \(fMIP))")
      ratios.append(ratio)
    }
    // The mean: electromagnetic showers in W–Si sample less than a MIP does, e/mip 0.7–0.95.
    let mean = ratios.reduce(0, +) / Double(ratios.count)
    #expect((0.70 * fMIP...0.95 * fMIP).contains(mean), "mean sampling fraction \(mean), f_MIP \(fMIP)")
  }

  @Test(
    "compressed, uncompressed, subdirectory and row-wise g4tools files convert identically",
    arguments: ["g4tools-par04like-uncompressed.root", "g4tools-par04like-rowwise.root"])
  func layoutsConvertIdentically(name: String) async throws {
    let zlib = try ROOTReference.url("g4tools-par04like-zlib1.root", in: "g4tools")
    let (expected, _) = try await Self.convertAll(zlib.path, chunk: 1000)
    #expect(expected.count == 100 && expected.cells.contains { $0 != 0 })
    let (batch, _) = try await Self.convertAll(ROOTReference.url(name, in: "g4tools").path, chunk: 13)
    #expect(batch == expected)
  }

  @Test func subdirectoryTreeConvertsIdentically() async throws {
    let zlib = try ROOTReference.url("g4tools-par04like-zlib1.root", in: "g4tools")
    let (expected, _) = try await Self.convertAll(zlib.path)
    var mapping = ConversionMapping.par04()
    mapping.trees = ["ntuples/events"]
    mapping.energyTrees = []
    let path = try ROOTReference.url("g4tools-par04like-zlib1-dir.root", in: "g4tools").path
    let (batch, _) = try await Self.convertAll(path, mapping: mapping)
    #expect(batch == expected)
  }

  @Test func duplicateCellsAddAndOutOfRangeCellsAreDropped() async throws {
    // Tiny shape: z < 2, phi < 3, rho < 2; cells with larger indices are dropped and counted.
    let mapping = ConversionMapping.par04(shape: [2, 3, 2])
    let (batch, summary) = try await Self.convertAll(Self.par04like(), mapping: mapping)
    let file = try ROOTFile(path: Self.par04like())
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
      _ = try ROOTShowerSource(path: Self.par04like(), mapping: mapping)
    } throws: { error in
      String(describing: error).contains("did you mean 'EnergyCell'?")
    }
  }
}
