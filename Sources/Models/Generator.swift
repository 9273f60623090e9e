public import Torch

/// The 3DGAN generator: `[E/unit, θ, noise]` → shower image in the power domain.
///
/// Dense → reshape to `[denseChannels, denseShape]` → upsampling → convolution blocks
/// (Conv → ReLU → BN), the last block's ReLU being the final one. Output `[B, 1, X, Y, Z]`, non-negative.
///
/// ```swift
/// let g = try Generator(config: GANConfig())          // 1,364,983 parameters
/// let images = try g(latent, training: false)         // [B, 256] -> [B, 1, 51, 51, 25]
/// ```
public final class Generator: Module {
  /// The architecture.
  public let config: GANConfig
  /// The first layer, `latentSize` → `denseChannels·∏denseShape`.
  public let dense: Dense
  /// One convolution per block.
  public let convs: [Conv3D]
  /// The batch norm of each block that has one, by block index.
  public let norms: [Int: BatchNorm3D]

  /// Builds the generator with Keras initialisation (Glorot-uniform Dense, He-uniform convolutions,
  /// Glorot-normal last convolution) from libtorch's default generator.
  ///
  /// - Precondition: `config.validate()` passes.
  public init(config: GANConfig) throws(TorchError) {
    self.config = config
    let g = config.generator
    dense = try Dense(inputs: config.latentSize, outputs: g.denseChannels * g.denseShape.reduce(1, *))
    var convs: [Conv3D] = []
    var norms: [Int: BatchNorm3D] = [:]
    var channels = g.denseChannels
    for (i, block) in g.blocks.enumerated() {
      let last = i == g.blocks.count - 1
      convs.append(
        try Conv3D(
          inChannels: channels, outChannels: block.channels, kernel: block.kernel,
          padding: block.padding, initialization: last ? .glorotNormal : .heUniform))
      if block.batchNorm {
        norms[i] = try BatchNorm3D(
          channels: block.channels, momentum: g.batchNormMomentum, epsilon: g.batchNormEpsilon)
      }
      channels = block.channels
    }
    self.convs = convs
    self.norms = norms
  }

  /// Generates images.
  ///
  /// - Parameters:
  ///   - latent: `[B, latentSize]`: energy / unit, angle in rad, then standard-normal noise.
  ///   - training: Batch norms use batch statistics and update their running ones.
  /// - Returns: `[B, 1, X, Y, Z]` in the power domain (cell^power).
  public func callAsFunction(_ latent: Tensor, training: Bool) throws(TorchError) -> Tensor {
    let g = config.generator
    var x = try dense(latent).reshaped([-1, g.denseChannels] + g.denseShape)
    let mode: UpsamplingMode = g.upsampling == .nearest ? .nearest : .trilinear(alignCorners: false)
    x = try x.upsampled(scale: g.upsample.map(Double.init), mode: mode)
    for (i, conv) in convs.enumerated() {
      x = try conv(x).relu()
      if let norm = norms[i] { x = try norm(x, training: training) }
    }
    return x
  }

  public var namedParameters: [(String, Tensor)] {
    var items = prefixed("dense.", dense.namedParameters)
    for (i, conv) in convs.enumerated() {
      items += prefixed("convs.\(i).", conv.namedParameters)
      if let norm = norms[i] { items += prefixed("norms.\(i).", norm.namedParameters) }
    }
    return items
  }

  public var namedBuffers: [(String, Tensor)] {
    norms.keys.sorted().flatMap { prefixed("norms.\($0).", norms[$0]!.namedBuffers) }
  }
}
