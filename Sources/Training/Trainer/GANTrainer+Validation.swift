public import Core
internal import Models
internal import Torch

extension GANTrainer {
  /// Losses on held-out showers, models in inference mode, nothing updated.
  ///
  /// D is evaluated on real showers (target 1) and on generated ones (target 0); G's loss is D's on the
  /// generated showers with target 1. Noise is drawn from `(seed, epoch)`, so equal weights give equal
  /// numbers.
  ///
  /// - Parameters:
  ///   - stream: The data.
  ///   - epoch: Epoch, for the noise stream.
  ///   - maxBatches: Evaluate at most this many batches.
  /// - Returns: The averaged record (`kind` "validation"), or nil when no validation batch exists.
  public func validate(
    _ stream: ShowerStream, epoch: Int, maxBatches: Int = .max
  ) throws(TrainingError) -> MetricsRecord? {
    var sums = [[Double]](repeating: [Double](repeating: 0, count: 5), count: 3)
    var batches = 0
    var showers = 0
    var rng = RandomStream(seed: config.seed, stream: Streams.noise, index: UInt64(1 << 40) + UInt64(epoch))
    do {
      try stream.forEachBatch(epoch: epoch, part: .validation) { batch in
        try withNoGrad { () throws(TorchError) in
          let b = batch.count
          let real = try Tensor(batch.images, shape: [b, 1] + batch.imageShape)
          let labels = try self.labels(batch, images: real)
          let fake = try generator(latent(batch, &rng), training: false)
          let outReal = try discriminator(real, training: false)
          let outFake = try discriminator(fake, training: false)
          let ones = try Tensor.ones([b, 1])
          let zeros = try Tensor.zeros([b, 1])
          let rows = [
            try loss(outReal, realTarget: ones, labels: labels),
            try loss(outFake, realTarget: zeros, labels: labels),
            try loss(outFake, realTarget: ones, labels: labels),
          ]
          for (k, terms) in rows.enumerated() {
            let v = try terms.values() + [terms.total.item()]
            for i in 0..<5 { sums[k][i] += v[i] }
          }
        }
        batches += 1
        showers += batch.count
        return batches < maxBatches
      }
    } catch let error as TrainingError {
      throw error
    } catch {
      throw TrainingError(.engine, "\(error)", context: "validation, epoch \(epoch)")
    }
    guard batches > 0 else { return nil }
    let mean = sums.map { $0.map { $0 / Double(batches) } }
    return MetricsRecord(
      kind: "validation", epoch: epoch, step: progress.step, elapsed: 0, showersPerSecond: nil,
      discriminatorReal: mean[0], discriminatorFake: mean[1], generator: mean[2], showers: showers)
  }
}
