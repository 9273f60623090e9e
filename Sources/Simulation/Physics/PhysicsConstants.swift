internal import Foundation

/// Physical constants in the package's units (MeV, mm).
enum PhysicsConstants {
  /// Electron mass, MeV.
  static let electronMass = 0.51099895
  /// Classical electron radius, mm.
  static let electronRadius = 2.8179403262e-12
  /// Fine-structure constant.
  static let alpha = 1 / 137.035999084
  /// Avogadro's number, 1/mol.
  static let avogadro = 6.02214076e23
  /// ħc, MeV·mm.
  static let hbarC = 197.3269804e-12
  /// Bohr radius, mm.
  static let bohrRadius = 0.529177210903e-7
  /// 2π m_e c² r_e², MeV·mm².
  static let twoPiMc2Re2 = 2 * Double.pi * electronMass * electronRadius * electronRadius
  /// Scale energy E_s = m_e c² √(4π/α) of the Molière radius, MeV.
  static let scaleEnergy = 21.2052
}
