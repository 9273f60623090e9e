import Foundation
import ShowerIO
import TestSupport
import Testing
import Training

/// `calotwin train` on HDF5 files: runs, and refuses bad configs with the key or file named.
@Suite(.serialized) struct TrainCommandTests {
  static var executableBuilt: Bool {
    FileManager.default.isExecutableFile(atPath: TestEnvironment.calotwinExecutable.path)
  }

  func writeFile(_ url: URL, count: Int, shape: [Int], seed: UInt64) throws {
    let writer = try ShowerFileWriter(at: url, cellShape: shape)
    try writer.append(SyntheticShowers.make(count: count, shape: shape, seed: seed))
    try writer.finish()
  }

  func train(_ dir: TemporaryDirectory, _ yaml: String, _ extra: [String] = []) throws -> ProcessResult {
    try yaml.write(to: dir.file("train.yaml"), atomically: true, encoding: .utf8)
    return try runProcess(
      TestEnvironment.calotwinExecutable,
      ["train", "--config", dir.file("train.yaml").path, "--quiet", "--output", dir.file("run").path] + extra)
  }

  @Test(.enabled(if: executableBuilt))
  func trainsOnShowerFilesAcrossFiles() throws {
    let dir = try TemporaryDirectory()
    try writeFile(dir.file("a.h5"), count: 40, shape: [12, 12, 10], seed: 1)
    try writeFile(dir.file("b.h5"), count: 30, shape: [12, 12, 10], seed: 2)
    let yaml = """
      model: {preset: reduced}
      data: {files: [\(dir.file("a.h5").path), \(dir.file("b.h5").path)], chunkSize: 8}
      batchSize: 8
      epochs: 1
      """
    let result = try train(dir, yaml, ["--max-steps", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Checkpoint.latest(output: dir.file("run"))?.lastPathComponent == "step-000000003")
  }

  @Test(.enabled(if: executableBuilt))
  func imageShapeThatDoesNotMatchTheDataNamesTheFile() throws {
    let dir = try TemporaryDirectory()
    try writeFile(dir.file("a.h5"), count: 10, shape: [12, 12, 10], seed: 1)
    try writeFile(dir.file("odd.h5"), count: 10, shape: [12, 12, 9], seed: 2)
    let yaml =
      "model: {preset: reduced}\ndata: {files: [\(dir.file("a.h5").path), \(dir.file("odd.h5").path)]}\n"
    let result = try train(dir, yaml)
    #expect(result.status == 2)
    #expect(result.stderr.contains("data.files[1]: \(dir.file("odd.h5").path)"), "\(result.stderr)")
    #expect(result.stderr.contains("model.imageShape"))
    #expect(!FileManager.default.fileExists(atPath: dir.file("run").path))  // nothing started
  }

  @Test(
    .enabled(if: executableBuilt),
    arguments: [
      ("batchSize: many\n", "batchSize"),
      ("optimiser: {rho: 0.9}\n", "optimiser"),
      ("data: {files: [/nonexistent/showers.h5]}\n", "/nonexistent/showers.h5"),
    ])
  func badConfigsNameTheKeyOrFile(yaml: String, named: String) throws {
    let dir = try TemporaryDirectory()
    let result = try train(dir, yaml)
    #expect(result.status == 2)
    #expect(result.stderr.contains(named), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("run").path))
  }

  /// A NaN cell in the training data is an error naming file, dataset and event (exit 2), not a diverged
  /// loss some steps later; a new run leaves no output folder.
  @Test(.enabled(if: executableBuilt))
  func unusableNumbersInTheDataNameFileDatasetAndEvent() throws {
    let dir = try TemporaryDirectory()
    var showers = SyntheticShowers.make(count: 20, shape: [12, 12, 10], seed: 4)
    showers.cells[13 * 1440 + 100] = .nan
    let writer = try ShowerFileWriter(at: dir.file("a.h5"), cellShape: [12, 12, 10])
    try writer.append(showers)
    try writer.finish()
    let yaml = """
      model: {preset: reduced}
      data: {files: [\(dir.file("a.h5").path)], validationFraction: 0}
      batchSize: 4
      """
    let result = try train(dir, yaml)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains(dir.file("a.h5").path), "\(result.stderr)")
    #expect(result.stderr.contains("dataset 'ECAL', event 13: cell 100 is nan MeV"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("run").path))
  }

  @Test(.enabled(if: executableBuilt))
  func fewerShowersThanOneBatchIsAnErrorBeforeAnyOutput() throws {
    let dir = try TemporaryDirectory()
    try writeFile(dir.file("a.h5"), count: 10, shape: [12, 12, 10], seed: 1)
    // 10 showers, none held out: one short of a batch of 11.
    let yaml = """
      model: {preset: reduced}
      data: {files: [\(dir.file("a.h5").path)], validationFraction: 0, shuffleBuffer: 16}
      batchSize: 11
      """
    let result = try train(dir, yaml)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("only 10 training showers (of 10"), "\(result.stderr)")
    #expect(result.stderr.contains("batchSize is 11"), "\(result.stderr)")
    #expect(!result.stderr.contains("stopped"))
    #expect(!FileManager.default.fileExists(atPath: dir.file("run").path))
    let enough = try train(dir, yaml, ["--set", "batchSize=10", "--max-steps", "1"])
    #expect(enough.status == 0, "\(enough.stderr)")
  }

  @Test(.enabled(if: executableBuilt))
  func filtersThatLeaveNoBatchAreAnErrorAndLeaveNoOutput() throws {
    let dir = try TemporaryDirectory()
    try writeFile(dir.file("a.h5"), count: 20, shape: [12, 12, 10], seed: 1)
    // Every synthetic shower is far below 1e12 MeV: the energy filter drops them all.
    let yaml = """
      model: {preset: reduced}
      data: {files: [\(dir.file("a.h5").path)], validationFraction: 0, energyRangeMeV: [1e12, 2e12]}
      batchSize: 4
      """
    let result = try train(dir, yaml)
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("gave no full batch of 4 showers"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("run").path))
  }

  @Test(.enabled(if: executableBuilt))
  func resumingWithAnotherBatchSizeIsRefusedNamingBoth() throws {
    let dir = try TemporaryDirectory()
    try writeFile(dir.file("a.h5"), count: 40, shape: [12, 12, 10], seed: 1)
    let yaml = """
      model: {preset: reduced}
      data: {files: [\(dir.file("a.h5").path)], chunkSize: 8}
      batchSize: 8
      epochs: 5
      """
    let first = try train(dir, yaml, ["--max-steps", "1"])
    #expect(first.status == 0, "\(first.stderr)")
    let checkpoint = Checkpoint.latest(output: dir.file("run"))
    let other = try train(dir, yaml, ["--resume", "--set", "batchSize=4", "--max-steps", "2"])
    #expect(other.status == 2, "\(other.stderr)")
    #expect(other.stderr.contains("trained with batchSize 8 but this run asks for 4"), "\(other.stderr)")
    #expect(Checkpoint.latest(output: dir.file("run")) == checkpoint)  // nothing new written
    let same = try train(dir, yaml, ["--resume", "--max-steps", "2"])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(Checkpoint.latest(output: dir.file("run"))?.lastPathComponent == "step-000000002")
  }
}
