/// CaloTwin's units and the conversions at its edges.
///
/// Inside the code and in memory everything is in Geant4's units: MeV, mm, ns, radians. Command lines take
/// GeV and degrees; the CaloTwin and LCD file layouts store incident energies in GeV. Each such edge converts
/// through these, so a factor is written once.
///
/// ```swift
/// let energy = Units.mev(fromGeV: 100)  // 100_000 MeV
/// ```
public enum Units {
  /// MeV per GeV.
  public static let mevPerGeV = 1000.0
  /// Radians per degree.
  public static let radiansPerDegree = Double.pi / 180

  /// MeV from GeV.
  @inlinable public static func mev(fromGeV gev: Double) -> Double { gev * mevPerGeV }
  /// GeV from MeV.
  @inlinable public static func gev(fromMeV mev: Double) -> Double { mev / mevPerGeV }
  /// Radians from degrees (as `degrees * π / 180`, the rounding files were always written with).
  @inlinable public static func radians(fromDegrees degrees: Double) -> Double { degrees * Double.pi / 180 }
  /// Degrees from radians.
  @inlinable public static func degrees(fromRadians radians: Double) -> Double { radians * 180 / Double.pi }
}
