public import Core
public import Models

/// Everything `calotwin train` needs: data, pre-processing, model, optimiser, schedule and output.
///
/// Defaults are the Keras 3DGAN recipe (3dgan.md §2); a YAML file states only what it changes, and
/// unknown keys or wrong types are reported with their dotted path before anything runs:
///
/// ```yaml
/// data: {files: [showers_1.h5, showers_2.h5]}
/// model: {preset: reduced}
/// epochs: 5
/// ```
public struct TrainingConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Shower files and how showers are drawn from them.
  public var data = DataConfig()
  /// Cell threshold, ECAL-sum cut, scaling and power transform, with units.
  public var preprocessing = PreprocessingConfig()
  /// Generator and discriminator architecture.
  public var model = GANConfig()
  /// RMSprop settings, shared by the discriminator and the generator optimisers.
  public var optimizer = OptimizerConfig()
  /// Weights of the four loss terms: real/fake BCE, energy MAPE, angle MAE, ECAL-sum MAPE.
  public var lossWeights: [Double] = [3, 0.1, 25, 0.1]
  /// Showers per batch.
  public var batchSize = 64
  /// Passes over the training showers.
  public var epochs = 120
  /// Probability that a discriminator label is flipped (real ↔ fake), per shower.
  public var labelFlipProbability = 0.05
  /// Generator updates per batch (after one D step on real and one on fake).
  public var generatorStepsPerBatch = 2
  /// Abort when, after this many batches, the generated showers are all empty (Keras recipe: 10).
  public var emptyAbortAfterBatches = 10
  /// Seed of every random stream (noise, label flips, shuffling, dropout).
  public var seed: UInt64 = 1
  /// Intra-op threads of the tensor engine.
  public var threads = 1
  /// Folder for checkpoints (`checkpoints/epoch-NNN`) and `metrics.jsonl`.
  public var output = "runs/train"
  /// Stop after this many optimisation batches in total (nil: no limit).
  public var maxSteps: Int?
  /// Stop after this much wall-clock time in seconds (nil: no limit); a checkpoint is written first.
  public var maxTimeSeconds: Double?

  /// The Keras recipe.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case data, preprocessing, model, optimizer, lossWeights, batchSize, epochs, labelFlipProbability
    case generatorStepsPerBatch, emptyAbortAfterBatches, seed, threads, output, maxSteps, maxTimeSeconds
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.overlay(&data, forKey: .data)
    try c.overlay(&preprocessing, forKey: .preprocessing)
    try c.overlay(&model, forKey: .model)
    try c.overlay(&optimizer, forKey: .optimizer)
    try c.update(&lossWeights, forKey: .lossWeights)
    try c.update(&batchSize, forKey: .batchSize)
    try c.update(&epochs, forKey: .epochs)
    try c.update(&labelFlipProbability, forKey: .labelFlipProbability)
    try c.update(&generatorStepsPerBatch, forKey: .generatorStepsPerBatch)
    try c.update(&emptyAbortAfterBatches, forKey: .emptyAbortAfterBatches)
    try c.update(&seed, forKey: .seed)
    try c.update(&threads, forKey: .threads)
    try c.update(&output, forKey: .output)
    try c.update(&maxSteps, forKey: .maxSteps)
    try c.update(&maxTimeSeconds, forKey: .maxTimeSeconds)
  }
}

