internal import Foundation

/// Every per-material table the transport reads, built once per run: stopping powers, ranges,
/// cross-sections, transport mean free paths and the production cuts.
///
/// The transport reads an interleaved copy (`hot`, 12 values per energy node) so that one step
/// touches one cache line and no reference counting happens in the inner loop.
final class MaterialTables: @unchecked Sendable {
  /// Columns of the interleaved table.
  enum Column {
    static let dedx = 0  // + particle (0 e−, 1 e+)
    static let range = 2  // + particle
    static let ionisation = 4  // + particle
    static let brem = 6
    static let annihilation = 7
    static let inverseLambda1 = 8
    static let compton = 9
    static let photo = 10
    static let pair = 11
    static let count = 12
  }

  /// Interleaved tables, `EnergyGrid.count * Column.count` values; owned, freed in deinit.
  let hot: UnsafeMutablePointer<Double>
  /// Kinetic energy of every grid node (`EnergyGrid.energy`), for the range inversion.
  let nodeEnergy: UnsafeMutablePointer<Double>

  let material: Material
  let cuts: ProductionCuts
  let brem: Bremsstrahlung
  let pair: PairProduction
  let photo: Photoelectric
  /// Restricted dE/dx (MeV/mm) and CSDA range (mm) with it, electrons [0] and positrons [1].
  let dedx: [EnergyTable]
  let range: [EnergyTable]
  /// δ-ray cross-sections (1/mm), electrons [0] and positrons [1].
  let sigmaIonisation: [EnergyTable]
  let sigmaBrem: EnergyTable
  let sigmaAnnihilation: EnergyTable
  let inverseLambda1: EnergyTable
  let sigmaCompton: EnergyTable
  let sigmaPhoto: EnergyTable
  let sigmaPair: EnergyTable
  /// Radiation length, mm.
  let radiationLength: Double

  init(material: Material, rangeCut: Double) {
    self.material = material
    let ion = Ionisation(material: material)
    let brem = Bremsstrahlung(material: material)
    let pair = PairProduction(material: material)
    let photo = Photoelectric(material: material)
    self.brem = brem
    self.pair = pair
    self.photo = photo
    radiationLength = material.radiationLength
    let ne = material.electronDensity
    let compton = EnergyTable { ne * Compton.crossSectionPerElectron(photon: $0) }
    let photoTable = EnergyTable { photo.crossSection(photon: $0) }
    let pairTable = EnergyTable { pair.crossSection(photon: $0) }
    cuts = MaterialTables.convert(
      rangeCut: rangeCut, ion: ion, brem: brem,
      photonAttenuation: { compton($0) + photoTable($0) + pairTable($0) })
    let c = cuts
    dedx = [false, true].map { positron in
      EnergyTable {
        ion.restrictedLoss(kinetic: $0, cut: c.electron, positron: positron)
          + brem.restrictedLoss(kinetic: $0, cut: c.photon)
      }
    }
    range = dedx.map { MaterialTables.rangeTable(dedx: $0) }
    sigmaIonisation = [false, true].map { positron in
      EnergyTable { ion.crossSection(kinetic: $0, cut: c.electron, positron: positron) }
    }
    sigmaBrem = EnergyTable { brem.crossSection(kinetic: $0, cut: c.photon) }
    sigmaAnnihilation = EnergyTable { ne * Annihilation.crossSectionPerElectron(kinetic: $0) }
    inverseLambda1 = EnergyTable { MultipleScattering.inverseTransportPath(kinetic: $0, material: material) }
    sigmaCompton = compton
    sigmaPhoto = photoTable
    sigmaPair = pairTable
    hot = .allocate(capacity: EnergyGrid.count * Column.count)
    nodeEnergy = .allocate(capacity: EnergyGrid.count)
    for i in 0..<EnergyGrid.count { nodeEnergy[i] = EnergyGrid.energy(i) }
    let columns: [EnergyTable] = [
      dedx[0], dedx[1], range[0], range[1], sigmaIonisation[0], sigmaIonisation[1], sigmaBrem,
      sigmaAnnihilation, inverseLambda1, sigmaCompton, sigmaPhoto, sigmaPair,
    ]
    for i in 0..<EnergyGrid.count {
      for (c, table) in columns.enumerated() { hot[i * Column.count + c] = table.values[i] }
    }
  }

  deinit {
    hot.deallocate()
    nodeEnergy.deallocate()
  }

