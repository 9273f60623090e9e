public import Torch

/// A 3D convolution (stride 1, bias) preceded by zero padding.
///
/// Symmetric padding is passed to the convolution; 'same' with an even kernel pads explicitly
/// (the smaller half in front, as TensorFlow does).
public final class Conv3D {
  /// Weight, shape `[outChannels, inChannels, kx, ky, kz]`.
  public let weight: Tensor
  /// Bias, shape `[outChannels]`.
  public let bias: Tensor
  /// Kernel size (x, y, z).
  public let kernel: [Int]
  /// Zero padding before the convolution.
  public let padding: Padding

  /// Initial weight distribution.
  public enum Initialization: Sendable { case heUniform, glorotUniform, glorotNormal }

  /// Creates the layer with zero bias and weights drawn from libtorch's default generator.
  public init(
    inChannels: Int, outChannels: Int, kernel: [Int], padding: Padding,
    initialization: Initialization
  ) throws(TorchError) {
    let volume = kernel.reduce(1, *)
    let shape = [outChannels, inChannels] + kernel
    let fanIn = inChannels * volume
    let fanOut = outChannels * volume
    switch initialization {
    case .heUniform: weight = try Initializer.heUniform(shape, fanIn: fanIn)
    case .glorotUniform: weight = try Initializer.glorotUniform(shape, fanIn: fanIn, fanOut: fanOut)
    case .glorotNormal: weight = try Initializer.glorotNormal(shape, fanIn: fanIn, fanOut: fanOut)
    }
    bias = try Tensor.zeros([outChannels]).requiringGrad()
    self.kernel = kernel
    self.padding = padding
  }

  /// Applies padding and convolution to `x` of shape `[B, C, X, Y, Z]`.
  public func callAsFunction(_ x: Tensor) throws(TorchError) -> Tensor {
    let amounts = padding.amounts(kernel: kernel)
    if amounts.allSatisfy({ $0.before == $0.after }) {
      return try x.conv3d(weight: weight, bias: bias, padding: amounts.map(\.before))
    }
    let pads = amounts.reversed().flatMap { [$0.before, $0.after] }
    return try x.padded(pads).conv3d(weight: weight, bias: bias)
  }

  /// Parameters by name (`weight`, `bias`).
  public var namedParameters: [(String, Tensor)] { [("weight", weight), ("bias", bias)] }
}
