public import Core
public import ShowerIO

/// One inference interface for every backend (Par04-style): conditions in, showers out.
///
/// Showers come in the CaloTwin layout (`cellShape`, cells in MeV), with the requested energy (MeV)
/// and angle (radians) recorded per shower. Equal seeds give equal showers. Event `firstEvent + i` of
/// a request uses the backend's random stream `firstEvent + i`, so a request split into batches gives
/// the same showers as one request.
///
/// ```swift
/// let mc: any ShowerGenerator = try MonteCarloGenerator(geometry: .clicLike, seed: 1)
/// let batch = try mc.generate([ShowerCondition(energy: 10_000, theta: .pi / 2)], seed: 1)
/// ```
public protocol ShowerGenerator {
  /// Shape of one shower's cells, for example `[51, 51, 25]`.
  var cellShape: [Int] { get }
  /// The conditions this generator accepts (MeV, radians).
  var conditionRange: ConditionRange { get }

  /// Generates one shower per condition.
  ///
  /// - Parameters:
  ///   - conditions: Energies (MeV) and angles (radians), one per shower.
  ///   - seed: Seed of the random streams.
  ///   - firstEvent: Index of the first shower in the whole request (its random stream).
  /// - Returns: `conditions.count` showers of shape `cellShape`, MeV.
  /// - Throws: `GenerationError` for conditions outside `conditionRange` or a failing engine.
  func generate(_ conditions: [ShowerCondition], seed: UInt64, firstEvent: Int) throws(GenerationError)
    -> ShowerBatch

  /// Throws for conditions this generator refuses (by default: outside `conditionRange` or not finite).
  func checkConditions(_ conditions: [ShowerCondition]) throws(GenerationError)
}

extension ShowerGenerator {
  public func checkConditions(_ conditions: [ShowerCondition]) throws(GenerationError) {
    try conditionRange.check(conditions, allowExtrapolation: false)
  }

  /// `generate(_:seed:firstEvent:)` from event 0.
  public func generate(_ conditions: [ShowerCondition], seed: UInt64) throws(GenerationError) -> ShowerBatch {
    try generate(conditions, seed: seed, firstEvent: 0)
  }
}