  /// Linear interpolation of column `c` at node `i`, fraction `f`.
  @inline(__always)
  func lookup(_ c: Int, _ i: Int, _ f: Double) -> Double {
    MaterialTables.lookup(hot, c, i, f)
  }

  /// `lookup` on a bare `hot` pointer (no reference to the tables object to retain).
  @inline(__always)
  static func lookup(_ hot: UnsafeMutablePointer<Double>, _ c: Int, _ i: Int, _ f: Double) -> Double {
    let a = hot[i * Column.count + c]
    let b = hot[(i + 1) * Column.count + c]
    return a + f * (b - a)
  }

  /// CSDA range table for a stopping-power table.
  static func rangeTable(dedx: EnergyTable) -> EnergyTable {
    var r = [Double](repeating: 0, count: EnergyGrid.count)
    let e0 = EnergyGrid.energy(0)
    r[0] = 0.5 * e0 / max(dedx.values[0], 1e-30)
    for i in 1..<EnergyGrid.count {
      let ea = EnergyGrid.energy(i - 1)
      let eb = EnergyGrid.energy(i)
      let fa = ea / max(dedx.values[i - 1], 1e-30)
      let fb = eb / max(dedx.values[i], 1e-30)
      r[i] = r[i - 1] + 0.5 * (fa + fb) * EnergyGrid.step
    }
    var t = EnergyTable { _ in 0 }
    t.values = r
    return t
  }

  /// Converts the range cut into energy thresholds.
  static func convert(
    rangeCut: Double, ion: Ionisation, brem: Bremsstrahlung,
    photonAttenuation: (Double) -> Double
  ) -> ProductionCuts {
    let lowest = 990e-6
    let full = EnergyTable {
      ion.restrictedLoss(kinetic: $0, cut: $0, positron: false) + brem.restrictedLoss(kinetic: $0, cut: $0)
    }
    let csda = rangeTable(dedx: full)
    var electron = lowest
    if let i = csda.values.firstIndex(where: { $0 >= rangeCut }), i > 0 {
      let f = (rangeCut - csda.values[i - 1]) / (csda.values[i] - csda.values[i - 1])
      electron = max(lowest, exp(EnergyGrid.lnMin + (Double(i - 1) + f) * EnergyGrid.step))
    }
    // Photons: scan down from 10 MeV for the highest energy with 5/μ <= cut.
    var photon = lowest
    var e = 10.0
    while e > lowest {
      if 5 / photonAttenuation(e) <= rangeCut {
        photon = e
        break
      }
      e *= 0.99
    }
    return ProductionCuts(electron: electron, photon: max(lowest, photon))
  }

  /// Kinetic energy (MeV) whose range is `r` in the table of particle `p` (0 e−, 1 e+).
  ///
  /// `hint` is a node near the answer (the node of the energy before the step): the search walks
  /// from there to the unique node `lo` with range[lo] ≤ r < range[lo + 1] (the range table is
  /// non-decreasing), the node a bisection finds, in a few steps instead of nine.
  @inline(__always)
  func energy(range r: Double, particle p: Int, hint: Int) -> Double {
    energyAndNode(range: r, particle: p, hint: hint).energy
  }

  /// `energy(range:particle:hint:)` with the grid node and fraction of the result (what
  /// `EnergyGrid.locate` gives for it, without its logarithm); node −1 below the first node.
  @inline(__always)
  func energyAndNode(range r: Double, particle p: Int, hint: Int) -> (
    energy: Double, node: Int, fraction: Double
  ) {
    let c = Column.range + p
    let n = Column.count
    let v0 = hot[c]
    if r <= v0 { return (EnergyGrid.minEnergy * r / v0, -1, 0) }
    let last = EnergyGrid.count - 2
    var lo = min(max(hint, 0), last)
    while lo > 0, hot[lo * n + c] > r { lo -= 1 }
    while lo < last, hot[(lo + 1) * n + c] <= r { lo += 1 }
    let a = hot[lo * n + c]
    let f = (r - a) / (hot[(lo + 1) * n + c] - a)
    // exp(lnMin + (lo + f) step) = E(lo) · e^y, y = f · step ≤ 0.046 inside the table: Taylor to
    // y⁶ (error below y⁷/7! = 5e-14 relative) instead of a libm exp; beyond the last node, exp.
    let y = f * EnergyGrid.step
    let ey =
      f <= 1 ? 1 + y * (1 + y / 2 * (1 + y / 3 * (1 + y / 4 * (1 + y / 5 * (1 + y / 6))))) : exp(y)
    return (nodeEnergy[lo] * ey, lo, f)
  }
}
