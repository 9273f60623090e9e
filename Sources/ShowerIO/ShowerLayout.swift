/// The dataset layouts of shower files that ShowerIO reads.
///
/// - `caloTwin`: CaloTwin's own layout (also the Geant4 reference sample). `ECAL` float32
///   `[N, 51, 51, 25]` in MeV with a `unit = "MeV"` attribute (on `ECAL` or the file), `energy`
///   `[N]` in GeV, `theta` `[N]` in rad, `pdgID` `[N]`, optional float64 `E_si`, `E_abs`,
///   `E_other` (MeV) and `cpu_s` (s).
/// - `lcd`: the CLIC LCD files that 3DGAN was trained on. `ECAL` `[N, 51, 51, 25]` without a unit,
///   in LCD units (see `ShowerReadOptions.lcdScale`), `energy` in GeV, angle in `theta` or `mtheta`.
/// - `caloChallenge`: the Fast Calorimeter Simulation Challenge 2022. `incident_energies` `[N, 1]`
///   and `showers` `[N, voxels]`, both in MeV, float32 or float64.
public enum ShowerLayout: String, Sendable, Equatable, Codable, CaseIterable, CustomStringConvertible {
  case caloTwin
  case lcd
  case caloChallenge

  /// Human name: "CaloTwin", "LCD (3DGAN)", "CaloChallenge".
  public var description: String {
    switch self {
    case .caloTwin: "CaloTwin"
    case .lcd: "LCD (3DGAN)"
    case .caloChallenge: "CaloChallenge"
    }
  }
}
