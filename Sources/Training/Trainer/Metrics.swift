/// Loss terms of one training batch. Each array is `[realness, energy, angle, ecal, total]`.
public struct StepMetrics: Sendable, Equatable, Codable {
  /// D update on real showers.
  public var discriminatorReal: [Double]
  /// D update on generated showers.
  public var discriminatorFake: [Double]
  /// Mean over the G updates.
  public var generator: [Double]
  /// Whether every generated shower of the batch was empty.
  public var generatedEmpty: Bool

  /// Whether every loss value is finite.
  public var isFinite: Bool {
    (discriminatorReal + discriminatorFake + generator).allSatisfy(\.isFinite)
  }
}

/// One line of `metrics.jsonl`: a training-batch summary or an epoch's validation.
public struct MetricsRecord: Sendable, Equatable, Codable {
  /// `train` (a batch) or `validation` (an epoch).
  public var kind: String
  /// Epoch (0-based).
  public var epoch: Int
  /// Batches trained in total when the record was written.
  public var step: Int
  /// Seconds since this process started training.
  public var elapsed: Double
  /// Showers per second of training over the last interval (train records).
  public var showersPerSecond: Double?
  /// `[realness, energy, angle, ecal, total]` for D on real showers.
  public var discriminatorReal: [Double]
  /// The same for D on generated showers.
  public var discriminatorFake: [Double]
  /// The same for G (target real).
  public var generator: [Double]
  /// Validation showers evaluated (validation records).
  public var showers: Int?
}
