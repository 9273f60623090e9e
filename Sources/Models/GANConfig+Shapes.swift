public import Core

extension GANConfig {
  /// Spatial shape (x, y, z) after each generator stage: the reshaped Dense output, the upsampled
  /// volume, then one entry per convolution block; the last equals `imageShape` in a valid config.
  public var generatorShapes: [[Int]] {
    var shape = generator.denseShape
    var shapes = [shape]
    shape = zip(shape, generator.upsample).map { $0 * $1 }
    shapes.append(shape)
    for block in generator.blocks {
      shape = block.outputShape(shape)
      shapes.append(shape)
    }
    return shapes
  }

  /// Spatial shape after each discriminator block, then after pooling (the last entry).
  public var discriminatorShapes: [[Int]] {
    var shape = imageShape
    var shapes: [[Int]] = []
    for block in discriminator.blocks {
      shape = block.outputShape(shape)
      shapes.append(shape)
    }
    shapes.append(zip(shape, discriminator.pool).map { $0 / $1 })
    return shapes
  }

  /// Length of the flattened discriminator features that feed the two Dense heads.
  public var discriminatorFeatures: Int {
    (discriminator.blocks.last?.channels ?? 1) * (discriminatorShapes.last ?? []).reduce(1, *)
  }

  /// Trainable generator parameters (1,364,983 for the faithful model).
  public var generatorParameterCount: Int {
    let dense = generator.denseChannels * generator.denseShape.reduce(1, *)
    var count = latentSize * dense + dense
    var channels = generator.denseChannels
    for block in generator.blocks {
      count += block.parameterCount(inputChannels: channels)
      channels = block.channels
    }
    return count
  }

  /// Trainable discriminator parameters (87,354 for the faithful model).
  public var discriminatorParameterCount: Int {
    var count = 0
    var channels = 1
    for block in discriminator.blocks {
      count += block.parameterCount(inputChannels: channels)
      channels = block.channels
    }
    return count + 2 * (discriminatorFeatures + 1)
  }

  /// Checks that the layers fit together.
  ///
  /// - Throws: `ModelsError.invalidConfig` naming the key (`model.generator.blocks[3]`, …) whose value
  ///   breaks the chain: wrong vector lengths, non-positive sizes, a generator that does not end at
  ///   `imageShape` with one channel, a discriminator that shrinks the image to nothing.
  public func validate() throws(ModelsError) {
    func fail(_ key: String, _ message: String) -> ModelsError {
      ModelsError(.invalidConfig, message, context: "model." + key)
    }
    guard imageShape.count == 3, imageShape.allSatisfy({ $0 > 0 }) else {
      throw fail("imageShape", "give three positive cell counts (x, y, layers), not \(imageShape)")
    }
    guard latentSize > 2 else { throw fail("latentSize", "must exceed 2 (energy, angle, noise)") }
    guard power > 0 else { throw fail("power", "must be positive") }
    let g = generator
    for (key, v) in [("denseShape", g.denseShape), ("upsample", g.upsample)]
    where v.count != 3 || !v.allSatisfy({ $0 > 0 }) {
      throw fail("generator.\(key)", "give three positive integers, not \(v)")
    }
    guard g.denseChannels > 0 else { throw fail("generator.denseChannels", "must be positive") }
    try check(g.blocks, key: "generator.blocks", fail)
    let shapes = generatorShapes
    for (i, s) in shapes.enumerated() where s.contains(where: { $0 <= 0 }) {
      throw fail(
        "generator.blocks[\(i - 2)]", "the volume shrinks to \(s); use smaller kernels or more padding")
    }
    guard shapes.last == imageShape, g.blocks.last?.channels == 1 else {
      throw fail(
        "generator.blocks",
        "the generator ends at \(shapes.last ?? []) × \(g.blocks.last?.channels ?? 0) channels, "
          + "but imageShape is \(imageShape) × 1; adjust kernels, padding or upsampling")
    }
    let d = discriminator
    try check(d.blocks, key: "discriminator.blocks", fail)
    guard d.pool.count == 3, d.pool.allSatisfy({ $0 > 0 }) else {
      throw fail("discriminator.pool", "give three positive integers, not \(d.pool)")
    }
    for (i, s) in discriminatorShapes.enumerated() where s.contains(where: { $0 <= 0 }) {
      let key = i < d.blocks.count ? "discriminator.blocks[\(i)]" : "discriminator.pool"
      throw fail(key, "the \(imageShape) image shrinks to \(s); use smaller kernels or more padding")
    }
    guard (0..<1).contains(d.dropout) else { throw fail("discriminator.dropout", "must be in [0, 1)") }
    guard d.leakySlope >= 0 else { throw fail("discriminator.leakySlope", "must be non-negative") }
  }

  private func check(
    _ blocks: [ConvBlockConfig], key: String, _ fail: (String, String) -> ModelsError
  ) throws(ModelsError) {
    guard !blocks.isEmpty else { throw fail(key, "needs at least one block") }
    for (i, b) in blocks.enumerated() {
      guard b.channels > 0, b.kernel.count == 3, b.kernel.allSatisfy({ $0 > 0 }) else {
        throw fail("\(key)[\(i)]", "channels must be positive and kernel three positive integers")
      }
      if case .zeros(let p) = b.padding, p.count != 3 || p.contains(where: { $0 < 0 }) {
        throw fail("\(key)[\(i)].padding", "give three non-negative cell counts, same or valid")
      }
    }
  }
}
