public import Core
internal import Foundation
internal import Torch

/// The CaloChallenge classifier test: a DNN learns to tell reference (label 1) from candidate
/// (label 0) showers; its isotonically calibrated output on held-out showers gives AUC and JSD.
///
/// Protocol (`evaluate.py`): each class is shuffled and split into train / test / validation;
/// `Linear(d, h) → LeakyReLU`, then `layers × [Linear(h, h) → LeakyReLU]`, then `Linear(h, 1)`;
/// BCE-with-logits, Adam; the epoch with the best test accuracy is kept (stopping at 1.0); the
/// isotonic calibration is fitted on the test split and AUC/JSD measured on the validation split.
///
/// ```swift
/// let r = try ClassifierTest().run(reference: x, candidate: y, dimension: 202)
/// print(r.auc, r.jsd)   // 0.5 and 0 when indistinguishable
/// ```
public struct ClassifierTest: Sendable {
  /// Settings; CaloChallenge uses hidden 2048, 50 epochs, batch 1000, lr 2e-4.
  public struct Configuration: Sendable, Codable, Equatable {
    /// Hidden width (CaloChallenge 2048; smaller here for CPUs).
    public var hidden = 256
    /// Hidden-to-hidden layers (CaloChallenge 2).
    public var layers = 2
    /// Training epochs (CaloChallenge 50).
    public var epochs = 50
    /// Mini-batch size.
    public var batchSize = 1000
    /// Adam learning rate.
    public var learningRate = 2e-4
    /// Fractions of each class for training and test; the rest validates.
    public var trainFraction = 0.6
    /// Test fraction (calibration and epoch choice).
    public var testFraction = 0.2
    /// Seed of shuffling and initialisation.
    public var seed: UInt64 = 7
    /// The defaults above.
    public init() {}
  }

  /// Outcome on the validation split.
  public struct Result: Sendable, Codable, Equatable {
    /// ROC AUC of the calibrated output (0.5: indistinguishable, 1: separable).
    public var auc: Double
    /// `(ln 2 − BCE) / ln 2` of the calibrated output (0: indistinguishable, 1: separable).
    public var jsd: Double
    /// Epoch kept (1-based).
    public var epoch: Int
    /// Test accuracy of that epoch.
    public var testAccuracy: Double
  }

  /// Settings.
  public var configuration: Configuration

  /// Creates a test.
  public init(configuration: Configuration = .init()) { self.configuration = configuration }

  /// Trains and evaluates the classifier.
  ///
  /// - Parameters:
  ///   - reference, candidate: Row-major inputs, `count * dimension` values each (normalise them);
  ///     `Float` rows (the low-level inputs) avoid a Double copy.
  ///   - dimension: Input width.
  /// - Throws: `ValidationError.invalidInput` for too few rows or a libtorch failure.
  public func run<Value: BinaryFloatingPoint & Sendable>(
    reference: [Value], candidate: [Value], dimension d: Int
  ) throws(ValidationError) -> Result {
    let c = configuration
    let nr = reference.count / d, nc = candidate.count / d
    guard nr >= 10, nc >= 10 else {
      throw ValidationError(
        .invalidInput, "the classifier needs at least 10 showers per sample", context: "classifier")
    }
    var rng = SplitMix64(seed: c.seed)
    func split(_ n: Int) -> ([Int], [Int], [Int]) {
      let order = (0..<n).shuffled(using: &rng)
      let train = Int(Double(n) * c.trainFraction), test = Int(Double(n) * c.testFraction)
      return (Array(order[..<train]), Array(order[train..<(train + test)]), Array(order[(train + test)...]))
    }
    let (rTrain, rTest, rValid) = split(nr), (cTrain, cTest, cValid) = split(nc)
    // Rows as (sample, index) with label 1 for the reference.
    func rows(_ r: [Int], _ s: [Int]) -> [(Bool, Int)] { r.map { (true, $0) } + s.map { (false, $0) } }
    let train = rows(rTrain, cTrain), test = rows(rTest, cTest), valid = rows(rValid, cValid)
    do {
      return try Self.train(c, reference, candidate, d, train, test, valid, &rng)
    } catch {
      throw ValidationError(.invalidInput, "classifier training failed: \(error)", context: "classifier")
    }
  }
}
