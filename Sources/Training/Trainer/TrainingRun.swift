public import Core
public import Foundation

/// Why a run stopped.
public enum StopReason: String, Sendable, Codable {
  /// All epochs trained.
  case finished
  /// `maxSteps` reached.
  case maxSteps
  /// `maxTimeSeconds` reached.
  case maxTime
  /// SIGINT or SIGTERM asked the run to stop (`Interruption.isRequested`); a checkpoint was written.
  case interrupted
}

/// A whole training run: epochs of batches, validation and a checkpoint after each epoch, metrics
/// appended to `metrics.jsonl` beside the checkpoints, resume from the newest checkpoint.
///
/// ```swift
/// let run = try TrainingRun(config: config, sources: readers, output: URL(fileURLWithPath: "runs/a"))
/// let reason = try run.run(resume: false) { step, metrics in … }
/// ```
public final class TrainingRun {
  /// The configuration.
  public let config: TrainingConfig
  /// The data.
  public let stream: ShowerStream
  /// Folder of checkpoints and metrics.
  public let output: URL
  /// The models and optimisers.
  public let trainer: GANTrainer
  /// Write a train record to the metrics every this many batches.
  public var metricsInterval = 10

  /// Prepares a run; checks the data against the model and that it fills at least one batch.
  ///
  /// - Throws: `TrainingError` naming the file or key that does not fit; `.data` when the training
  ///   showers (after the validation split and `data.maxShowers`) are fewer than `batchSize`.
  public init(config: TrainingConfig, sources: [any ShowerSource], output: URL) throws(TrainingError) {
    self.config = config
    self.output = output
    stream = try ShowerStream(sources: sources, config: config)
    let showers = sources.reduce(0) { $0 + $1.count }
    let training = stream.trainingShowerCount
    guard training >= config.batchSize else {
      throw TrainingError(
        .data,
        "only \(training) training showers (of \(showers), after the \(config.data.validationFraction) validation "
          + "split and data.maxShowers) but batchSize is \(config.batchSize): not one full batch; add showers or "
          + "lower batchSize",
        context: "batchSize")
    }
    trainer = try GANTrainer(config: config)
  }

  /// Training batches per epoch, estimated before filters and cuts.
  public var estimatedBatchesPerEpoch: Int {
    let showers = stream.sources.reduce(0) { $0 + $1.count }
    let used = min(
      Double(showers) * (1 - config.data.validationFraction), Double(config.data.maxShowers ?? .max))
    return max(1, Int(used) / config.batchSize)
  }