/// Which shower files to read and how to draw from them.
public struct DataConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Shower files (any layout `ShowerFileReader` reads), relative to the working directory.
  public var files: [String] = []
  /// Fraction of showers held out for validation, chosen per shower by a seeded hash (stable across runs
  /// and resumes).
  public var validationFraction = 0.1
  /// Keep showers with primary energy in this closed range, in MeV (nil: all).
  public var energyRangeMeV: [Double]?
  /// Keep showers with polar angle in this closed range, in radians (nil: all).
  public var thetaRange: [Double]?
  /// Showers held in the shuffle buffer; bounds memory (a 51×51×25 shower is 260 kB as Float).
  public var shuffleBuffer = 2048
  /// Showers read from a file at a time.
  public var chunkSize = 256
  /// Use at most this many showers per epoch (nil: all).
  public var maxShowers: Int?
  /// Train on this many toy showers (`SyntheticShowers`, shaped like `model.imageShape`) instead of
  /// files: for tests and demos (nil: use `files`).
  public var syntheticShowers: Int?

  /// No files, 10 % validation, no filters.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case files, validationFraction, energyRangeMeV, thetaRange, shuffleBuffer, chunkSize, maxShowers
    case syntheticShowers
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&files, forKey: .files)
    try c.update(&validationFraction, forKey: .validationFraction)
    try c.update(&energyRangeMeV, forKey: .energyRangeMeV)
    try c.update(&thetaRange, forKey: .thetaRange)
    try c.update(&shuffleBuffer, forKey: .shuffleBuffer)
    try c.update(&chunkSize, forKey: .chunkSize)
    try c.update(&maxShowers, forKey: .maxShowers)
    try c.update(&syntheticShowers, forKey: .syntheticShowers)
  }
}

/// Pre-processing of 3dgan.md §2.3 with explicit units.
///
/// Our files hold cell energies in MeV. The 3DGAN recipe works in LCD "raw" units, about 50 × GeV
/// (0.05 per MeV), and cuts raw ECAL sums at 10 (≈ 200 MeV deposited). Here the cut and threshold are in
/// MeV and `cellScalePerMeV` converts MeV to the network's cell unit: network input = (MeV · scale)^power.
public struct PreprocessingConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Cells below this deposit (MeV) are set to zero (Keras default 0).
  public var cellThresholdMeV = 0.0
  /// Showers whose total deposit is at most this (MeV) are dropped (LCD raw sum 10 ≈ 200 MeV).
  public var minTotalDepositMeV = 200.0
  /// Network cell units per MeV (LCD raw convention: 0.05, i.e. 50 per GeV).
  public var cellScalePerMeV = 0.05
  /// Primary-energy unit of the generator input and the energy head, in MeV (3DGAN: 100 GeV).
  public var energyUnitMeV = 100_000.0
  /// Angle label for the angle head: `true` (the file's θ) or `measured` (θ measured from the shower by
  /// the ECAL-angle head's algorithm, the Keras default `mtheta`).
  public var angleLabel = AngleLabel.measured

  /// Which angle the angle head is trained to reproduce.
  public enum AngleLabel: String, Sendable, Codable { case `true`, measured }

  /// The 3DGAN recipe in MeV.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable {
    case cellThresholdMeV, minTotalDepositMeV, cellScalePerMeV, energyUnitMeV, angleLabel
  }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&cellThresholdMeV, forKey: .cellThresholdMeV)
    try c.update(&minTotalDepositMeV, forKey: .minTotalDepositMeV)
    try c.update(&cellScalePerMeV, forKey: .cellScalePerMeV)
    try c.update(&energyUnitMeV, forKey: .energyUnitMeV)
    try c.update(&angleLabel, forKey: .angleLabel)
  }
}

/// RMSprop settings (Keras: lr 1e-3, ρ 0.9, ε 1e-7).
public struct OptimizerConfig: Sendable, Equatable, Codable, OverlayDecodable {
  /// Learning rate.
  public var learningRate = 1e-3
  /// Decay of the squared-gradient average (Keras ρ, PyTorch α).
  public var rho = 0.9
  /// Added to the root of the squared-gradient average.
  public var epsilon = 1e-7

  /// The Keras values.
  public init() {}

  enum CodingKeys: String, CodingKey, CaseIterable { case learningRate, rho, epsilon }

  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try c.update(&learningRate, forKey: .learningRate)
    try c.update(&rho, forKey: .rho)
    try c.update(&epsilon, forKey: .epsilon)
  }
}
