public import Core

/// What one shower is generated for: the primary's energy and polar angle.
///
/// ```swift
/// let c = ShowerCondition(energy: 100_000, theta: .pi / 2)  // 100 GeV at normal incidence
/// ```
public struct ShowerCondition: Sendable, Equatable, Codable {
  /// Primary kinetic energy, MeV.
  public var energy: Double
  /// Polar angle, radians (π/2: normal incidence).
  public var theta: Double

  /// A condition in MeV and radians.
  public init(energy: Double, theta: Double) {
    self.energy = energy
    self.theta = theta
  }
}

/// The conditions a generator accepts: closed ranges of energy (MeV) and angle (radians).
public struct ConditionRange: Sendable, Equatable, Codable {
  /// Primary energy, MeV.
  public var energyMeV: ClosedRange<Double>
  /// Polar angle, radians.
  public var thetaRad: ClosedRange<Double>

  /// The ranges, MeV and radians.
  public init(energyMeV: ClosedRange<Double>, thetaRad: ClosedRange<Double>) {
    self.energyMeV = energyMeV
    self.thetaRad = thetaRad
  }

  /// Throws unless every condition is finite and inside the ranges.
  ///
  /// - Parameters:
  ///   - conditions: The request.
  ///   - allowExtrapolation: Accept finite conditions outside the ranges.
  ///   - remedy: What to do about a condition out of range.
  /// - Throws: `GenerationError.condition` naming the event, the value and the range.
  public func check(
    _ conditions: [ShowerCondition], allowExtrapolation: Bool,
    remedy: String = "stay inside it or pass --allow-extrapolation"
  ) throws(GenerationError) {
    for (i, c) in conditions.enumerated() {
      guard c.energy.isFinite, c.energy > 0, c.theta.isFinite else {
        throw GenerationError(
          .condition,
          "energy \(c.energy) MeV, theta \(c.theta) rad is not a finite condition with energy > 0",
          context: "event \(i)")
      }
      if allowExtrapolation { continue }
      if !energyMeV.contains(c.energy) {
        throw GenerationError(
          .condition,
          "energy \(c.energy / 1000) GeV is outside the model's range \(energyMeV.lowerBound / 1000)"
            + "...\(energyMeV.upperBound / 1000) GeV; \(remedy)",
          context: "event \(i)")
      }
      if !thetaRad.contains(c.theta) {
        throw GenerationError(
          .condition,
          "theta \(c.theta * 180 / .pi) degrees is outside the model's range "
            + "\(thetaRad.lowerBound * 180 / .pi)...\(thetaRad.upperBound * 180 / .pi) degrees; "
            + remedy,
          context: "event \(i)")
      }
    }
  }
}