  /// Trains until all epochs are done, `maxSteps` or `maxTimeSeconds` is reached, or a signal asks it to
  /// stop (`Interruption.isRequested`, polled after every batch).
  ///
  /// - Parameters:
  ///   - resume: Continue from the newest checkpoint in `output` (exactly: same data order, noise and
  ///     flips as the uninterrupted run). Without it, an `output` that already holds checkpoints is refused.
  ///   - onBatch: Called after every batch with the progress and the batch's losses.
  /// - Returns: Why the run stopped. A checkpoint of the final state exists in every case.
  /// - Throws: `TrainingError` for a bad checkpoint, unreadable data, non-finite losses or all-empty
  ///   generated showers (after `emptyAbortAfterBatches`; a checkpoint is written first).
  public func run(
    resume: Bool, onBatch: (TrainingProgress, StepMetrics) -> Void = { _, _ in }
  ) throws(TrainingError) -> StopReason {
    let fm = FileManager.default
    if resume {
      guard let latest = Checkpoint.latest(output: output) else {
        throw TrainingError(
          .checkpoint, "no checkpoint to resume from; run without --resume", context: output.path)
      }
      try Checkpoint.restore(trainer, from: latest)
    } else if Checkpoint.latest(output: output) != nil {
      throw TrainingError(
        .checkpoint, "the output folder already holds checkpoints; pass --resume or choose another output",
        context: output.path)
    }
    let outputExisted = fm.fileExists(atPath: output.path)
    do {
      try fm.createDirectory(at: output, withIntermediateDirectories: true)
      try AtomicFile.write(Data(config.yaml().utf8), to: output.appendingPathComponent("config.yaml"))
    } catch let error as CoreError {
      throw TrainingError(
        .checkpoint, "cannot write to the output folder: \(error.report)", context: output.path)
    } catch {
      throw TrainingError(.checkpoint, "cannot write to the output folder: \(error)", context: output.path)
    }
    let log = MetricsLog(url: output.appendingPathComponent("metrics.jsonl"))
    if resume { try log.truncate(afterStep: trainer.progress.step) }
    let start = Date()
    var intervalStart = Date()
    var intervalShowers = 0
    var reason = StopReason.finished
    while trainer.progress.epoch < config.epochs {
      let epoch = trainer.progress.epoch
      let stepAtStart = trainer.progress.step
      let resumedInEpoch = trainer.progress.batchInEpoch > 0
      var stopped = false
      var failure: TrainingError?
      do {
        try stream.forEachBatch(epoch: epoch, part: .training, skip: trainer.progress.batchInEpoch) { batch in
          let metrics = try trainer.train(on: batch)
          let p = trainer.progress
          intervalShowers += batch.count
          if !metrics.isFinite {
            failure = TrainingError(
              .diverged, "a loss is not finite: \(metrics)", context: "epoch \(epoch), step \(p.step)")
            return false
          }
          if metrics.generatedEmpty && p.step >= config.emptyAbortAfterBatches {
            failure = TrainingError(
              .diverged, "every generated shower is empty (ECAL loss 100 %); the generator collapsed",
              context: "epoch \(epoch), step \(p.step)")
            return false
          }
          if let m = config.maxSteps, p.step >= m {
            reason = .maxSteps
            stopped = true
          } else if let t = config.maxTimeSeconds, Date().timeIntervalSince(start) >= t {
            reason = .maxTime
            stopped = true
          } else if Interruption.isRequested {
            reason = .interrupted
            stopped = true
          }
          // Every `metricsInterval` steps, and the last step of a run stopped early.
          if p.step % metricsInterval == 0 || stopped {
            let now = Date()
            log.append(
              MetricsRecord(
                kind: "train", epoch: epoch, step: p.step, elapsed: now.timeIntervalSince(start),
                showersPerSecond: Double(intervalShowers) / max(now.timeIntervalSince(intervalStart), 1e-9),
                discriminatorReal: metrics.discriminatorReal, discriminatorFake: metrics.discriminatorFake,
                generator: metrics.generator, showers: nil))
            intervalStart = now
            intervalShowers = 0
          }
          onBatch(p, metrics)
          return !stopped
        }
      } catch let error as TrainingError {
        // Unusable data before the first step of a new run: leave nothing behind.
        if error.code == .data, !outputExisted, trainer.progress.step == 0 { try? fm.removeItem(at: output) }
        throw error
      } catch {
        throw TrainingError(.engine, "\(error)", context: "epoch \(epoch)")
      }
      if let failure {
        try Checkpoint.save(trainer, output: output)
        throw failure
      }
      if trainer.progress.step == stepAtStart, !resumedInEpoch {
        // The split left a batch (checked in init), but the filters and the ECAL-sum cut did not.
        if !outputExisted, trainer.progress.step == 0 { try? fm.removeItem(at: output) }
        throw TrainingError(
          .data,
          "epoch \(epoch) gave no full batch of \(config.batchSize) showers: after data.energyRangeMeV, "
            + "data.thetaRange and preprocessing.minTotalDepositMeV fewer remain; widen the filters, add "
            + "showers or lower batchSize",
          context: "batchSize")
      }
      if stopped {
        try Checkpoint.save(trainer, output: output)
        return reason
      }
      if var record = try trainer.validate(stream, epoch: epoch) {
        record.elapsed = Date().timeIntervalSince(start)
        log.append(record)
      }
      trainer.progress.epoch += 1
      trainer.progress.batchInEpoch = 0
      try Checkpoint.save(trainer, output: output)
    }
    return reason
  }
}
