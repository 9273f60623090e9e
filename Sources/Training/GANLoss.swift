public import Models
public import Torch

/// The four loss terms of one discriminator evaluation, unweighted, and their weighted total.
public struct LossTerms {
  /// Binary cross-entropy of the real/fake head (Keras: probabilities clipped to [1e-7, 1 − 1e-7]).
  public var realness: Tensor
  /// MAPE (percent) of the energy head against E / unit.
  public var energy: Tensor
  /// MAE (radians) of the angle head against the angle label.
  public var angle: Tensor
  /// MAPE (percent) of the ECAL-sum head against the real showers' ECAL sums.
  public var ecal: Tensor
  /// Σ weight·term.
  public var total: Tensor

  /// The four terms as numbers, in the order realness, energy, angle, ecal.
  public func values() throws(TorchError) -> [Double] {
    [try realness.item(), try energy.item(), try angle.item(), try ecal.item()]
  }
}

/// Labels of a batch, each `[B, 1]`, shared by the D-real, D-fake and G evaluations.
public struct BatchLabels {
  /// Primary energy in the generator's energy unit (E / 100 GeV).
  public var energy: Tensor
  /// Polar angle in radians, as fed to the generator.
  public var theta: Tensor
  /// Angle the angle head must reproduce (θ or the measured angle), radians.
  public var angleTarget: Tensor
  /// ECAL sum of the real showers in network cell units (before the power transform).
  public var ecalSum: Tensor

  /// Bundles labels.
  public init(energy: Tensor, theta: Tensor, angleTarget: Tensor, ecalSum: Tensor) {
    self.energy = energy
    self.theta = theta
    self.angleTarget = angleTarget
    self.ecalSum = ecalSum
  }
}

/// The 3DGAN loss with Keras semantics (3dgan.md §2.1): weights [3, 0.1, 25, 0.1] for BCE, MAPE on
/// energy, MAE on angle, MAPE on ECAL sum; MAPE's denominator is the label.
public struct GANLoss: Sendable {
  /// Weights of realness, energy, angle and ECAL-sum terms.
  public var weights: [Double]

  /// Creates the loss. Precondition: four weights.
  public init(weights: [Double] = [3, 0.1, 25, 0.1]) {
    precondition(weights.count == 4, "the 3DGAN loss has four weights")
    self.weights = weights
  }

  /// Evaluates the terms for discriminator outputs against `realTarget` (`[B, 1]`, 1 = real).
  public func callAsFunction(
    _ output: DiscriminatorOutput, realTarget: Tensor, labels: BatchLabels
  ) throws(TorchError) -> LossTerms {
    let p = try output.realness.clamped(min: 1e-7, max: 1 - 1e-7)
    let bce = try Tensor.binaryCrossEntropy(prediction: p, target: realTarget)
    let energy = try Tensor.mapeLoss(prediction: output.energy, target: labels.energy)
    let angle = try Tensor.l1Loss(prediction: output.angle, target: labels.angleTarget)
    let ecal = try Tensor.mapeLoss(prediction: output.ecalSum, target: labels.ecalSum)
    let total = try bce * weights[0] + energy * weights[1] + angle * weights[2] + ecal * weights[3]
    return LossTerms(realness: bce, energy: energy, angle: angle, ecal: ecal, total: total)
  }
}
