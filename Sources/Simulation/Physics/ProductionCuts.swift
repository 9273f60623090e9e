/// Production thresholds of one material, converted from a range cut.
///
/// Electrons: the kinetic energy whose CSDA range equals the cut. Photons: the energy whose
/// absorption length (5 mean free paths, as Geant4's G4RToEConvForGamma) equals the cut.
/// Both are at least 990 eV, Geant4's lower edge.
public struct ProductionCuts: Sendable {
  /// δ-ray threshold, kinetic energy in MeV.
  public let electron: Double
  /// Bremsstrahlung-photon threshold, MeV.
  public let photon: Double
}
