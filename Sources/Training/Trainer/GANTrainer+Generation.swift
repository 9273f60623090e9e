public import Core
internal import Models
public import ShowerIO
internal import Torch

extension GANTrainer {
  /// Generates showers with the current generator (inference mode), in MeV.
  ///
  /// Cells are `G(z)^(1/power) / cellScalePerMeV`, the inverse of the training pre-processing.
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
    var batch = PreparedBatch(imageShape: config.model.imageShape)
    batch.energy = energies.map { Float($0 / config.preprocessing.energyUnitMeV) }
    batch.theta = thetas.map { Float($0) }
    var rng = RandomStream(seed: seed, stream: Streams.noise, index: 1 << 50)
    let inverse = 1 / config.model.power
    let scale = config.preprocessing.cellScalePerMeV
    do {
      let cells: [Float] = try withNoGrad { () throws(TorchError) in
        let images = try generator(latent(batch, &rng), training: false)
        return try (images.pow(inverse) / scale).toArray()
      }
      var out = ShowerBatch(cellShape: config.model.imageShape)
      out.cells = cells
      out.energy = energies
      out.theta = thetas
      out.pdgID = Array(repeating: 11, count: energies.count)
      return out
    } catch {
      throw TrainingError(.engine, "generation failed: \(error)")
    }
  }
}
