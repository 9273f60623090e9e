/// `model-card.json` of a model directory: what the model is, what it accepts and where it came from.
///
/// Units are stated in the card (`units`) and in the field names: MeV and radians.
public struct ModelCard: Sendable, Equatable, Codable {
  /// One data file the model was trained on.
  public struct DataFile: Sendable, Equatable, Codable {
    /// Path as the training config named it.
    public var path: String
    /// SHA-256 of the file's bytes, lower-case hex (nil for in-memory or synthetic data).
    public var sha256: String?

    /// A file and its hash.
    public init(path: String, sha256: String?) {
      self.path = path
      self.sha256 = sha256
    }
  }

  /// Card format; `calotwin-model/1`.
  public var format = ModelCard.currentFormat
  /// Model kind, `3dgan`.
  public var kind = "3dgan"
  /// Cells of one shower (x, y, layer).
  public var cellShape: [Int]
  /// Detector geometry of the training data, as the data files recorded it (JSON text), when known.
  public var geometry: String?
  /// Conditions of the training data (MeV, radians); others are refused unless extrapolation is allowed.
  public var conditions: ConditionRange
  /// Pre-processing of training (power, scale, energy unit).
  public var preprocessing: GenerationPreprocessing
  /// Units of the showers and conditions.
  public var units = ["cells": "MeV", "energy": "MeV", "theta": "rad"]
  /// The training run's output folder.
  public var trainingOutput: String
  /// The training step of the weights.
  public var trainingStep: Int
  /// The training seed.
  public var trainingSeed: UInt64
  /// The data files with their SHA-256 (`syntheticShowers` runs list none).
  public var data: [DataFile]

  /// The format this version writes and reads.
  public static let currentFormat = "calotwin-model/1"

  /// A card.
  public init(
    cellShape: [Int], geometry: String?, conditions: ConditionRange, preprocessing: GenerationPreprocessing,
    trainingOutput: String, trainingStep: Int, trainingSeed: UInt64, data: [DataFile]
  ) {
    self.cellShape = cellShape
    self.geometry = geometry
    self.conditions = conditions
    self.preprocessing = preprocessing
    self.trainingOutput = trainingOutput
    self.trainingStep = trainingStep
    self.trainingSeed = trainingSeed
    self.data = data
  }
}
