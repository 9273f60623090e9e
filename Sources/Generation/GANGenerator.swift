public import Core
public import Foundation
public import Models
public import ShowerIO
internal import Torch

/// The trained-3DGAN backend, loaded from a model directory (`ModelDirectory`): eval mode, no gradients,
/// cells de-powered back to MeV.
///
/// Shower `firstEvent + i` of a request draws its latent noise from
/// `RandomStream(seed:, stream: 1, index: firstEvent + i)`, so the showers do not depend on how a request
/// is split into batches (up to float rounding: libtorch may pick other kernels for another batch size;
/// the same request and batch size give bit-identical showers).
///
/// ```swift
/// let gan = try GANGenerator(directory: URL(fileURLWithPath: "runs/a/model"))
/// let batch = try gan.generate([ShowerCondition(energy: 50_000, theta: 1.5)], seed: 7)
/// ```
public final class GANGenerator: ShowerGenerator {
  /// The network.
  public let generator: Generator
  /// The model card.
  public let card: ModelCard
  /// Accept conditions outside `card.conditions`.
  public var allowExtrapolation: Bool

  /// Loads a model directory.
  ///
  /// - Parameters:
  ///   - directory: Folder with `generator.safetensors`, `config.json`, `model-card.json`.
  ///   - allowExtrapolation: Accept conditions outside the card's ranges.
  /// - Throws: `GenerationError.modelDirectory` naming the missing, corrupt or mismatching file.
  public init(directory: URL, allowExtrapolation: Bool = false) throws(GenerationError) {
    let (model, card) = try ModelDirectory.read(directory)
    let weights = directory.appendingPathComponent(ModelDirectory.weightsFile)
    do {
      generator = try Generator(config: model)
    } catch {
      throw GenerationError(
        .modelDirectory, "cannot build the generator of \(ModelDirectory.configFile): \(error.report)",
        context: directory.path)
    }
    do {
      try generator.load(SafeTensors.load(from: weights))
    } catch let error as any CaloTwinError {
      throw GenerationError(
        .modelDirectory, "the weights do not load: \(error.report)", context: weights.path)
    } catch {
      throw GenerationError(.modelDirectory, "the weights do not load: \(error)", context: weights.path)
    }
    self.card = card
    self.allowExtrapolation = allowExtrapolation
  }

  public var cellShape: [Int] { generator.config.imageShape }
  public var conditionRange: ConditionRange { card.conditions }

  /// Refuses non-finite conditions, and those outside the card's ranges unless `allowExtrapolation`.
  public func checkConditions(_ conditions: [ShowerCondition]) throws(GenerationError) {
    try conditionRange.check(conditions, allowExtrapolation: allowExtrapolation)
  }

  public func generate(_ conditions: [ShowerCondition], seed: UInt64, firstEvent: Int) throws(GenerationError)
    -> ShowerBatch
  {
    try checkConditions(conditions)
    let l = generator.config.latentSize
    var noise: [Float] = []
    noise.reserveCapacity(conditions.count * l)
    for i in conditions.indices {
      var rng = RandomStream(seed: seed, stream: 1, index: UInt64(firstEvent + i))
      noise += rng.normals(l)
    }
    do {
      return try GANSampling.generate(
        generator, preprocessing: card.preprocessing, conditions: conditions, noise: noise)
    } catch {
      throw GenerationError(.engine, "generation failed: \(error.report)")
    }
  }
}
