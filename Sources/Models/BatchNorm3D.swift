public import Torch

/// Batch normalisation over the channels of `[B, C, X, Y, Z]`, with running statistics.
///
/// Training mode normalises with the batch's statistics and updates the running ones
/// (`r ← (1 − momentum)·r + momentum·batch`, PyTorch convention); evaluation mode uses the running ones.
public final class BatchNorm3D {
  /// Scale γ, shape `[C]`, initially 1.
  public let weight: Tensor
  /// Shift β, shape `[C]`, initially 0.
  public let bias: Tensor
  /// Running mean, shape `[C]` (a buffer, not trained).
  public let runningMean: Tensor
  /// Running (unbiased) variance, shape `[C]` (a buffer).
  public let runningVar: Tensor
  /// Running-average factor, PyTorch convention (Keras 0.99 is 0.01).
  public let momentum: Double
  /// Added to the variance.
  public let epsilon: Double

  /// Creates the layer for `channels` channels.
  public init(channels: Int, momentum: Double, epsilon: Double) throws(TorchError) {
    weight = try Tensor.ones([channels]).requiringGrad()
    bias = try Tensor.zeros([channels]).requiringGrad()
    runningMean = try Tensor.zeros([channels])
    runningVar = try Tensor.ones([channels])
    self.momentum = momentum
    self.epsilon = epsilon
  }

  /// Normalises `x`; in training also updates the running statistics in place.
  public func callAsFunction(_ x: Tensor, training: Bool) throws(TorchError) -> Tensor {
    try x.batchNorm(
      weight: weight, bias: bias, runningMean: runningMean, runningVar: runningVar,
      training: training, momentum: momentum, eps: epsilon)
  }

  /// Parameters by name (`weight`, `bias`).
  public var namedParameters: [(String, Tensor)] { [("weight", weight), ("bias", bias)] }

  /// Buffers by name, PyTorch's names (`running_mean`, `running_var`).
  public var namedBuffers: [(String, Tensor)] {
    [("running_mean", runningMean), ("running_var", runningVar)]
  }
}
