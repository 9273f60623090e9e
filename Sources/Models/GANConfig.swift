public import Core

/// The architecture of a 3DGAN: image shape, latent size, generator and discriminator layers.
///
/// The default (`init()`) is the faithful Keras model of svalleco/3Dgan (Anglegan): 1,364,983 generator
/// and 87,354 discriminator parameters for 51×51×25 images. `reduced` is a small variant for CPU tests and
/// the demo, `pytorchPort` the itwinai PyTorch port's numbers (trilinear upsampling, slope 0.01, BN
/// momentum 0.1, D conv1 padding (2,3,3)). In YAML, `preset:` picks a starting point and the other keys
/// change it:
///
/// ```yaml
/// model: {preset: reduced, latentSize: 64}
/// ```
public struct GANConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Named starting points.
  public enum Preset: String, Sendable, Codable, CaseIterable {
    case faithful, reduced, pytorchPort = "pytorch-port"
  }

  /// Preset this config started from (informational once decoded).
  public var preset: Preset = .faithful
  /// Image shape (x, y, z = layer) in cells; generator output and discriminator input.
  public var imageShape: [Int] = [51, 51, 25]
  /// Generator input size: `[E/scale, θ, latentSize − 2 normal draws]`.
  public var latentSize: Int = 256
  /// Power applied to cell energies before the network (`x^power`); the heads undo it.
  public var power: Double = 0.85
  /// Generator layers.
  public var generator = GeneratorConfig()
  /// Discriminator layers.
  public var discriminator = DiscriminatorConfig()

  /// The faithful Keras 3DGAN.
  public init() {}

  /// The config of a preset.
  public init(preset: Preset) {
    switch preset {
    case .faithful: self.init()
    case .reduced: self = .reduced
    case .pytorchPort: self = .pytorchPort
    }
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case preset, imageShape, latentSize, power, generator, discriminator
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let name = try c.decodeIfPresent(Preset.self, forKey: .preset) { self = GANConfig(preset: name) }
    try c.update(&imageShape, forKey: .imageShape)
    try c.update(&latentSize, forKey: .latentSize)
    try c.update(&power, forKey: .power)
    try c.overlay(&generator, forKey: .generator)
    try c.overlay(&discriminator, forKey: .discriminator)
  }
}

/// Generator layers: Dense → reshape → upsampling → convolution blocks (Conv → ReLU → BN), final ReLU.
public struct GeneratorConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// How the one upsampling layer fills cells.
  public enum Upsampling: String, Sendable, Codable { case nearest, trilinear }

  /// Channels of the reshaped Dense output.
  public var denseChannels = 8
  /// Spatial shape (x, y, z) of the reshaped Dense output.
  public var denseShape = [9, 9, 8]
  /// Upsampling factor per axis.
  public var upsample = [6, 6, 6]
  /// Upsampling mode: Keras `UpSampling3D` is nearest; the PyTorch port uses trilinear.
  public var upsampling = Upsampling.nearest
  /// Convolution blocks; every block applies ReLU (the last one's is the final ReLU).
  public var blocks: [ConvBlockConfig] = [
    ConvBlockConfig(channels: 8, kernel: [6, 6, 8]),
    ConvBlockConfig(channels: 6, kernel: [4, 4, 6], padding: .zeros([2, 2, 1])),
    ConvBlockConfig(channels: 6, kernel: [4, 4, 6], padding: .zeros([2, 2, 1])),
    ConvBlockConfig(channels: 6, kernel: [4, 4, 6], padding: .zeros([2, 2, 1])),
    ConvBlockConfig(channels: 6, kernel: [3, 3, 5], padding: .zeros([1, 1, 0])),
    ConvBlockConfig(channels: 6, kernel: [3, 3, 3], padding: .zeros([1, 1, 0]), batchNorm: false),
    ConvBlockConfig(channels: 1, kernel: [2, 2, 2], batchNorm: false),
  ]
  /// Batch-norm momentum in PyTorch's convention (`running = (1 − m)·running + m·batch`);
  /// Keras' 0.99 is 0.01 here.
  public var batchNormMomentum = 0.01
  /// Batch-norm epsilon added to the variance.
  public var batchNormEpsilon = 1e-6

  /// The faithful generator.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case denseChannels, denseShape, upsample, upsampling, blocks, batchNormMomentum, batchNormEpsilon
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&denseChannels, forKey: .denseChannels)
    try c.update(&denseShape, forKey: .denseShape)
    try c.update(&upsample, forKey: .upsample)
    try c.update(&upsampling, forKey: .upsampling)
    try c.update(&blocks, forKey: .blocks)
    try c.update(&batchNormMomentum, forKey: .batchNormMomentum)
    try c.update(&batchNormEpsilon, forKey: .batchNormEpsilon)
  }
}

/// Discriminator layers: convolution blocks (Conv → LeakyReLU → BN → Dropout), average pooling, flatten,
/// a sigmoid real/fake head and a linear energy head; plus the weightless ECAL-sum and angle heads.
public struct DiscriminatorConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Convolution blocks.
  public var blocks: [ConvBlockConfig] = [
    ConvBlockConfig(channels: 16, kernel: [5, 6, 6], padding: .same, batchNorm: false),
    ConvBlockConfig(channels: 8, kernel: [5, 6, 6], padding: .zeros([0, 0, 1])),
    ConvBlockConfig(channels: 8, kernel: [5, 6, 6], padding: .zeros([0, 0, 1])),
    ConvBlockConfig(channels: 8, kernel: [5, 6, 6]),
  ]
  /// Average-pooling window (and stride) per axis after the last block.
  public var pool = [2, 2, 2]
  /// LeakyReLU negative slope (Keras default 0.3).
  public var leakySlope = 0.3
  /// Dropout probability after each block, in training mode.
  public var dropout = 0.2
  /// Batch-norm momentum, PyTorch convention (Keras 0.99 = 0.01).
  public var batchNormMomentum = 0.01
  /// Batch-norm epsilon.
  public var batchNormEpsilon = 1e-6

  /// The faithful discriminator.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case blocks, pool, leakySlope, dropout, batchNormMomentum, batchNormEpsilon
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&blocks, forKey: .blocks)
    try c.update(&pool, forKey: .pool)
    try c.update(&leakySlope, forKey: .leakySlope)
    try c.update(&dropout, forKey: .dropout)
    try c.update(&batchNormMomentum, forKey: .batchNormMomentum)
    try c.update(&batchNormEpsilon, forKey: .batchNormEpsilon)
  }
}
