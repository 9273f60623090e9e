public import Torch

/// A fully connected layer `y = x·Wᵀ + b`.
///
/// ```swift
/// let dense = try Dense(inputs: 256, outputs: 5184)
/// let y = try dense(x)   // [B, 256] -> [B, 5184]
/// ```
public final class Dense {
  /// Weight, shape `[outputs, inputs]`.
  public let weight: Tensor
  /// Bias, shape `[outputs]`.
  public let bias: Tensor

  /// Creates the layer with Glorot-uniform weights (Keras' default) and zero bias.
  ///
  /// Draws from the thread's generator (`Torch.withSeed`), else libtorch's default one (`Torch.manualSeed`).
  public init(inputs: Int, outputs: Int) throws(TorchError) {
    weight = try Initializer.glorotUniform([outputs, inputs], fanIn: inputs, fanOut: outputs)
    bias = try Tensor.zeros([outputs]).requiringGrad()
  }

  /// Applies the layer to `x` of shape `[B, inputs]`.
  public func callAsFunction(_ x: Tensor) throws(TorchError) -> Tensor {
    try x.linear(weight: weight, bias: bias)
  }

  /// Parameters by name (`weight`, `bias`).
  public var namedParameters: [(String, Tensor)] { [("weight", weight), ("bias", bias)] }
}

/// Weight initialisers of Keras, drawing from libtorch's default generator.
enum Initializer {
  /// Uniform in ±√(6 / (fanIn + fanOut)).
  static func glorotUniform(_ shape: [Int], fanIn: Int, fanOut: Int) throws(TorchError) -> Tensor {
    try uniform(shape, limit: (6.0 / Double(fanIn + fanOut)).squareRoot())
  }

  /// Uniform in ±√(6 / fanIn).
  static func heUniform(_ shape: [Int], fanIn: Int) throws(TorchError) -> Tensor {
    try uniform(shape, limit: (6.0 / Double(fanIn)).squareRoot())
  }

  /// Normal with standard deviation √(2 / (fanIn + fanOut)) (PyTorch `xavier_normal_`).
  static func glorotNormal(_ shape: [Int], fanIn: Int, fanOut: Int) throws(TorchError) -> Tensor {
    let std = (2.0 / Double(fanIn + fanOut)).squareRoot()
    return try (Tensor.randn(shape) * std).detached().requiringGrad()
  }

  static func uniform(_ shape: [Int], limit: Double) throws(TorchError) -> Tensor {
    try (Tensor.rand(shape) * (2 * limit) - limit).detached().requiringGrad()
  }
}
