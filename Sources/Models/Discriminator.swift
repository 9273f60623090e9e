public import Torch

/// The four outputs of the discriminator, each `[B, 1]`.
public struct DiscriminatorOutput {
  /// Probability that the image is real (sigmoid).
  public var realness: Tensor
  /// Regressed primary energy, in the energy unit of the generator input (E / 100 GeV).
  public var energy: Tensor
  /// Polar angle measured from the image by `PhysicsHeads.ecalAngle`, in radians (100 for empty images).
  public var angle: Tensor
  /// Sum of the de-powered cells (`Σ x^(1/power)`), in network cell units.
  public var ecalSum: Tensor
}

/// The 3DGAN discriminator: convolution blocks (Conv → LeakyReLU → BN → Dropout), average pooling,
/// flatten, a sigmoid real/fake head, a linear energy head and the weightless ECAL-sum and angle heads.
///
/// ```swift
/// let d = try Discriminator(config: GANConfig())     // 87,354 parameters
/// let out = try d(images, training: true)            // [B, 1, 51, 51, 25] -> 4 × [B, 1]
/// ```
public final class Discriminator: Module {
  /// The architecture.
  public let config: GANConfig
  /// One convolution per block.
  public let convs: [Conv3D]
  /// The batch norm of each block that has one, by block index.
  public let norms: [Int: BatchNorm3D]
  /// Real/fake head (sigmoid applied in `callAsFunction`).
  public let realness: Dense
  /// Energy-regression head (linear).
  public let energy: Dense

  /// Builds the discriminator with Keras' default Glorot-uniform initialisation.
  ///
  /// - Precondition: `config.validate()` passes.
  public init(config: GANConfig) throws(TorchError) {
    self.config = config
    let d = config.discriminator
    var convs: [Conv3D] = []
    var norms: [Int: BatchNorm3D] = [:]
    var channels = 1
    for (i, block) in d.blocks.enumerated() {
      convs.append(
        try Conv3D(
          inChannels: channels, outChannels: block.channels, kernel: block.kernel,
          padding: block.padding, initialization: .glorotUniform))
      if block.batchNorm {
        norms[i] = try BatchNorm3D(
          channels: block.channels, momentum: d.batchNormMomentum, epsilon: d.batchNormEpsilon)
      }
      channels = block.channels
    }
    self.convs = convs
    self.norms = norms
    realness = try Dense(inputs: config.discriminatorFeatures, outputs: 1)
    energy = try Dense(inputs: config.discriminatorFeatures, outputs: 1)
  }

  /// Evaluates the four heads.
  ///
  /// - Parameters:
  ///   - image: `[B, 1, X, Y, Z]` in the power domain.
  ///   - training: Dropout on, batch norms on batch statistics (running ones updated).
  public func callAsFunction(_ image: Tensor, training: Bool) throws(TorchError) -> DiscriminatorOutput {
    let d = config.discriminator
    var x = image
    for (i, conv) in convs.enumerated() {
      x = try conv(x).leakyRelu(slope: d.leakySlope)
      if let norm = norms[i] { x = try norm(x, training: training) }
      if d.dropout > 0 { x = try x.dropout(p: d.dropout, training: training) }
    }
    let features = try x.avgPool3d(kernel: d.pool).flattened(from: 1)
    return DiscriminatorOutput(
      realness: try realness(features).sigmoid(),
      energy: try energy(features),
      angle: try PhysicsHeads.ecalAngle(image, power: config.power),
      ecalSum: try PhysicsHeads.ecalSum(image, power: config.power))
  }

  public var namedParameters: [(String, Tensor)] {
    var items: [(String, Tensor)] = []
    for (i, conv) in convs.enumerated() {
      items += prefixed("convs.\(i).", conv.namedParameters)
      if let norm = norms[i] { items += prefixed("norms.\(i).", norm.namedParameters) }
    }
    return items + prefixed("fake.", realness.namedParameters) + prefixed("aux.", energy.namedParameters)
  }

  public var namedBuffers: [(String, Tensor)] {
    norms.keys.sorted().flatMap { prefixed("norms.\($0).", norms[$0]!.namedBuffers) }
  }
}
