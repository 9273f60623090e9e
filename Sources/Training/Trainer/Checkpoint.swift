public import Core
public import Foundation
internal import Models
internal import Torch

/// Atomic checkpoints: `checkpoints/step-000001234/` holding `generator.safetensors`,
/// `discriminator.safetensors`, `optimizer-generator.safetensors`, `optimizer-discriminator.safetensors`
/// and `state.json` (progress, seed, config).
///
/// A checkpoint is written into a hidden temporary folder beside the final one (Core's
/// `AtomicFile(directory:)`), flushed and renamed into place (a single `rename(2)`, or an atomic exchange
/// when a checkpoint of that step exists), so a `kill -9` at any moment leaves either the previous
/// checkpoints or the new one complete, never a partial one and never a moment without it. SIGINT/SIGTERM
/// remove the temporary folder; leftovers of killed writers are removed at the next start.
public enum Checkpoint {
  /// The `state.json` of a checkpoint.
  public struct State: Codable, Sendable, Equatable {
    /// Where training stood.
    public var progress: TrainingProgress
    /// The run's seed (every random stream derives from it and the step).
    public var seed: UInt64
    /// The config the run was started with.
    public var config: TrainingConfig
  }

  /// Folder of the checkpoints of a run.
  public static func directory(output: URL) -> URL { output.appendingPathComponent("checkpoints") }

  /// Writes a checkpoint of `trainer` atomically.
  ///
  /// - Returns: The checkpoint folder.
  /// - Throws: `TrainingError.checkpoint` naming the folder.
  @discardableResult
  public static func save(_ trainer: GANTrainer, output: URL) throws(TrainingError) -> URL {
    let root = directory(output: output)
    let name = String(format: "step-%09d", trainer.progress.step)
    let final = root.appendingPathComponent(name)
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      let folder = try AtomicFile(directory: final)
      let temporary = folder.temporary
      try SafeTensors.save(
        trainer.generator.stateDict, to: temporary.appendingPathComponent("generator.safetensors"))
      try SafeTensors.save(
        trainer.discriminator.stateDict, to: temporary.appendingPathComponent("discriminator.safetensors"))
      try SafeTensors.save(
        trainer.generatorOptimizer.stateTensors(),
        to: temporary.appendingPathComponent("optimizer-generator.safetensors"))
      try SafeTensors.save(
        trainer.discriminatorOptimizer.stateTensors(),
        to: temporary.appendingPathComponent("optimizer-discriminator.safetensors"))
      let state = State(progress: trainer.progress, seed: trainer.config.seed, config: trainer.config)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(state).write(to: temporary.appendingPathComponent("state.json"))
      try folder.commit()
    } catch let error as any CaloTwinError {
      throw TrainingError(.checkpoint, "cannot write the checkpoint: \(error.report)", context: final.path)
    } catch {
      throw TrainingError(.checkpoint, "cannot write the checkpoint: \(error)", context: final.path)
    }
    return final
  }

  /// The newest complete checkpoint under `output`, or nil; removes leftover temporary folders.
  public static func latest(output: URL) -> URL? {
    let root = directory(output: output)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    for name in names where name.hasPrefix(".tmp-") {  // the naming of versions before 0.3
      try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
    }
    AtomicFile.removeStaleTemporaries(inFolder: root)
    return names.filter { $0.hasPrefix("step-") }.sorted().last.map { root.appendingPathComponent($0) }
  }

  /// Restores weights, buffers, optimiser states and progress into `trainer`.
  ///
  /// - Throws: `TrainingError.checkpoint` naming the file that is missing, unreadable or does not fit
  ///   the model.
  public static func restore(_ trainer: GANTrainer, from folder: URL) throws(TrainingError) {
    func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    let state: State
    do {
      state = try JSONDecoder().decode(State.self, from: Data(contentsOf: file("state.json")))
    } catch {
      throw TrainingError(.checkpoint, "cannot restore: \(error)", context: folder.path)
    }
    // The data order and the step count per epoch depend on the batch size: an exact resume needs the same.
    guard state.config.batchSize == trainer.config.batchSize else {
      throw TrainingError(
        .invalidConfig,
        "the checkpoint was trained with batchSize \(state.config.batchSize) but this run asks for "
          + "\(trainer.config.batchSize); resume with batchSize \(state.config.batchSize), or start a new output folder",
        context: "batchSize")
    }
    do {
      try trainer.generator.load(SafeTensors.load(from: file("generator.safetensors")))
      try trainer.discriminator.load(SafeTensors.load(from: file("discriminator.safetensors")))
      try trainer.generatorOptimizer.loadState(
        SafeTensors.load(from: file("optimizer-generator.safetensors")))
      try trainer.discriminatorOptimizer.loadState(
        SafeTensors.load(from: file("optimizer-discriminator.safetensors")))
      trainer.progress = state.progress
    } catch {
      throw TrainingError(.checkpoint, "cannot restore: \(error)", context: folder.path)
    }
  }
}
