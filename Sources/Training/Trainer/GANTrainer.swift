public import Core
internal import Generation
public import Models
public import Torch

/// Where training stands: what a checkpoint must restore besides the tensors.
public struct TrainingProgress: Sendable, Equatable, Codable {
  /// Current epoch (0-based).
  public var epoch = 0
  /// Batches of `epoch` already trained.
  public var batchInEpoch = 0
  /// Batches trained in total (the step count; each is 2 D updates and `generatorStepsPerBatch` G ones).
  public var step = 0

  /// Start of training.
  public init() {}
}

/// The 3DGAN models, their RMSprop optimisers and the per-batch recipe of 3dgan.md §2.2.
///
/// Per batch: one D update on the real showers (labels 1, 5 % flipped), one on generated showers
/// (labels 0, 5 % flipped), then `generatorStepsPerBatch` G updates through D with fresh noise and
/// target 1. All randomness derives from `(seed, step)`, so a resumed run redraws what the original drew.
///
/// ```swift
/// let trainer = try GANTrainer(config: config)
/// let metrics = try trainer.train(on: batch)
/// ```
public final class GANTrainer {
  /// The configuration.
  public let config: TrainingConfig
  /// The generator.
  public let generator: Generator
  /// The discriminator.
  public let discriminator: Discriminator
  /// RMSprop over the discriminator's parameters.
  public let discriminatorOptimizer: RMSprop
  /// RMSprop over the generator's parameters.
  public let generatorOptimizer: RMSprop
  /// The loss.
  public let loss: GANLoss
  /// Where training stands.
  public var progress = TrainingProgress()

  /// Builds fresh models (initialised from `config.seed`) and optimisers.
  ///
  /// - Throws: `TrainingError.engine` when libtorch fails.
  public init(config: TrainingConfig) throws(TrainingError) {
    self.config = config
    Torch.threadCount = config.threads
    do {
      // A private generator: models built concurrently on other threads draw from their own.
      (generator, discriminator) = try Torch.withSeed(config.seed) { () throws(TorchError) in
        (try Generator(config: config.model), try Discriminator(config: config.model))
      }
    } catch {
      throw TrainingError(.engine, "cannot build the models: \(error)")
    }
    let o = config.optimizer
    discriminatorOptimizer = RMSprop(
      parameters: discriminator.parameters, learningRate: o.learningRate, alpha: o.rho, eps: o.epsilon)
    generatorOptimizer = RMSprop(
      parameters: generator.parameters, learningRate: o.learningRate, alpha: o.rho, eps: o.epsilon)
    loss = GANLoss(weights: config.lossWeights)
  }

  /// Trains on one batch and advances `progress`.
  ///
  /// - Returns: The loss terms of the D-real, D-fake and (mean) G updates, and whether every generated
  ///   shower was empty.
  /// - Throws: `TrainingError.engine` when libtorch fails.
  public func train(on batch: PreparedBatch) throws(TrainingError) -> StepMetrics {
    do {
      let metrics = try step(batch)
      progress.step += 1
      progress.batchInEpoch += 1
      return metrics
    } catch {
      throw TrainingError(.engine, "\(error)", context: "step \(progress.step)")
    }
  }

  private func step(_ batch: PreparedBatch) throws(TorchError) -> StepMetrics {
    let step = UInt64(progress.step)
    // Dropout masks come from a generator private to this step and thread.
    return try Torch.withSeed(config.seed &+ Streams.dropout &* 1_000_003 &+ step) { () throws(TorchError) in
      try seededStep(batch, step: step)
    }
  }

