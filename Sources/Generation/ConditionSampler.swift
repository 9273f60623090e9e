public import Core
public import Foundation
public import ShowerIO

/// The conditions of a request: fixed or uniform in ranges (seeded), or taken from a shower file.
public enum ConditionSampler {
  /// `count` conditions, energy and angle each uniform in its range (fixed when the range is one value).
  ///
  /// Condition i draws from `RandomStream(seed:, stream: 2, index: i)`: energy first, then angle; a fixed
  /// value draws nothing.
  ///
  /// - Parameters:
  ///   - count: Number of conditions.
  ///   - energyMeV: Energy range, MeV.
  ///   - thetaRad: Angle range, radians.
  ///   - seed: Seed of the draws.
  public static func uniform(
    count: Int, energyMeV: ClosedRange<Double>, thetaRad: ClosedRange<Double>, seed: UInt64
  ) -> [ShowerCondition] {
    (0..<count).map { i in
      var rng = RandomStream(seed: seed, stream: 2, index: UInt64(i))
      func draw(_ r: ClosedRange<Double>) -> Double {
        r.lowerBound == r.upperBound
          ? r.lowerBound : r.lowerBound + (r.upperBound - r.lowerBound) * rng.uniform()
      }
      let e = draw(energyMeV)
      return ShowerCondition(energy: e, theta: draw(thetaRad))
    }
  }

  /// The energy and angle of each shower of a shower file (any layout `ShowerFileReader` reads), so that
  /// generated and simulated samples pair up.
  ///
  /// - Parameters:
  ///   - url: The shower file.
  ///   - count: Take the first `count` showers (nil: all).
  /// - Throws: `GenerationError.condition` naming the file when it cannot be read or holds fewer showers.
  public static func fromFile(_ url: URL, count: Int? = nil) throws(GenerationError) -> [ShowerCondition] {
    do {
      let reader = try ShowerFileReader(at: url)
      let n = count ?? reader.count
      guard n <= reader.count else {
        throw GenerationError(
          .condition, "the file holds \(reader.count) showers but \(n) events were asked for; lower --events",
          context: url.path)
      }
      let (energy, theta) = try reader.readConditions(0..<n)
      return zip(energy, theta).map { ShowerCondition(energy: $0, theta: $1) }
    } catch let error as GenerationError {
      throw error
    } catch let error as any CaloTwinError {
      throw GenerationError(
        .condition, "cannot read the conditions: \(error.report)", context: url.path)
    } catch {
      throw GenerationError(.condition, "cannot read the conditions: \(error)", context: url.path)
    }
  }
}

extension ShowerGenerator {
  /// Generates `conditions` in batches of `batchSize`, handing each batch to `consume` in order.
  ///
  /// Shower i of `conditions` is event i of the request (its batch starts at `firstEvent`), so the
  /// showers do not depend on `batchSize` (up to the engine's float rounding for the GAN). All conditions are checked against `conditionRange` first
  /// (`checkConditions`), so nothing is consumed for a request that fails there.
  ///
  /// - Parameters:
  ///   - conditions: The request.
  ///   - seed: Seed of the random streams.
  ///   - batchSize: Showers per call of `generate` (≥ 1).
  ///   - consume: Receives each batch (for example a file writer's `append`).
  public func generate(
    _ conditions: [ShowerCondition], seed: UInt64, batchSize: Int, consume: (ShowerBatch) throws -> Void
  ) throws {
    precondition(batchSize >= 1, "batchSize must be at least 1")
    try checkConditions(conditions)
    var start = 0
    while start < conditions.count {
      let end = min(conditions.count, start + batchSize)
      try consume(try generate(Array(conditions[start..<end]), seed: seed, firstEvent: start))
      start = end
    }
  }
}
