extension GANConfig {
  /// A small 12×12×10 variant for CPU tests and the demo (9,445 and 2,674 parameters), same code path:
  /// nearest upsampling, an even-kernel 'same' first D block, batch norms, the same heads.
  public static var reduced: GANConfig {
    var c = GANConfig()
    c.preset = .reduced
    c.imageShape = [12, 12, 10]
    c.latentSize = 32
    c.generator.denseChannels = 4
    c.generator.denseShape = [4, 4, 4]
    c.generator.upsample = [3, 3, 3]
    c.generator.blocks = [
      ConvBlockConfig(channels: 4, kernel: [3, 3, 3], padding: .zeros([1, 1, 0])),
      ConvBlockConfig(channels: 4, kernel: [3, 3, 3], padding: .zeros([1, 1, 1])),
      ConvBlockConfig(channels: 1, kernel: [3, 3, 3], padding: .zeros([1, 1, 1]), batchNorm: false),
    ]
    c.discriminator.blocks = [
      ConvBlockConfig(channels: 8, kernel: [3, 4, 4], padding: .same, batchNorm: false),
      ConvBlockConfig(channels: 4, kernel: [3, 4, 4], padding: .zeros([0, 0, 1])),
      ConvBlockConfig(channels: 4, kernel: [3, 3, 3]),
    ]
    return c
  }

  /// The itwinai PyTorch port's numbers (3dgan.md §1.4): trilinear upsampling, LeakyReLU 0.01, BN
  /// momentum 0.1 (PyTorch default), D conv1 padding (2,3,3) giving 51×52×26. The port's loss bugs
  /// (double sigmoid, swapped MAPE, broadcast ECAL label) belong to the loss, not here, and are not
  /// reproduced.
  public static var pytorchPort: GANConfig {
    var c = GANConfig()
    c.preset = .pytorchPort
    c.generator.upsampling = .trilinear
    c.generator.batchNormMomentum = 0.1
    c.discriminator.leakySlope = 0.01
    c.discriminator.batchNormMomentum = 0.1
    c.discriminator.blocks[0].padding = .zeros([2, 3, 3])
    return c
  }
}
