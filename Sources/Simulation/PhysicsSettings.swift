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
  /// Angular model of multiple scattering per step.
  public var scatteringModel: ScatteringModel = .wentzel
  /// Factor on 1/λ1 (1 = screened Rutherford with Molière screening). The default 1.5 is tuned so
  /// that R90 and the central-cell fractions match Geant4 (it stands in for the Mott correction
  /// at high Z and the shape of the condensed-step angular distribution).
  public var scatteringScale: Double = 1.5
  /// Energy-loss straggling in active slices.
  public var straggling: Bool = true

  public init() {}

  /// How the polar deflection of a condensed step is drawn.
  public enum ScatteringModel: String, Codable, Sendable {
    /// Gaussian in θ with the Highland–Lynch–Dahl width for the step (central 98 %).
    case highland
    /// Wentzel distribution matching ⟨1 − cos θ⟩ = 1 − exp(−s/λ1) (heavier tails).
    case wentzel
  }
}
