extension ConversionMapping {
  /// Geant4 Par04's virtual-mesh ntuple → CaloChallenge layout (calochallenge-par04.md §A.1, §B.5).
  ///
  /// Reads `EnergyMC` and `EnergyCell`, `rhoCell`, `phiCell`, `zCell` from the single `events`
  /// ntuple (Geant4 11.0–11.1) or from `virtualReadout` + `global` (11.2 and later), and orders the
  /// voxels (z, α, r) with r fastest: `shape` is `[z, α, r]`, by default the high granularity
  /// 45 × 50 × 18 (dataset 3); use `[45, 16, 9]` for dataset 2. Energies stay as Par04 wrote them
  /// (MeV, active layers only): set `energyScale` to 1/0.033 for CaloChallenge's scaling.
  public static func par04(shape: [Int] = [45, 50, 18]) -> ConversionMapping {
    ConversionMapping(
      trees: ["events", "virtualReadout"], energyTrees: ["events", "global"], primaryEnergy: "EnergyMC",
      theta: nil, cellEnergy: "EnergyCell", indices: ["zCell", "phiCell", "rhoCell"], shape: shape,
      layout: .calochallenge, pdgID: 11)
  }

  /// A Cartesian cell ntuple → the CaloTwin shower layout.
  ///
  /// Reads `EnergyMC` (MeV), `Theta` (radians), and `EnergyCell`, `xCell`, `yCell`, `zCell` from
  /// `events`; `shape` is (x, y, layer), by default CaloTwin's 51 × 51 × 25.
  public static func cellsXYZ(shape: [Int] = [51, 51, 25]) -> ConversionMapping {
    ConversionMapping(
      trees: ["events"], energyTrees: [], primaryEnergy: "EnergyMC", theta: "Theta", cellEnergy: "EnergyCell",
      indices: ["xCell", "yCell", "zCell"], shape: shape, layout: .calotwin)
  }

  /// The preset called `name` ("par04", "cells-xyz").
  ///
  /// - Throws: `ShowerIOError.badMapping` for an unknown name, with the known ones.
  public static func preset(_ name: String) throws -> ConversionMapping {
    switch name {
    case "par04": return .par04()
    case "cells-xyz": return .cellsXYZ()
    default:
      throw ShowerIOError(
        .badMapping,
        "unknown preset '\(name)'\(ShowerIOError.didYouMean(name, in: presetNames)); presets: \(presetNames.joined(separator: ", "))"
      )
    }
  }

  /// Names accepted by ``preset(_:)``.
  public static let presetNames = ["par04", "cells-xyz"]
}
