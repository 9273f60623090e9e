public import Core
public import Foundation
public import Generation
internal import Models
internal import ShowerIO

extension ModelDirectory {
  /// Writes the model directory of a training run from one of its checkpoints (atomically).
  ///
  /// The card records the cell shape, the conditions of the training showers (the smallest and
  /// largest energy and angle of `sources`, narrowed to `data.energyRangeMeV` and `data.thetaRange`),
  /// the pre-processing, the run's output folder, step and seed, and the SHA-256 of each `data.files`
  /// entry. Reads the energies and angles of `sources` (a file's without its cells).
  ///
  /// - Parameters:
  ///   - checkpoint: A `checkpoints/step-…` folder.
  ///   - sources: The run's showers (`TrainingConfig.openSources()`).
  ///   - destination: The model directory, usually `<output>/model`.
  /// - Throws: `TrainingError.checkpoint` for an unreadable checkpoint or an unwritable destination,
  ///   `.data` for unreadable showers.
  public static func write(
    fromCheckpoint checkpoint: URL, sources: [any ShowerSource], to destination: URL
  ) throws(TrainingError) {
    let state: Checkpoint.State
    let stateURL = checkpoint.appendingPathComponent("state.json")
    do {
      state = try JSONDecoder().decode(Checkpoint.State.self, from: Data(contentsOf: stateURL))
    } catch {
      throw TrainingError(.checkpoint, "cannot read the checkpoint state: \(error)", context: stateURL.path)
    }
    let config = state.config
    var energy = (Double.infinity, -Double.infinity)
    var theta = (Double.infinity, -Double.infinity)
    var geometry: String?
    for source in sources {
      if geometry == nil { geometry = (source as? ShowerFileReader)?.attributes["geometry"] }
      let labels: (energy: [Double], theta: [Double])
      do {
        labels = try source.conditions(0..<source.count)
      } catch {
        throw TrainingError(
          .data, "cannot read the shower energies and angles: \(error)", context: source.name)
      }
      for e in labels.energy { energy = (min(energy.0, e), max(energy.1, e)) }
      for t in labels.theta { theta = (min(theta.0, t), max(theta.1, t)) }
    }
    if let r = config.data.energyRangeMeV, r.count == 2 {
      energy = (max(energy.0, r[0]), min(energy.1, r[1]))
    }
    if let r = config.data.thetaRange, r.count == 2 { theta = (max(theta.0, r[0]), min(theta.1, r[1])) }
    guard energy.0 <= energy.1, theta.0 <= theta.1 else {
      throw TrainingError(.data, "no training showers to take the conditioning range from", context: "data")
    }
    let files = config.data.files.map {
      ModelCard.DataFile(path: $0, sha256: ContentHash.sha256(ofFile: URL(fileURLWithPath: $0)))
    }
    let card = ModelCard(
      cellShape: config.model.imageShape, geometry: geometry,
      conditions: ConditionRange(energyMeV: energy.0...energy.1, thetaRad: theta.0...theta.1),
      preprocessing: config.generationPreprocessing,
      trainingOutput: config.output, trainingStep: state.progress.step, trainingSeed: state.seed, data: files)
    do {
      try write(
        weights: checkpoint.appendingPathComponent(ModelDirectory.weightsFile), model: config.model,
        card: card,
        to: destination)
    } catch {
      throw TrainingError(.checkpoint, error.message, context: error.context)
    }
  }
}
