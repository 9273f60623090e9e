/// Transport and physics settings. Lengths in mm.
///
/// The defaults follow Geant4's standard EM option 0 where it has an equivalent (range cut 0.7 mm,
/// electron step function 0.2 / 1 mm, 1 keV lowest electron energy).
public struct PhysicsSettings: Codable, Sendable, Equatable {
  /// Production cut as a range, mm.
  public var rangeCut: Double = 0.7
  /// Step function: at most this fraction of the range per step …
  public var rangeFraction: Double = 0.2
  /// … until the range falls below this, mm.
  public var finalRange: Double = 1.0
  /// Multiple-scattering step limit in transport mean free paths λ1.
  public var scatteringStepFactor: Double = 0.5
  /// Electrons and positrons below this kinetic energy deposit on the spot, MeV.
  public var trackingCut: Double = 1e-3
  /// Photons below this energy deposit on the spot, MeV.
  public var photonTrackingCut: Double = 1e-3
  /// Range rejection: charged particles whose range is below the distance to the slice
  /// boundary deposit on the spot.
  public var rangeRejection: Bool = true
  /// Energy-loss straggling in active slices.
  public var straggling: Bool = true

  public init() {}
}
