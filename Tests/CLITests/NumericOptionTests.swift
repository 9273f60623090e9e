import Foundation
import TestSupport
import Testing

/// Every numeric option refuses NaN, infinities and out-of-range values with a message naming the
/// option (exit status 2), and negative values parse (`--energy -5`, not only `--energy=-5`).
@Suite struct NumericOptionTests {
  static let cases: [([String], String)] = [
    (["simulate", "--energy", "-5"], "--energy must be a finite number > 0 GeV, got -5.0"),
    (["simulate", "--energy", "nan"], "--energy must be a finite number > 0 GeV, got nan"),
    (["simulate", "--energy", "inf"], "--energy must be a finite number > 0 GeV, got inf"),
    (["simulate", "--theta", "-10"], "--theta must be a finite number in (0, 180) degrees"),
    (["simulate", "--smear", "-1"], "--smear must be a finite number ≥ 0 mm"),
    (["simulate", "--range-cut", "nan"], "--range-cut must be a finite number > 0 mm"),
    (["simulate", "--events", "-3"], "--events must be at least 1, got -3"),
    (["simulate", "--threads", "0"], "--threads must be at least 1, got 0"),
    (["simulate", "--energy-range", "-5:10"], "--energy-range LOW must be a finite number > 0 GeV"),
    (
      ["simulate", "--energy-range", "1:nan"],
      "--energy-range '1:nan' is not LOW:HIGH with finite LOW <= HIGH"
    ),
    (["simulate", "--theta-range", "10:200"], "--theta-range HIGH must be a finite number in (0, 180)"),
    (["convert", "IN", "-o", "OUT", "--energy-scale", "-2"], "--energy-scale must be a finite number > 0"),
    (["convert", "IN", "-o", "OUT", "--angle-scale", "inf"], "--angle-scale must be a finite number > 0"),
    (["convert", "IN", "-o", "OUT", "--primary-energy-scale", "nan"], "--primary-energy-scale must be"),
    (["convert", "IN", "-o", "OUT", "--chunk", "-1"], "--chunk must be at least 1, got -1"),
    (
      ["convert", "IN", "-o", "OUT", "--shape", "45,-16,9"],
      "--shape must be positive integers separated by commas"
    ),
    (["train", "--max-time", "-1"], "--max-time must be a finite number > 0 s, got -1.0"),
    (["train", "--max-time", "nan"], "--max-time must be a finite number > 0 s, got nan"),
    (["train", "--max-steps", "-4"], "--max-steps must be at least 1, got -4"),
    (["train", "--threads", "-1"], "--threads must be at least 1, got -1"),
    (["inspect", "IN", "--lcd-scale", "-1"], "--lcd-scale must be a finite number > 0 MeV"),
    (["inspect", "IN", "--chunk-size", "-1"], "--chunk-size must be at least 1, got -1"),
    (
      ["validate", "--reference", "IN", "--candidate", "IN", "--report", "OUT", "--cell-threshold", "-1"],
      "--cell-threshold must be a finite energy ≥ 0 MeV",
    ),
    (
      ["validate", "--reference", "IN", "--candidate", "IN", "--report", "OUT", "--minimum-showers", "-1"],
      "--minimum-showers must be at least 2",
    ),
  ]

  @Test(arguments: cases)
  func badNumbersNameTheOption(arguments: [String], message: String) throws {
    let dir = try TemporaryDirectory()
    var args = arguments.map { $0 == "OUT" ? dir.file("out").path : $0 == "IN" ? dir.file("in").path : $0 }
    if args[0] == "simulate" { args += ["--output", dir.file("out.h5").path, "--quiet"] }
    let result = try runProcess(TestEnvironment.calotwinExecutable, args)
    #expect(result.status == 2, "\(args): \(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
  }

  @Test func negativePDGCodeParsesWithoutEquals() throws {
    let dir = try TemporaryDirectory()
    // The input is missing, so the command fails later, on the input, not on `-11`.
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      ["convert", dir.file("in.root").path, "-o", dir.file("out.h5").path, "--pdg-id", "-11", "--quiet"])
    #expect(!result.stderr.contains("--pdg-id"), "\(result.stderr)")
    #expect(result.stderr.contains("in.root"), "\(result.stderr)")
  }
}
