internal import CHDF5
internal import Core

/// Which datasets hold what, and how to convert them to MeV and radians: decided once when a
/// `ShowerFileReader` opens a file, used on every read. Built and used with the HDF5 lock held.
struct ShowerReadPlan: Sendable {
  /// Where the angle comes from.
  enum Angle: Sendable { case dataset(String), fixed(Double) }

  let layout: ShowerLayout
  let count: Int
  let cellShape: [Int]
  /// `ECAL` or `showers`.
  let cells: String
  /// `true` when the cells are float32 on disk and need no scaling (read straight into `[Float]`).
  let cellsAreMeVFloat: Bool
  /// MeV per stored cell unit.
  let cellScale: Double
  /// `energy` or `incident_energies`.
  let energy: String
  /// MeV per stored energy unit (1000 for GeV).
  let energyScale: Double
  let angle: Angle
  let pdgID: String?
  let extras: [String]

  /// Optional per-shower scalars that CaloTwin files may carry.
  static let extraNames = ["E_si", "E_abs", "E_other", "cpu_s"]

  init(file: HDF5File, fileAttributes: [String: String], options: ShowerReadOptions) throws(ShowerIOError) {
    let names = file.datasetNames()
    if let forced = options.layout {
      layout = forced
    } else {
      layout = try Self.detect(file: file, names: names, fileAttributes: fileAttributes)
    }
    switch layout {
    case .caloChallenge:
      cells = "showers"
      energy = "incident_energies"
      energyScale = 1
    case .caloTwin, .lcd:
      cells = "ECAL"
      energy = "energy"
      energyScale = Units.mevPerGeV
    }
    let cellsDataset = try file.openDataset(cells)
    let shape = try file.shape(of: cellsDataset, name: cells)
    let expectedRank = layout == .caloChallenge ? 2 : 4
    guard shape.count == expectedRank else {
      let expected = layout == .caloChallenge ? "[N, voxels]" : "[N, x, y, layers] such as [N, 51, 51, 25]"
      throw ShowerIOError(
        .wrongShape, "expected shape \(expected) for the \(layout) layout, found \(shape)",
        file: file.path, dataset: cells)
    }
    guard file.isNumeric(cellsDataset) else {
      throw ShowerIOError(
        .wrongType, "expected float32 or float64 cells, found \(file.dtype(of: cellsDataset))",
        file: file.path, dataset: cells)
    }
    count = shape[0]
    cellShape = Array(shape.dropFirst())
    cellScale = layout == .lcd ? options.lcdScale : 1
    cellsAreMeVFloat = cellScale == 1 && file.dtype(of: cellsDataset) == "float32"

    try Self.checkPerShower(energy, in: file, count: count, cells: cells)
    switch (layout, options.angle) {
    case (.caloChallenge, _):
      angle = .fixed(options.caloChallengeTheta)
    case (_, .fixed(let theta)):
      angle = .fixed(theta)
    case (_, .dataset(let name)):
      try Self.checkPerShower(name, in: file, count: count, cells: cells)
      angle = .dataset(name)
    case (_, .automatic):
      let name = names.contains("theta") ? "theta" : names.contains("mtheta") ? "mtheta" : "theta"
      try Self.checkPerShower(name, in: file, count: count, cells: cells)
      angle = .dataset(name)
    }
    if names.contains("pdgID") {
      try Self.checkPerShower("pdgID", in: file, count: count, cells: cells)
      pdgID = "pdgID"
    } else {
      pdgID = nil
    }
    var extras: [String] = []
    for name in Self.extraNames where names.contains(name) {
      try Self.checkPerShower(name, in: file, count: count, cells: cells)
      extras.append(name)
    }
    self.extras = extras
  }

  /// Checks that dataset `name` holds one number per shower: shape `[count]` or `[count, 1]`.
  private static func checkPerShower(
    _ name: String, in file: HDF5File, count: Int, cells: String
  ) throws(ShowerIOError) {
    let dataset = try file.openDataset(name)
    let shape = try file.shape(of: dataset, name: name)
    guard shape == [count] || shape == [count, 1] else {
      throw ShowerIOError(
        .wrongShape,
        "expected shape [\(count)] (one value per shower in '\(cells)'), found \(shape); "
          + "the file is inconsistent, regenerate it",
        file: file.path, dataset: name)
    }
    guard file.isNumeric(dataset) else {
      throw ShowerIOError(
        .wrongType, "expected numbers, found \(file.dtype(of: dataset))", file: file.path, dataset: name)
    }
  }

  /// Reads rows `range` (already checked against `count`).
  func read(_ range: Range<Int>, from file: HDF5File) throws(ShowerIOError) -> ShowerBatch {
    var batch = ShowerBatch(cellShape: cellShape)
    let shape = [count] + cellShape
    let dataset = try file.openDataset(cells)
    if cellsAreMeVFloat {
      batch.cells = try file.readRows(
        dataset, name: cells, shape: shape, rows: range, memoryType: swh5_native_float(), zero: Float(0))
    } else {
      let raw = try file.readRows(
        dataset, name: cells, shape: shape, rows: range, memoryType: swh5_native_double(), zero: 0.0)
      let scale = cellScale
      batch.cells = raw.map { Float($0 * scale) }
    }
    (batch.energy, batch.theta) = try conditions(range, from: file)
    if let pdgID {
      let dataset = try file.openDataset(pdgID)
      batch.pdgID = try file.readRows(
        dataset, name: pdgID, shape: try file.shape(of: dataset, name: pdgID), rows: range,
        memoryType: swh5_native_int32(), zero: Int32(0))
    } else {
      batch.pdgID = Array(repeating: 0, count: range.count)
    }
    for name in extras { batch.extras[name] = try column(name, range, file) }
    return batch
  }

  /// Incident energies (MeV) and angles (rad) of rows `range`, without the cells.
  func conditions(_ range: Range<Int>, from file: HDF5File) throws(ShowerIOError) -> (
    energy: [Double], theta: [Double]
  ) {
    let scale = energyScale
    let energies = try column(energy, range, file).map { $0 * scale }
    switch angle {
    case .dataset(let name): return (energies, try column(name, range, file))
    case .fixed(let theta): return (energies, Array(repeating: theta, count: range.count))
    }
  }

  /// Rows `range` of a per-shower dataset (shape `[N]` or `[N, 1]`) as Double.
  private func column(_ name: String, _ range: Range<Int>, _ file: HDF5File) throws(ShowerIOError) -> [Double]
  {
    let dataset = try file.openDataset(name)
    return try file.readRows(
      dataset, name: name, shape: try file.shape(of: dataset, name: name), rows: range,
      memoryType: swh5_native_double(), zero: 0.0)
  }
}
