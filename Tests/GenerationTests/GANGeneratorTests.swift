import Core
import Foundation
import Generation
import Models
import ShowerIO
import TestSupport
import Testing
import Torch
import Training

/// A reduced 3DGAN trained for 2 steps on toy showers, written as a model directory and loaded back.
@Suite(.serialized) struct GANGeneratorTests {
  /// Trains 2 steps and writes `<dir>/run/model`; returns the run.
  static func trainedModel(_ dir: TemporaryDirectory) throws -> (TrainingRun, URL) {
    var c = TrainingConfig()
    c.model = .reduced
    c.batchSize = 8
    c.epochs = 1
    c.maxSteps = 2
    c.data.shuffleBuffer = 16
    c.data.chunkSize = 8
    c.preprocessing.minTotalDepositMeV = 0
    c.output = dir.file("run").path
    let writer = try ShowerFileWriter(at: dir.file("s.h5"), cellShape: c.model.imageShape)
    try writer.append(SyntheticShowers.make(count: 24, seed: 3))
    try writer.finish()
    c.data.files = [dir.file("s.h5").path]
    let sources = try c.openSources()
    let run = try TrainingRun(config: c, sources: sources, output: dir.file("run"))
    _ = try run.run(resume: false)
    let model = dir.file("run").appendingPathComponent("model")
    let checkpoint = try #require(Checkpoint.latest(output: dir.file("run")))
    try ModelDirectory.write(fromCheckpoint: checkpoint, sources: sources, to: model)
    return (run, model)
  }

  @Test func generatesDePoweredShowersOfTheTrainedModel() throws {
    let dir = try TemporaryDirectory()
    let (run, model) = try Self.trainedModel(dir)
    let gan = try GANGenerator(directory: model)
    let truth = try ShowerFileReader(at: dir.file("s.h5")).readAll()  // as training read it (float32 labels)
    #expect(gan.card.conditions.energyMeV == truth.energy.min()!...truth.energy.max()!)
    #expect(gan.card.conditions.thetaRad == truth.theta.min()!...truth.theta.max()!)
    #expect(gan.card.trainingStep == 2)
    // The data hash against coreutils' sha256sum.
    let sum = try runProcess(URL(fileURLWithPath: "/usr/bin/sha256sum"), [dir.file("s.h5").path])
    #expect(gan.card.data.count == 1)
    #expect(gan.card.data.first?.sha256 == sum.stdout.split(separator: " ").first.map(String.init))
    #expect(gan.card.preprocessing.power == run.config.model.power)
    #expect(gan.cellShape == run.config.model.imageShape)

    let conditions = [
      ShowerCondition(energy: 20_000, theta: 1.3), ShowerCondition(energy: 60_000, theta: 1.6),
      ShowerCondition(energy: 80_000, theta: 1.8),
    ]
    let batch = try gan.generate(conditions, seed: 9)
    #expect(batch.count == 3)
    #expect(batch.cells.count == 3 * run.config.model.imageShape.reduce(1, *))
    #expect(batch.cells.allSatisfy { $0.isFinite && $0 >= 0 })
    #expect(batch.energy == conditions.map(\.energy))

    // Direct computation: the trainer's own generator on the documented latent, de-powered by hand.
    let l = run.config.model.latentSize
    var latent: [Float] = []
    for (i, c) in conditions.enumerated() {
      var rng = RandomStream(seed: 9, stream: 1, index: UInt64(i))
      var row = rng.normals(l)
      row[0] = Float(c.energy / run.config.preprocessing.energyUnitMeV)
      row[1] = Float(c.theta)
      latent += row
    }
    let raw: [Float] = try withNoGrad { () throws(TorchError) in
      try run.trainer.generator(Tensor(latent, shape: [3, l]), training: false).toArray()
    }
    let power = run.config.model.power
    let scale = run.config.preprocessing.cellScalePerMeV
    let expected = raw.map { Float(pow(Double($0), 1 / power) / scale) }
    #expect(firstMismatch(batch.cells, expected, relative: 1e-5, absolute: 1e-9) == nil)

    // Same seed, same showers; split into batches, the same showers; another seed, others.
    #expect(try gan.generate(conditions, seed: 9) == batch)
    var parts: [Float] = []
    try gan.generate(conditions, seed: 9, batchSize: 2) { parts += $0.cells }
    // libtorch may pick other kernels for another batch size: equal up to float rounding.
    #expect(firstMismatch(parts, batch.cells, relative: 1e-4, absolute: 1e-4) == nil)  // MeV
    #expect(try gan.generate(conditions, seed: 10).cells.elementsEqual(batch.cells) == false)

    // Out of range: refused with the value and the range, unless extrapolation is allowed.
    let far = [ShowerCondition(energy: 500_000, theta: 1.5)]
    do {
      _ = try gan.generate(far, seed: 1)
      Issue.record("500 GeV was accepted")
    } catch {
      #expect(error.code == .condition)
      #expect(error.message.contains("500.0 GeV") && error.message.contains("--allow-extrapolation"))
      #expect(error.exitStatus == 2)
    }
    let loose = try GANGenerator(directory: model, allowExtrapolation: true)
    #expect(try loose.generate(far, seed: 1).count == 1)
  }

  @Test func missingOrCorruptModelDirectoriesAreRefused() throws {
    let dir = try TemporaryDirectory()
    func refusal(_ url: URL) -> GenerationError? {
      do {
        _ = try GANGenerator(directory: url)
        return nil
      } catch { return error }
    }
    #expect(refusal(dir.file("nowhere"))?.code == .modelDirectory)
    let (_, model) = try Self.trainedModel(dir)
    let fm = FileManager.default
    for (name, damage) in [
      (ModelDirectory.configFile, "{\"latentSize\": \"many\"}"), (ModelDirectory.cardFile, "{"),
      (ModelDirectory.weightsFile, "not safetensors"),
    ] {
      let copy = dir.file("copy-\(name)")
      try fm.copyItem(at: model, to: copy)
      try damage.write(to: copy.appendingPathComponent(name), atomically: true, encoding: .utf8)
      let error = try #require(refusal(copy), "\(name)")
      #expect(error.code == .modelDirectory)
      #expect(error.description.contains(name), "\(error.description)")
      try fm.removeItem(at: copy.appendingPathComponent(name))
      #expect(refusal(copy)?.description.contains(name) == true)
    }
  }
}
