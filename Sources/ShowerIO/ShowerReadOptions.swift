/// How to interpret a shower file where the file itself does not say.
///
/// The defaults read all three layouts correctly; override only what a file needs.
///
/// ```swift
/// let reader = try ShowerFileReader(at: url, options: ShowerReadOptions(angle: .dataset("mtheta")))
/// ```
public struct ShowerReadOptions: Sendable, Equatable, Codable {
  /// Where a shower's polar angle comes from.
  public enum AngleSource: Sendable, Equatable, Codable {
    /// `theta` if present, otherwise `mtheta` (LCD's measured angle).
    case automatic
    /// The named dataset, in radians.
    case dataset(String)
    /// The same angle for every shower, in radians.
    case fixed(Double)
  }

  /// Layout to assume; `nil` detects it from the datasets (see `ShowerLayout`).
  public var layout: ShowerLayout?
  /// MeV per raw LCD `ECAL` unit. Default 20: the 3DGAN analysis divides raw cells by 50 to get
  /// GeV (raw ≈ 50 × deposited GeV), so one unit is 1000 / 50 = 20 MeV. Check against a known
  /// sample before comparing absolute energies.
  public var lcdScale: Double
  /// Angle source for CaloTwin and LCD files.
  public var angle: AngleSource
  /// Angle reported for CaloChallenge showers, which carry none: π/2 (normal incidence).
  public var caloChallengeTheta: Double

  /// Creates options; every parameter has the documented default.
  public init(
    layout: ShowerLayout? = nil, lcdScale: Double = 20, angle: AngleSource = .automatic,
    caloChallengeTheta: Double = .pi / 2
  ) {
    self.layout = layout
    self.lcdScale = lcdScale
    self.angle = angle
    self.caloChallengeTheta = caloChallengeTheta
  }
}
