import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// `calotwin validate` on CaloChallenge-layout files (`incident_energies`, flat `showers`) written by
/// ShowerFileWriter: binning from `--binning` or picked by voxel count, gate, low-level classifier.
@Suite struct ValidateCaloChallengeTests {
  static let binningFile = TestEnvironment.repositoryRoot.appendingPathComponent(
    "Data/calochallenge/binning_dataset_2.xml")

  /// Writes `count` toy dataset-2 showers, E_inc log-uniform in [10, 100) GeV.
  static func write(
    _ url: URL, seed: UInt64, count: Int = 200, scale: Float = 1, binning: CaloChallengeBinning = .dataset2
  )
    throws
  {
    var model = ToyVoxelModel(binning: binning)
    model.cellScale = scale
    let energies = (0..<count).map { 10_000 * pow(10, Double(($0 * 7919 + Int(seed) * 31) % 1000) / 1000) }
    let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [binning.voxelCount])
    try writer.append(model.showers(energies: energies, seed: seed))
    try writer.finish()
  }

  static func validate(_ dir: TemporaryDirectory, _ candidate: String, _ extra: [String]) throws
    -> ProcessResult
  {
    try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "validate", "--reference", dir.file("sim.h5").path, "--candidate", dir.file(candidate).path,
        "--report", dir.file("out-\(candidate)").path, "--no-distances",
      ] + extra)
  }

  @Test func binningFileOrVoxelCountGivesTheCylindricalReport() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("gen.h5"), seed: 2)
    try Self.write(dir.file("hot.h5"), seed: 3, scale: 1.05)
    let given = try Self.validate(dir, "gen.h5", ["--binning", Self.binningFile.path, "--gate", "default"])
    #expect(given.status == 0, "stderr: \(given.stderr)")
    #expect(
      given.stdout.contains("gate: PASS") && !given.stderr.contains("no binning given"),
      "\(given.stdout)\(given.stderr)"
    )
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out-gen.h5/metrics.json")))
      as? [String: Any]
    let comparison = try #require(json?["comparison"] as? [String: Any])
    #expect((comparison["geometry"] as? String)?.contains("binning_dataset_2.xml") == true)
    #expect(comparison["highLevelDimension"] as? Int == 362)
    // Voxel files get CaloChallenge's histogram binning by default (--histograms auto).
    #expect(comparison["histogramBinning"] as? String == "caloChallenge")
    // CaloChallenge's readout cut, 0.5 keV / 0.033, is applied by default to voxel files.
    let cut = try #require(comparison["cellThreshold"] as? Double)
    #expect(abs(cut - 0.5e-3 / 0.033) < 1e-8, "cellThreshold \(cut)")
    let html = try String(contentsOf: dir.file("out-gen.h5/index.html"), encoding: .utf8)
    #expect(
      html.contains("CaloChallenge voxels (6480") && html.contains("profile_r") && html.contains("EC_x[0]")
        && html.contains("W_r per layer"))
    let auto = try Self.validate(dir, "hot.h5", ["--gate", "default"])
    #expect(
      auto.stderr.contains(
        "sim.h5: no binning given; 6480 voxels per shower → CaloChallenge dataset 2"), "\(auto.stderr)")
    #expect(auto.status == 1, "a 5 % miscalibration must fail the gate: \(auto.stdout)\(auto.stderr)")
    #expect(auto.stderr.contains("relativeMeanError(E_sum/E_inc)"), "\(auto.stderr)")
    #expect(auto.stderr.contains("readout cut"), "\(auto.stderr)")
    let uncut = try Self.validate(dir, "gen.h5", ["--cell-threshold", "0", "--histograms", "quantile"])
    #expect(uncut.status == 0 && !uncut.stderr.contains("readout cut"), "\(uncut.stderr)")
    let uncutJSON = try String(contentsOf: dir.file("out-gen.h5/metrics.json"), encoding: .utf8)
    #expect(uncutJSON.contains("\"cellThreshold\" : 0") || uncutJSON.contains("\"cellThreshold\":0"))
    #expect(uncutJSON.contains("\"histogramBinning\" : \"quantile\""), "--histograms quantile")
    let negative = try Self.validate(dir, "gen.h5", ["--cell-threshold", "-1"])
    #expect(negative.status != 0 && negative.stderr.contains("--cell-threshold"), "\(negative.stderr)")
  }

  @Test func unknownVoxelCountsAndWrongBinningsAreClearErrors() throws {
    let dir = try TemporaryDirectory()
    let small = CaloChallengeBinning(
      particle: "electron", pid: 11, layers: [.init(id: 0, rEdges: [0, 5, 10], alphaBins: 50)], source: "test"
    )
    try Self.write(dir.file("sim.h5"), seed: 1, count: 60, binning: small)
    try Self.write(dir.file("gen.h5"), seed: 2, count: 60, binning: small)
    let unknown = try Self.validate(dir, "gen.h5", [])
    #expect(unknown.status == 2)
    #expect(
      unknown.stderr.contains("sim.h5") && unknown.stderr.contains("100 voxels")
        && unknown.stderr.contains("--binning"), "\(unknown.stderr)")
    let wrong = try Self.validate(dir, "gen.h5", ["--binning", Self.binningFile.path])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("geometryMismatch") && wrong.stderr.contains("6480"), "\(wrong.stderr)")
    let missing = try Self.validate(dir, "gen.h5", ["--binning", dir.file("nope.xml").path])
    #expect(missing.status == 2 && missing.stderr.contains("nope.xml"), "\(missing.stderr)")
    // The same files with their own binning file validate; a binning for Cartesian files is refused.
    try
      "<Bins>\n <Bin pid=\"11\" name=\"electron\">\n  <Layer id=\"0\" r_edges=\"0,5,10\" n_bin_alpha=\"50\"/>\n"
      .appending(" </Bin>\n</Bins>\n").write(to: dir.file("small.xml"), atomically: true, encoding: .utf8)
    let own = try Self.validate(
      dir, "gen.h5", ["--binning", dir.file("small.xml").path, "--minimum-showers", "20"])
    #expect(own.status == 0, "\(own.stderr)")
    let json = try String(contentsOf: dir.file("out-gen.h5/metrics.json"), encoding: .utf8)
    #expect(json.contains("binning small.xml"))
    let layout = CalorimeterLayout(nx: 5, ny: 5, layers: 4, cellSize: 5.1)
    for name in ["c1.h5", "c2.h5"] {
      let writer = try ShowerFileWriter(at: dir.file(name), cellShape: layout.cellShape)
      try writer.append(ToyShowerModel(layout: layout).showers(energies: [10_000, 20_000], seed: 1))
      try writer.finish()
    }
    let cartesian = try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "validate", "--reference", dir.file("c1.h5").path, "--candidate", dir.file("c2.h5").path,
        "--report", dir.file("o-c").path, "--binning", dir.file("small.xml").path,
      ])
    #expect(cartesian.status == 2 && cartesian.stderr.contains("Cartesian"), "\(cartesian.stderr)")
  }

  @Test func lowLevelClassifierRunsBesideTheHighLevelOne() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1, count: 120)
    try Self.write(dir.file("gen.h5"), seed: 2, count: 120)
    try "rules: [{metric: classifierLowAUC, maximum: 0.99}, {metric: classifierAUC, maximum: 0.99}]\n".write(
      to: dir.file("gate.yaml"), atomically: true, encoding: .utf8)
    let result = try Self.validate(
      dir, "gen.h5",
      [
        "--classifier", "all", "--classifier-epochs", "2", "--classifier-hidden", "16", "--classifier-batch",
        "100",
        "--classifier-threads", "1", "--minimum-showers", "20", "--gate", dir.file("gate.yaml").path,
      ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(
      result.stdout.contains("classifier (cls-low): AUC")
        && result.stdout.contains("classifier (cls-high): AUC"))
    #expect(result.stdout.contains("gate: PASS (2 checks)"), "\(result.stdout)")
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out-gen.h5/metrics.json")))
      as? [String: Any]
    let low = (json?["comparison"] as? [String: Any])?["classifierLow"] as? [String: Any]
    let auc = try #require(low?["auc"] as? Double)
    #expect(auc >= 0 && auc <= 1)
    let html = try String(contentsOf: dir.file("out-gen.h5/index.html"), encoding: .utf8)
    #expect(html.contains("all (classifier, cls-low)") && html.contains("all (classifier, cls-low-normed)"))
    let normed = (json?["comparison"] as? [String: Any])?["classifierLowNormed"] as? [String: Any]
    #expect(normed?["auc"] is Double)
    let bad = try Self.validate(dir, "gen.h5", ["--classifier", "medium"])
    #expect(bad.status != 0 && bad.stderr.contains("medium"), "\(bad.stderr)")
  }

  /// The voxel-energy distribution (evaluate.py's plot_cell_dist) reaches metrics.json, the report and the
  /// gate; `--summation double` keeps Double sums (E_layer edges then from a Double maximum).
  @Test func voxelEnergySeparationPowerIsReportedAndGated() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("hot.h5"), seed: 3, scale: 1.3)
    let gate = dir.file("gate.yaml")
    try "rules: [{metric: voxelSeparationPower, maximum: 0.001}]".write(
      to: gate, atomically: true, encoding: .utf8)
    let result = try Self.validate(dir, "hot.h5", ["--gate", gate.path])
    #expect(result.status == 1, "a 30 % hotter candidate fails a tight voxel gate: \(result.stderr)")
    #expect(result.stderr.contains("voxelSeparationPower"), "\(result.stderr)")
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out-hot.h5/metrics.json")))
      as? [String: Any]
    let comparison = try #require(json?["comparison"] as? [String: Any])
    let voxel = try #require(comparison["voxelEnergy"] as? [String: Any])
    let edges = try #require(voxel["edges"] as? [Double])
    #expect(edges.count == 50 && abs(edges[0] - 0.5e-3 / 0.033) < 1e-12, "\(edges.prefix(2))")
    let s = try #require(voxel["separationPower"] as? Double)
    #expect(s > 0.001 && s <= 1)
    let html = try String(contentsOf: dir.file("out-hot.h5/index.html"), encoding: .utf8)
    #expect(html.contains("voxel-energy distribution") && html.contains("voxel energies"))
    let double = try Self.validate(dir, "hot.h5", ["--summation", "double"])
    #expect(double.status == 0, "\(double.stderr)")
    let quantile = try Self.validate(dir, "hot.h5", ["--histograms", "quantile"])
    let q = try String(contentsOf: dir.file("out-hot.h5/metrics.json"), encoding: .utf8)
    #expect(
      quantile.status == 0 && !q.contains("voxelEnergy"), "no voxel histogram without CaloChallenge bins")
    let bad = try Self.validate(dir, "hot.h5", ["--summation", "half"])
    #expect(bad.status != 0 && bad.stderr.contains("half"), "\(bad.stderr)")
  }
}
