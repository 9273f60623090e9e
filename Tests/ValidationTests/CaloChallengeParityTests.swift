import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// End-to-end parity with CaloChallenge's evaluate.py definitions (CALOTWIN_SLOW_TESTS=1): toy showers in
/// the dataset-2 and dataset-1-photon layouts go through `Validator` (float32 summation, CaloChallenge
/// binning) and through Scripts/fixtures/calochallenge_parity.py, an independent numpy implementation;
/// every histogram's edges and counts and every separation power must agree to 1e-6 relative.
@Suite(.enabled(if: TestEnvironment.slowTestsEnabled)) struct CaloChallengeParityTests {
  /// A dataset-1-photon-like binning: 368 voxels in layers 0, 1, 2, 3, 12 (1 and 2 angularly binned).
  static let photons = CaloChallengeBinning(
    particle: "photon", pid: 22,
    layers: [
      .init(id: 0, rEdges: [0, 5, 10, 30, 50, 100, 200, 400, 600], alphaBins: 1),
      .init(
        id: 1, rEdges: [0, 1, 4, 7, 10, 15, 20, 30, 40, 50, 70, 90, 120, 150, 200, 300, 500], alphaBins: 10),
      .init(
        id: 2, rEdges: [0, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100, 130, 160, 200, 250, 300, 350, 400],
        alphaBins: 10),
      .init(id: 3, rEdges: [0, 50, 100, 200, 400, 600], alphaBins: 1),
      .init(id: 12, rEdges: [0, 100, 200, 400, 1000, 2000], alphaBins: 1),
    ], source: "test ds1 photons")

  /// A python3 with numpy (`CALOTWIN_PYTHON` first, then the usual places), or `nil`.
  static func python() -> URL? {
    let chosen = ProcessInfo.processInfo.environment["CALOTWIN_PYTHON"].map { [$0] } ?? []
    for path in chosen + ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"] {
      let url = URL(fileURLWithPath: path)
      guard FileManager.default.isExecutableFile(atPath: path),
        let r = try? runProcess(url, ["-c", "import numpy"]), r.status == 0
      else { continue }
      return url
    }
    return nil
  }

  static func raw<T>(_ values: [T], _ url: URL) throws {
    try values.withUnsafeBytes { Data($0) }.write(to: url)
  }

  /// Writes both samples as HDF5 (for `Validator`) and raw float32 (for numpy), runs both, compares.
  func check(
    _ binning: CaloChallengeBinning, dataset: String, energies: [Double], scale: Float, minimumShowers: Int
  ) async throws {
    guard let python = Self.python() else {
      let message =
        "no python3 with numpy found (/usr/bin/python3, /usr/local/bin/python3); install python3-numpy "
        + "(Scripts/bootstrap.sh does) to run the CaloChallenge parity test"
      Issue.record("\(message)")
      return
    }
    let dir = try TemporaryDirectory()
    var urls: [URL] = []
    for (k, sample) in ["reference", "candidate"].enumerated() {
      var model = ToyVoxelModel(binning: binning)
      model.cellScale = k == 0 ? 1 : scale
      let batch = model.showers(energies: energies, seed: UInt64(101 + k))
      let url = dir.file("\(sample).h5")
      let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [binning.voxelCount])
      try writer.append(batch)
      try writer.finish()
      urls.append(url)
      try Self.raw(batch.cells, dir.file("\(sample)_cells.f32"))
      try Self.raw(batch.energy.map { Float($0) }, dir.file("\(sample)_energies.f32"))
    }
    // Values of many magnitudes for the float32 sums: numpy's pairwise order must be matched bit for bit.
    var state: UInt64 = 2026
    let values = (0..<(3 * 40_500)).map { _ -> Float in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let u = Double(state >> 11) / Double(1 << 53)
      return Float(pow(10, 6 * u - 2))
    }
    try Self.raw(values, dir.file("sums.f32"))
    let lengths = [1, 7, 8, 9, 15, 16, 127, 128, 129, 136, 255, 1000, 6480, 40_500]
    let cut = try #require(binning.readoutCut)
    let spec: [String: Any] = [
      "dataset": dataset, "particle": binning.particle, "minEnergy": cut, "sumLengths": lengths,
      "layers": binning.relevantLayers.map { ["id": $0.id, "rEdges": $0.rEdges, "alphaBins": $0.alphaBins] },
    ]
    try JSONSerialization.data(withJSONObject: spec).write(to: dir.file("spec.json"))
    let script = TestEnvironment.repositoryRoot.appendingPathComponent(
      "Scripts/fixtures/calochallenge_parity.py")
    let run = try runProcess(python, [script.path, dir.url.path])
    try #require(run.status == 0, "numpy script failed: \(run.stderr)")
    let document =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("numpy.json"))) as! [String: Any]
    let expected = document["histograms"] as! [String: [String: Any]]
    let sums = document["sums"] as! [String: [NSNumber]]
    // numpy 1.x reduces rows longer than its 8192-value buffer block by block; numpy 2.x in one pass.
    let version = document["numpy"] as? String ?? "2"
    let block: Int? = version.hasPrefix("1.") ? 8192 : nil
    values.withUnsafeBufferPointer { all in
      for n in lengths {
        let ours = (0..<3).map {
          PairwiseSum.float32(UnsafeBufferPointer(rebasing: all[($0 * n)..<(($0 + 1) * n)]), blockSize: block)
            .bitPattern
        }
        let numpy = (sums["\(n)"] ?? []).map(\.uint32Value)
        #expect(ours == numpy, "float32 sum of \(n) values: \(ours) vs numpy \(version) \(numpy)")
      }
    }

    var configuration = Validator.Configuration()
    configuration.binning = binning
    configuration.comparison.distances = false
    configuration.comparison.minimumShowers = minimumShowers
    // CALOTWIN_PARITY_SUMMATION=double shows what the float32 sums fix (the test then fails).
    if let mode = ProcessInfo.processInfo.environment["CALOTWIN_PARITY_SUMMATION"] {
      configuration.summation = try #require(CellSummation(rawValue: mode))
    }
    let outcome = try await Validator(configuration: configuration).run(
      reference: urls[0], candidate: urls[1], report: dir.file("report"))
    let comparison = outcome.comparison
    #expect(comparison.histogramBinning == .caloChallenge)
    var ours: [String: (edges: [Double], reference: [Double], candidate: [Double], s: Double)] = [:]
    let all = try #require(comparison.bins.first { $0.bin.label == "all" })
    for f in all.features {
      ours[f.name] = (f.histogram.edges, f.referenceCounts, f.candidateCounts, f.separationPower)
    }
    for bin in comparison.bins where bin.bin.label.hasPrefix("E=") {
      guard let f = bin.feature("E_sum/E_inc") else { continue }
      let centre = (bin.bin.energy.lower + bin.bin.energy.upper) / 2
      ours["E_sum/E_inc@\(Int(centre.rounded()))"] = (
        f.histogram.edges, f.referenceCounts, f.candidateCounts, f.separationPower
      )
    }
    let voxel = try #require(comparison.voxelEnergy)
    ours["voxel_energy"] = (voxel.edges, voxel.referenceCounts, voxel.candidateCounts, voxel.separationPower)

    var worstEdge = 0.0, worstCount = 0.0, worstS = 0.0, compared = 0
    for (name, numpy) in expected.sorted(by: { $0.key < $1.key }) {
      guard let mine = ours[name] else {
        Issue.record("\(dataset): numpy has \(name), CaloTwin does not")
        continue
      }
      compared += 1
      let edges = (numpy["edges"] as! [NSNumber]).map(\.doubleValue)
      let reference = (numpy["reference"] as! [NSNumber]).map(\.doubleValue)
      let candidate = (numpy["candidate"] as! [NSNumber]).map(\.doubleValue)
      let s = (numpy["separationPower"] as! NSNumber).doubleValue
      #expect(
        mine.edges.count == edges.count, "\(dataset) \(name): \(mine.edges.count) vs \(edges.count) edges")
      guard mine.edges.count == edges.count else { continue }
      func relative(_ a: Double, _ b: Double) -> Double { a == b ? 0 : abs(a - b) / max(abs(a), abs(b)) }
      worstEdge = max(worstEdge, zip(mine.edges, edges).map(relative).max() ?? 0)
      worstCount = max(
        worstCount,
        (zip(mine.reference, reference).map(relative) + zip(mine.candidate, candidate).map(relative)).max()
          ?? 0)
      worstS = max(worstS, abs(mine.s - s) <= 1e-15 ? 0 : relative(mine.s, s))
      #expect(
        firstMismatch(mine.edges, edges, relative: 1e-6, absolute: 0) == nil, "\(dataset) \(name) edges")
      #expect(
        firstMismatch(mine.reference, reference, relative: 1e-6, absolute: 0) == nil,
        "\(dataset) \(name) reference counts \(mine.reference) vs \(reference)")
      #expect(
        firstMismatch(mine.candidate, candidate, relative: 1e-6, absolute: 0) == nil,
        "\(dataset) \(name) candidate counts \(mine.candidate) vs \(candidate)")
      #expect(isClose(mine.s, s, relative: 1e-6, absolute: 1e-15), "\(dataset) \(name) S \(mine.s) vs \(s)")
    }
    print(
      "parity \(dataset): \(compared) histograms; max relative deviation: edges \(worstEdge), counts "
        + "\(worstCount), separation power \(worstS)")
    #expect(compared == expected.count && compared > 10)
  }

  @Test func dataset2MatchesNumpy() async throws {
    let energies = (0..<300).map { 1000 * pow(10, 3 * Double(($0 * 7919) % 1000) / 1000) }
    try await check(.dataset2, dataset: "2", energies: energies, scale: 1.03, minimumShowers: 50)
  }

  @Test func dataset1PhotonsMatchNumpy() async throws {
    let energies = (0..<320).map { k in [256.0, 1024, 8192, 65_536][k % 4] }
    try await check(Self.photons, dataset: "1-photons", energies: energies, scale: 1.02, minimumShowers: 20)
  }
}
