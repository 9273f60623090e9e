import Foundation
import Models
import TestSupport
import Testing
import Training

/// `kill -9` of `calotwin train` at arbitrary moments, then `--resume`.
@Suite(.serialized) struct KillResumeTests {
  static var executableBuilt: Bool {
    FileManager.default.isExecutableFile(atPath: TestEnvironment.calotwinExecutable.path)
  }

  func checkpoints(_ output: URL) -> [URL] {
    let root = Checkpoint.directory(output: output)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return names.filter { $0.hasPrefix("step-") }.sorted().map { root.appendingPathComponent($0) }
  }

  /// Every complete checkpoint must restore into a fresh trainer.
  func expectAllRestorable(_ output: URL, config: TrainingConfig) throws {
    for folder in checkpoints(output) {
      let trainer = try GANTrainer(config: config)
      #expect(throws: Never.self) { try Checkpoint.restore(trainer, from: folder) }
      #expect(String(format: "step-%09d", trainer.progress.step) == folder.lastPathComponent)
    }
  }

  @Test(.enabled(if: executableBuilt))
  func killedRunsResumeFromTheLastCompleteCheckpoint() throws {
    let dir = try TemporaryDirectory()
    let output = dir.file("run")
    let yaml = """
      model: {preset: reduced}
      data: {syntheticShowers: 160, validationFraction: 0.2}
      batchSize: 16
      epochs: 1000
      threads: 1
      output: \(output.path)
      """
    try yaml.write(to: dir.file("train.yaml"), atomically: true, encoding: .utf8)
    let config = try TrainingConfig.load(contentsOf: dir.file("train.yaml"))
    var lastStep = -1
    for round in 0..<3 {
      let process = Process()
      process.executableURL = TestEnvironment.calotwinExecutable
      process.arguments =
        ["train", "--config", dir.file("train.yaml").path, "--quiet"] + (round > 0 ? ["--resume"] : [])
      process.standardError = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      // Wait for a new checkpoint, then kill at an arbitrary moment within the next epoch.
      let deadline = Date().addingTimeInterval(120)
      while Date() < deadline, process.isRunning {
        let steps = checkpoints(output).compactMap { Int($0.lastPathComponent.dropFirst(5)) }
        if let newest = steps.max(), newest > lastStep { break }
        Thread.sleep(forTimeInterval: 0.05)
      }
      Thread.sleep(forTimeInterval: 0.1 + 0.23 * Double(round))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)
      let steps = checkpoints(output).compactMap { Int($0.lastPathComponent.dropFirst(5)) }
      let newest = try #require(steps.max())
      #expect(newest > lastStep, "round \(round): training made progress past the previous checkpoint")
      lastStep = newest
      try expectAllRestorable(output, config: config)
    }
    // A final resume with a step limit finishes cleanly from the last checkpoint.
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "train", "--config", dir.file("train.yaml").path, "--resume", "--quiet", "--max-steps",
        "\(lastStep + 3)",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(checkpoints(output).last?.lastPathComponent == String(format: "step-%09d", lastStep + 3))
    try expectAllRestorable(output, config: config)
  }
}
