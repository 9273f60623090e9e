public import Core
public import Generation
internal import Models
public import ShowerIO
internal import Torch

extension GANTrainer {
  /// Generates showers with the current generator (inference mode), in MeV.
  ///
  /// A thin call of Generation's `GANSampling.generate` (cells `G(z)^(1/power) / cellScalePerMeV`) with
  /// the noise of one stream for the whole batch (`Streams.noise`, index 2⁵⁰), as before generation
  /// moved out of Training. `GANGenerator` (a model directory) draws one stream per shower instead.
  ///
  /// - Parameters:
  ///   - energies: Primary energies in MeV.
  ///   - thetas: Polar angles in radians, one per energy.
  ///   - seed: Noise seed; equal seeds give equal showers.
  /// - Returns: `energies.count` showers of shape `model.imageShape`.
  /// - Throws: `TrainingError.engine` when libtorch fails.
  public func generate(energies: [Double], thetas: [Double], seed: UInt64) throws(TrainingError)
    -> ShowerBatch
  {
    precondition(energies.count == thetas.count, "one angle per energy")
    var rng = RandomStream(seed: seed, stream: Streams.noise, index: 1 << 50)
    let noise = rng.normals(energies.count * config.model.latentSize)
    let conditions = zip(energies, thetas).map { ShowerCondition(energy: $0, theta: $1) }
    do {
      return try GANSampling.generate(
        generator, preprocessing: config.generationPreprocessing, conditions: conditions, noise: noise)
    } catch {
      throw TrainingError(.engine, "generation failed: \(error)")
    }
  }
}

extension TrainingConfig {
  /// The pre-processing constants of this config, as Generation (and a model card) needs them.
  public var generationPreprocessing: GenerationPreprocessing {
    GenerationPreprocessing(
      power: model.power, cellScalePerMeV: preprocessing.cellScalePerMeV,
      energyUnitMeV: preprocessing.energyUnitMeV)
  }
}
