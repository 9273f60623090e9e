import Foundation
import Models
import TestSupport
import Testing
import Torch
import Training

@Suite(.serialized) struct TrainingRunTests {
  func config(output: URL) -> TrainingConfig {
    var c = TrainingConfig()
    c.model = .reduced
    c.batchSize = 8
    c.epochs = 2
    c.data.shuffleBuffer = 16
    c.data.chunkSize = 8
    c.preprocessing.minTotalDepositMeV = 0
    c.output = output.path
    return c
  }

  func sources() -> [any ShowerSource] {
    [InMemoryShowerSource(SyntheticShowers.make(count: 48, seed: 3), name: "s.h5")]
  }

  func weights(_ run: TrainingRun) throws -> [Float] {
    var out: [Float] = []
    for (_, t) in run.trainer.generator.namedParameters + run.trainer.discriminator.namedParameters {
      out += try t.toArray()
    }
    return out
  }

  @Test func resumeContinuesExactlyFromTheCheckpoint() throws {
    let dir = try TemporaryDirectory()
    // Uninterrupted: 7 batches (5 per epoch: crosses an epoch boundary, validation in between).
    var c = config(output: dir.file("a"))
    c.maxSteps = 7
    let a = try TrainingRun(config: c, sources: sources(), output: dir.file("a"))
    a.metricsInterval = 1
    #expect(try a.run(resume: false) == .maxSteps)
    // Interrupted after 3 batches (mid-epoch), then resumed in a fresh run object.
    c.maxSteps = 3
    let b1 = try TrainingRun(config: c, sources: sources(), output: dir.file("b"))
    b1.metricsInterval = 1
    #expect(try b1.run(resume: false) == .maxSteps)
    // What a process killed after the checkpoint leaves: a record of a later step and a partial line.
    let metrics = dir.file("b").appendingPathComponent("metrics.jsonl")
    let handle = try FileHandle(forWritingTo: metrics)
    try handle.seekToEnd()
    try handle.write(
      contentsOf: Data(
        #"{"discriminatorFake":[],"discriminatorReal":[],"elapsed":1,"epoch":0,"generator":[],"kind":"train","step":4}\n{"kind":"tr"#
          .utf8))
    try handle.close()
    c.maxSteps = 7
    let b2 = try TrainingRun(config: c, sources: sources(), output: dir.file("b"))
    b2.metricsInterval = 1
    #expect(try b2.run(resume: true) == .maxSteps)
    #expect(b2.trainer.progress == a.trainer.progress)
    #expect(try weights(b2) == weights(a))
    // The metrics read as one uninterrupted run: each (kind, step) once, in order.
    func steps(_ run: String) throws -> [String] {
      try String(contentsOf: dir.file(run).appendingPathComponent("metrics.jsonl"), encoding: .utf8)
        .split(separator: "\n").map { line in
          let r = try JSONDecoder().decode(MetricsRecord.self, from: Data(line.utf8))
          return "\(r.kind) \(r.step)"
        }
    }
    #expect(try steps("b") == steps("a"))
    #expect(try steps("a") == (1...7).map { "train \($0)" })
    #expect(Checkpoint.latest(output: dir.file("b"))?.lastPathComponent == "step-000000007")
  }

  @Test func refusesToOverwriteAndRestoresCheckpointsCompletely() throws {
    let dir = try TemporaryDirectory()
    var c = config(output: dir.url)
    c.maxSteps = 2
    let run = try TrainingRun(config: c, sources: sources(), output: dir.url)
    _ = try run.run(resume: false)
    // A run stopped before its first `metricsInterval` (10) still records its last step.
    let records = try String(contentsOf: dir.file("metrics.jsonl"), encoding: .utf8).split(separator: "\n")
      .map { try JSONDecoder().decode(MetricsRecord.self, from: Data($0.utf8)) }
    #expect(records.map { "\($0.kind) \($0.step)" } == ["train 2"])
    #expect(throws: TrainingError.self) {
      try TrainingRun(config: c, sources: sources(), output: dir.url).run(resume: false)
    }
    // A leftover temporary folder (a write killed half-way) is ignored and removed.
    let leftover = Checkpoint.directory(output: dir.url).appendingPathComponent(".tmp-step-000000009-x")
    try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
    #expect(Checkpoint.latest(output: dir.url)?.lastPathComponent == "step-000000002")
    #expect(!FileManager.default.fileExists(atPath: leftover.path))
    #expect(FileManager.default.fileExists(atPath: dir.file("config.yaml").path))
  }
}
