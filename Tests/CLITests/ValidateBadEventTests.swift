import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// `calotwin validate` on files with +inf, NaN or negative cells: exit 2 with file, dataset and event,
/// no report folder; `--skip-bad-events` leaves them out and counts them on stderr and in metrics.json.
@Suite struct ValidateBadEventTests {
  /// 120 toy dataset-2 showers, the cells of `events` set to `value`.
  static func write(_ url: URL, seed: UInt64, events: [Int] = [], value: Float = .infinity) throws {
    let energies = (0..<120).map { 10_000 + Double(($0 * 7919 + Int(seed)) % 1000) * 90 }
    var batch = ToyVoxelModel(binning: .dataset2).showers(energies: energies, seed: seed)
    for e in events { batch.cells[e * 6480 + 100] = value }
    let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [6480])
    try writer.append(batch)
    try writer.finish()
  }

  static func validate(_ dir: TemporaryDirectory, _ extra: [String] = []) throws -> ProcessResult {
    try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "validate", "--reference", dir.file("sim.h5").path, "--candidate", dir.file("gen.h5").path,
        "--report", dir.file("out").path, "--no-distances", "--minimum-showers", "20",
      ] + extra)
  }

  @Test(arguments: [Float.infinity, .nan, -2])
  func badCellIsExitTwoNamingFileDatasetEventAndWritesNothing(value: Float) throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1)
    try Self.write(dir.file("gen.h5"), seed: 2, events: [37, 90], value: value)
    let result = try Self.validate(dir)
    #expect(result.status == 2, "a \(value) cell: status \(result.status), stderr \(result.stderr)")
    #expect(result.stderr.contains(dir.file("gen.h5").path), "\(result.stderr)")
    #expect(
      result.stderr.contains("dataset 'showers', event 37: cell 100 is \(value) MeV"), "\(result.stderr)")
    #expect(result.stderr.contains("--skip-bad-events"))
    #expect(!FileManager.default.fileExists(atPath: dir.file("out").path), "no report folder on bad input")
  }

  @Test func skipBadEventsCountsThemPerFile() throws {
    let dir = try TemporaryDirectory()
    try Self.write(dir.file("sim.h5"), seed: 1, events: [5], value: .nan)
    try Self.write(dir.file("gen.h5"), seed: 2, events: [37, 90, 119])
    let result = try Self.validate(dir, ["--skip-bad-events"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("sim.h5: skipped 1 of 120 events"), "\(result.stderr)")
    #expect(result.stderr.contains("gen.h5: skipped 3 of 120 events"), "\(result.stderr)")
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: dir.file("out/metrics.json"))) as? [String: Any]
    let comparison = try #require(json?["comparison"] as? [String: Any])
    #expect(comparison["referenceSkippedEvents"] as? Int == 1)
    #expect(comparison["candidateSkippedEvents"] as? Int == 3)
    #expect(comparison["referenceCount"] as? Int == 119)
    #expect(comparison["candidateCount"] as? Int == 117)
  }
}
