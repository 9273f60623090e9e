internal import Core
public import Models
public import ShowerIO
public import Torch

/// The generator forward pass and the inverse pre-processing, shared by `GANGenerator` and training.
public enum GANSampling {
  /// Runs the generator in eval mode without gradients and undoes the pre-processing.
  ///
  /// Cells are `G(z)^(1/power) / cellScalePerMeV` (MeV), the inverse of training's
  /// `(MeV · cellScalePerMeV)^power`. The latent row of shower i is `[E_i / energyUnitMeV, θ_i,
  /// noise[i·L + 2 ..< (i+1)·L]]` with L = `model.latentSize` (the first two noise values of a row are
  /// replaced by the condition).
  ///
  /// - Parameters:
  ///   - generator: The network (its batch norms use their running statistics).
  ///   - preprocessing: Power, cell scale and energy unit of training.
  ///   - conditions: Energies (MeV) and angles (radians).
  ///   - noise: `conditions.count · latentSize` standard-normal draws.
  /// - Returns: The showers, shape `generator.config.imageShape`, MeV, pdgID 11.
  /// - Throws: `TorchError` when libtorch fails.
  public static func generate(
    _ generator: Generator, preprocessing: GenerationPreprocessing, conditions: [ShowerCondition],
    noise: [Float]
  ) throws(TorchError) -> ShowerBatch {
    let inverse = 1 / preprocessing.power
    let scale = preprocessing.cellScalePerMeV
    let cells: [Float] = try withNoGrad { () throws(TorchError) in
      let latent = try latent(
        noise: noise, energies: conditions.map { Float($0.energy / preprocessing.energyUnitMeV) },
        thetas: conditions.map { Float($0.theta) }, latentSize: generator.config.latentSize)
      let images = try generator(latent, training: false)
      return try (images.pow(inverse) / scale).toArray()
    }
    var out = ShowerBatch(cellShape: generator.config.imageShape)
    out.cells = cells
    out.energy = conditions.map(\.energy)
    out.theta = conditions.map(\.theta)
    out.pdgID = Array(repeating: 11, count: conditions.count)
    return out
  }
}

extension GANSampling {
  /// The generator's input, shape `[energies.count, latentSize]`: the noise with each row's first two values
  /// replaced by the network's energy input (E / energyUnitMeV) and angle (rad); shared with training.
  ///
  /// - Precondition: `noise.count == energies.count · latentSize` and one angle per energy.
  public static func latent(noise: [Float], energies: [Float], thetas: [Float], latentSize l: Int)
    throws(TorchError) -> Tensor
  {
    precondition(noise.count == energies.count * l, "latentSize noise values per condition")
    precondition(thetas.count == energies.count, "one angle per energy")
    var values = noise
    for i in energies.indices {
      values[i * l] = energies[i]
      values[i * l + 1] = thetas[i]
    }
    return try Tensor(values, shape: [energies.count, l])
  }
}

/// The pre-processing a trained generator expects: network cells = `(MeV · cellScalePerMeV)^power`,
/// energy input = `E / energyUnitMeV`.
public struct GenerationPreprocessing: Sendable, Equatable, Codable {
  /// Power of the cell transform (3DGAN: 0.85).
  public var power: Double
  /// Network cell units per MeV (3DGAN: 0.05).
  public var cellScalePerMeV: Double
  /// Generator energy-input unit, MeV (3DGAN: 100 GeV).
  public var energyUnitMeV: Double

  /// The three constants.
  public init(power: Double, cellScalePerMeV: Double, energyUnitMeV: Double) {
    self.power = power
    self.cellScalePerMeV = cellScalePerMeV
    self.energyUnitMeV = energyUnitMeV
  }
}
