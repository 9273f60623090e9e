import ArgumentParser
import Core
import Foundation
import Generation
import Logging
import Models
import Training

/// `calotwin train`: trains the 3DGAN from a YAML config.
struct TrainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the 3DGAN (generator and discriminator) on shower files.",
    discussion: """
      The YAML config states only what it changes from the Keras 3DGAN recipe; unknown keys, wrong
      types and non-finite numbers are reported with file:line:column and key path (a --set KEY with
      the flag) before anything runs. Layers: model.preset < the file's other keys < --set < flags.
      Fewer training showers than batchSize, or --resume with another batchSize, are refused. Checkpoints (atomic) go to
      <output>/checkpoints/step-NNNNNNNNN after every epoch and when a limit stops the run; metrics are
      appended to <output>/metrics.jsonl.

        calotwin train --config train.yaml --set epochs=3 --set model.preset=reduced
        calotwin train --config train.yaml --resume
      """)

  @Option(name: .long, help: "YAML config file (omit for all defaults).")
  var config: String?

  @Option(name: .customLong("set"), help: "Override a config key, e.g. --set batchSize=16 (repeatable).")
  var overrides: [String] = []

  @Flag(help: "Continue from the newest checkpoint in the output folder.")
  var resume = false

  @Option(parsing: .unconditional, help: "Stop after this many batches in total (writes a checkpoint).")
  var maxSteps: Int?

  @Option(parsing: .unconditional, help: "Stop after this many seconds of training (writes a checkpoint).")
  var maxTime: Double?

  @Option(parsing: .unconditional, help: "Tensor-engine threads.")
  var threads: Int?

  @Option(help: "Output folder for checkpoints and metrics (config key `output`).")
  var output: String?

  @Flag(help: "No progress bar.")
  var quiet = false

  func validate() throws {
    try OptionCheck.positive(maxSteps, "--max-steps")
    try OptionCheck.positive(maxTime, "--max-time", unit: "s")
    try OptionCheck.positive(threads, "--threads")
  }

  func run() async throws {
    CLILogging.bootstrap(quiet: quiet)
    let logger = CLILogging.logger("train")
    do {
      let text = try config.map { try TrainingConfig.text(ofConfig: $0) } ?? ""
      var settings = try TrainingConfig.decode(yaml: text, overrides: overrides, source: config ?? "--set")
      if let maxSteps { settings.maxSteps = maxSteps }
      if let maxTime { settings.maxTimeSeconds = maxTime }
      if let threads { settings.threads = threads }
      if let output { settings.output = output }
      try settings.validate(locatingIn: text, source: config, overrides: overrides)
      try OutputCheck.directory(
        settings.output, files: ["config.yaml", "metrics.jsonl"],
        inputs: settings.data.files + [config].compactMap { $0 }, option: "--output")
      let sources = try settings.openSources()
      let outputURL = URL(fileURLWithPath: settings.output)
      let run = try TrainingRun(config: settings, sources: sources, output: outputURL)
      let perEpoch = run.estimatedBatchesPerEpoch
      let totalSteps = min(settings.epochs * perEpoch, settings.maxSteps ?? .max)
      let bar = ProgressBar(total: totalSteps * settings.batchSize, unit: "showers", quiet: quiet)
      logger.info(
        "training \(settings.model.preset.rawValue) model: G \(run.trainer.generator.parameterCount), D \(run.trainer.discriminator.parameterCount) parameters; ~\(perEpoch) batches/epoch; output \(outputURL.path)"
      )
      let reason = try Interruption.whileStoppable {
        try run.run(resume: resume) { progress, m in
          let note = String(
            format: "epoch %d  D %.3g/%.3g  G %.3g (E %.1f%%)", progress.epoch, m.discriminatorReal[4],
            m.discriminatorFake[4], m.generator[4], m.discriminatorReal[1])
          bar.advance(by: settings.batchSize, note: note)
        }
      }
      bar.finish()
      if reason == .interrupted {
        throw interruptedExit(
          "checkpoint of step \(run.trainer.progress.step) written in \(outputURL.path)/checkpoints; continue with --resume"
        )
      }
      if let latest = Checkpoint.latest(output: outputURL) {
        let modelURL = outputURL.appendingPathComponent("model")
        try ModelDirectory.write(fromCheckpoint: latest, sources: sources, to: modelURL)
        logger.info("model directory \(modelURL.path)")
      }
      logger.info(
        "stopped (\(reason.rawValue)) at step \(run.trainer.progress.step); checkpoints in \(outputURL.path)/checkpoints"
      )
    } catch let error as any CaloTwinError {
      throw reportError(error)
    }
  }
}
