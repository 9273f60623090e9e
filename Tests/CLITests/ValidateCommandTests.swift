import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// `calotwin validate`, run as a separate process on HDF5 files written by ShowerIO.
@Suite struct ValidateCommandTests {
  static let layout = CalorimeterLayout(nx: 13, ny: 13, layers: 10, cellSize: 5.1)

  /// Writes toy showers: 150 at 10 GeV and 150 at 50 GeV unless `energies` says otherwise.
  static func write(
    _ url: URL, seed: UInt64, scale: Float = 1, energies: [Double]? = nil, layout: CalorimeterLayout = layout
  ) throws {
    var model = ToyShowerModel(layout: layout)
    model.cellScale = scale
    let writer = try ShowerFileWriter(at: url, cellShape: layout.cellShape)
    let e = energies ?? (0..<300).map { $0 % 2 == 0 ? 10_000 : 50_000 }
    if !e.isEmpty { try writer.append(model.showers(energies: e, seed: seed)) }
    try writer.finish()
  }

  static func validate(_ reference: URL, _ candidate: URL, _ report: URL, gate: Bool = true) throws
    -> ProcessResult
  {
    var arguments = [
      "validate", "--reference", reference.path, "--candidate", candidate.path, "--report", report.path,
      "--no-distances",
    ]
    if gate { arguments += ["--gate", "default"] }
    return try runProcess(TestEnvironment.calotwinExecutable, arguments)
  }

  @Test func sameConditionsPassTheGateAndWriteTheReport() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("gen.h5"), seed: 2)
    let result = try Self.validate(dir.file("sim.h5"), dir.file("gen.h5"), dir.file("out"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("gate: PASS"))
    let html = try String(contentsOf: dir.file("out/index.html"), encoding: .utf8)
    #expect(html.contains("sim.h5") && html.contains("<svg"))
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out/metrics.json"))) as? [String: Any]
    #expect(json?["passed"] as? Bool == true)
  }

  @Test func miscalibratedCandidateFailsOnTheSamplingFraction() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("gen.h5"), seed: 2, scale: 1.05)
    let result = try Self.validate(dir.file("sim.h5"), dir.file("gen.h5"), dir.file("out"))
    #expect(result.status == 1)
    #expect(result.stderr.contains("gate: FAIL"))
    #expect(result.stderr.contains("relativeMeanError(E_sum/E_inc)"))
    #expect(FileManager.default.fileExists(atPath: dir.file("out/index.html").path))
  }

  @Test func mismatchedInputsAreClearErrors() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("empty.h5"), seed: 2, energies: [])
    try Self.write(
      dir.file("other.h5"), seed: 3, layout: CalorimeterLayout(nx: 9, ny: 9, layers: 10, cellSize: 5.1))
    try Self.write(dir.file("far.h5"), seed: 4, energies: [Double](repeating: 200_000, count: 100))
    let empty = try Self.validate(dir.file("sim.h5"), dir.file("empty.h5"), dir.file("o1"))
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("empty.h5") && empty.stderr.contains("emptySample"), "\(empty.stderr)")
    let other = try Self.validate(dir.file("sim.h5"), dir.file("other.h5"), dir.file("o2"))
    #expect(other.status == 2)
    #expect(
      other.stderr.contains("geometryMismatch") && other.stderr.contains("[9, 9, 10]"), "\(other.stderr)")
    let far = try Self.validate(dir.file("sim.h5"), dir.file("far.h5"), dir.file("o3"))
    #expect(far.status == 2)
    #expect(far.stderr.contains("noOverlappingBins"), "\(far.stderr)")
    let missing = try Self.validate(dir.file("sim.h5"), dir.file("nope.h5"), dir.file("o4"))
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope.h5"), "\(missing.stderr)")
  }

  @Test func classifierFlagAddsAUCToMetricsAndGate() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("gen.h5"), seed: 2)
    try "rules: [{metric: classifierAUC, maximum: 0.99}]\n".write(
      to: dir.file("gate.yaml"), atomically: true, encoding: .utf8)
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "validate", "--reference", dir.file("sim.h5").path, "--candidate", dir.file("gen.h5").path,
        "--report", dir.file("out").path, "--no-distances", "--gate", dir.file("gate.yaml").path,
        "--classifier", "--classifier-epochs", "3", "--classifier-hidden", "32", "--classifier-batch", "100",
        "--classifier-threads", "1",
      ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("classifier (cls-high): AUC"), "\(result.stdout)")
    #expect(result.stdout.contains("gate: PASS (1 checks)"), "\(result.stdout)")
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out/metrics.json"))) as? [String: Any]
    let classifier = (json?["comparison"] as? [String: Any])?["classifier"] as? [String: Any]
    let auc = try #require(classifier?["auc"] as? Double)
    #expect(auc >= 0 && auc <= 1)
    let bad = try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "validate", "--reference", dir.file("sim.h5").path, "--candidate", dir.file("gen.h5").path,
        "--report", dir.file("o2").path, "--classifier", "--classifier-epochs", "0",
      ])
    #expect(bad.status != 0 && bad.stderr.contains("--classifier-epochs"), "\(bad.stderr)")
  }
}