  private func seededStep(_ batch: PreparedBatch, step: UInt64) throws(TorchError) -> StepMetrics {
    var noise = RandomStream(seed: config.seed, stream: Streams.noise, index: step)
    var flips = RandomStream(seed: config.seed, stream: Streams.flips, index: step)
    let b = batch.count
    let real = try Tensor(batch.images, shape: [b, 1] + batch.imageShape)
    let labels = try self.labels(batch, images: real)

    // D on real, then on generated showers (Keras `predict`: generator in inference mode).
    let fake = try withNoGrad { () throws(TorchError) in
      try generator(latent(batch, &noise), training: false)
    }
    let dReal = try discriminatorStep(real, target: flipped(1, b, &flips), labels: labels)
    let dFake = try discriminatorStep(fake, target: flipped(0, b, &flips), labels: labels)
    let empty = try fake.max().item() == 0

    // G updates through D. D is frozen, as in the Keras combined model (`trainable = False`): its
    // weights get no gradient, which also spares the backward pass their weight gradients.
    let ones = try Tensor.ones([b, 1])
    var gTerms: [[Double]] = []
    try setDiscriminatorTrainable(false)
    defer { try? setDiscriminatorTrainable(true) }  // also when a G update throws
    for _ in 0..<config.generatorStepsPerBatch {
      try generatorOptimizer.zeroGrad()
      let images = try generator(latent(batch, &noise), training: true)
      let terms = try loss(discriminator(images, training: true), realTarget: ones, labels: labels)
      try terms.total.backward()
      try generatorOptimizer.step()
      gTerms.append(try terms.values() + [terms.total.item()])
    }
    let gMean = (0..<5).map { i in gTerms.map { $0[i] }.reduce(0, +) / Double(gTerms.count) }
    return StepMetrics(
      discriminatorReal: dReal, discriminatorFake: dFake, generator: gMean, generatedEmpty: empty)
  }

  private func discriminatorStep(
    _ images: Tensor, target: Tensor, labels: BatchLabels
  ) throws(TorchError) -> [Double] {
    try discriminatorOptimizer.zeroGrad()
    let terms = try loss(discriminator(images, training: true), realTarget: target, labels: labels)
    try terms.total.backward()
    try discriminatorOptimizer.step()
    return try terms.values() + [terms.total.item()]
  }

  /// Turns gradient tracking of the discriminator's weights on or off.
  private func setDiscriminatorTrainable(_ trainable: Bool) throws(TorchError) {
    for p in discriminator.parameters { _ = try p.requiringGrad(trainable) }
  }

  /// The generator input `[B, latentSize]`: E / unit, θ, then standard-normal noise.
  func latent(_ batch: PreparedBatch, _ rng: inout RandomStream) throws(TorchError) -> Tensor {
    let l = config.model.latentSize
    return try GANSampling.latent(
      noise: rng.normals(batch.count * l), energies: batch.energy, thetas: batch.theta, latentSize: l)
  }

  /// Labels of `batch`; the angle target is θ or the angle measured on the real images.
  func labels(_ batch: PreparedBatch, images: Tensor) throws(TorchError) -> BatchLabels {
    let b = batch.count
    let theta = try Tensor(batch.theta, shape: [b, 1])
    let angle: Tensor
    switch config.preprocessing.angleLabel {
    case .true: angle = theta
    case .measured:
      angle = try withNoGrad { () throws(TorchError) in
        try PhysicsHeads.ecalAngle(images, power: config.model.power)
      }
    }
    return BatchLabels(
      energy: try Tensor(batch.energy, shape: [b, 1]), theta: theta, angleTarget: angle,
      ecalSum: try Tensor(batch.ecalSum, shape: [b, 1]))
  }

  /// `value` for every shower with exactly ⌊p·B⌋ of them flipped, as the Keras `BitFlip`.
  func flipped(_ value: Float, _ count: Int, _ rng: inout RandomStream) throws(TorchError) -> Tensor {
    var labels = [Float](repeating: value, count: count)
    var indices = Array(0..<count)
    indices.shuffle(using: &rng)
    for i in indices.prefix(Int(config.labelFlipProbability * Double(count))) { labels[i] = 1 - value }
    return try Tensor(labels, shape: [count, 1])
  }
}
