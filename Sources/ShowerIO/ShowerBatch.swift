/// A batch of showers in memory, in CaloTwin's internal units (MeV, radians).
///
/// Cells are stored flat and row-major: shower `i` occupies
/// `cells[i * cellsPerShower ..< (i + 1) * cellsPerShower]`. For the CaloTwin and 3DGAN layouts
/// `cellShape` is `[51, 51, 25]` (x, y, layer; layer 0 at the front); for CaloChallenge it is
/// `[voxels]` in the file's voxel order.
///
/// ```swift
/// var batch = ShowerBatch(cellShape: [51, 51, 25])
/// batch.append(cells: deposits, energy: 10_000, theta: .pi / 2, pdgID: 11)
/// ```
public struct ShowerBatch: Sendable, Equatable {
  /// Shape of one shower's cell array, for example `[51, 51, 25]`.
  public var cellShape: [Int]
  /// Deposited energy per cell in MeV, `count * cellsPerShower` values, row-major.
  public var cells: [Float]
  /// Primary energy of each shower in MeV.
  public var energy: [Double]
  /// Polar angle of incidence of each shower in radians (π/2 = normal incidence).
  public var theta: [Double]
  /// PDG code of each primary (11 = e−, −11 = e+, 22 = γ); 0 when the file does not say.
  public var pdgID: [Int32]
  /// Optional per-shower scalars by dataset name: `E_si`, `E_abs`, `E_other` (MeV), `cpu_s` (s).
  public var extras: [String: [Double]]

  /// Creates an empty batch for showers of the given cell shape.
  public init(cellShape: [Int]) {
    self.cellShape = cellShape
    cells = []
    energy = []
    theta = []
    pdgID = []
    extras = [:]
  }

  /// Number of cells in one shower: the product of `cellShape`.
  public var cellsPerShower: Int { cellShape.reduce(1, *) }

  /// Number of showers in the batch.
  public var count: Int { energy.count }

  /// Appends one shower.
  ///
  /// - Parameters:
  ///   - cells: Cell energies in MeV; `cellsPerShower` values (precondition).
  ///   - energy: Primary energy in MeV.
  ///   - theta: Polar angle in radians.
  ///   - pdgID: PDG code of the primary.
  ///   - extras: Per-shower scalars; every shower of a batch must carry the same keys.
  public mutating func append(
    cells shower: [Float], energy: Double, theta: Double, pdgID: Int32,
    extras values: [String: Double] = [:]
  ) {
    precondition(
      shower.count == cellsPerShower, "shower has \(shower.count) cells, expected \(cellsPerShower)")
    precondition(count == 0 || Set(values.keys) == Set(extras.keys), "extras keys differ between showers")
    cells.append(contentsOf: shower)
    self.energy.append(energy)
    self.theta.append(theta)
    self.pdgID.append(pdgID)
    for (key, value) in values { extras[key, default: []].append(value) }
  }

  /// The cells of shower `index`, in MeV.
  public func shower(_ index: Int) -> ArraySlice<Float> {
    let n = cellsPerShower
    return cells[index * n..<(index + 1) * n]
  }

  /// Total deposited energy of each shower in MeV (sum over its cells, in Double).
  public var totalEnergies: [Double] {
    let n = cellsPerShower
    return (0..<count).map { i in
      var sum = 0.0
      for v in cells[i * n..<(i + 1) * n] { sum += Double(v) }
      return sum
    }
  }
}
