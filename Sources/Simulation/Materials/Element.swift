internal import Foundation

/// A chemical element with the data the physics tables need.
///
/// Photo-absorption uses the Sandia parametrisation (Biggs & Lighthill, SAND-0070, as in
/// Geant4's `G4StaticSandiaData.hh`), from 0.5 keV upwards.
public struct Element: Sendable, Equatable {
  /// Chemical symbol, for example "W".
  public let symbol: String
  /// Atomic number.
  public let z: Int
  /// Molar mass, g/mol.
  public let molarMass: Double
  /// Mean excitation energy, MeV.
  public let meanExcitation: Double
  /// Sandia intervals: (left edge in keV, a1…a4 in cm² keV^n / g) with
  /// σ/ρ = a1/E + a2/E² + a3/E³ + a4/E⁴.
  let sandia: [(Double, Double, Double, Double, Double)]
  /// Absorption edges used as photo-electron binding energies, MeV, descending.
  let edges: [Double]

  public static func == (a: Element, b: Element) -> Bool { a.symbol == b.symbol }

  /// Photo-absorption cross-section per atom at photon energy `energy` (MeV), mm².
  @inline(__always)
  func photoCrossSection(energy: Double) -> Double {
    let e = energy * 1000  // keV
    // The last interval whose left edge is ≤ e, else the first (a backward scan, no closure).
    var k = sandia.count - 1
    guard k >= 0 else { return 0 }
    while k > 0, sandia[k].0 > e { k -= 1 }
    let row = sandia[k]
    let e2 = e * e
    let massAtt = row.1 / e + row.2 / e2 + row.3 / (e2 * e) + row.4 / (e2 * e2)  // cm²/g
    return max(0, massAtt) * molarMass / PhysicsConstants.avogadro * 100  // mm²
  }

  /// Binding energy (MeV) of the shell that absorbs a photon of `energy` MeV.
  func bindingEnergy(photon energy: Double) -> Double {
    edges.first(where: { $0 < energy }) ?? 0
  }

  /// The elements known by symbol.
  public static let table: [String: Element] = {
    var t: [String: Element] = [:]
    for e in ElementData.all { t[e.symbol] = e }
    return t
  }()
}
