public import Core

/// How `calotwin convert` turns a ROOT ntuple of sparse cells into dense showers.
///
/// A shower is one tree entry: its primary energy, optional angle, and a list of hit cells given by
/// one energy branch and one index branch per axis. Cells are summed into a dense array of shape
/// `shape`, indexed by the index branches in order (the first the slowest), so
/// `indices: ["zCell", "phiCell", "rhoCell"]` with `shape: [45, 50, 18]` gives CaloChallenge's
/// (z, α, r) voxel order. A YAML mapping states only what differs from these defaults:
///
/// ```yaml
/// tree: events
/// cellEnergy: EnergyCell
/// indices: [zCell, phiCell, rhoCell]
/// shape: [45, 50, 18]
/// layout: calochallenge
/// ```
public struct ConversionMapping: Codable, Sendable, Equatable, OverlayDecodable {
  /// Output layout of the showers.
  public enum Layout: String, Codable, Sendable, CaseIterable {
    /// CaloTwin's shower layout: `cellShape` = `shape` (x, y, layer).
    case calotwin
    /// CaloChallenge: one flat voxel vector per shower, `cellShape` = `[shape.product]`.
    case calochallenge
  }

  /// Candidate names of the tree holding the cells; the first one present is used
  /// ("events", or Par04 ≥ 11.2's "virtualReadout").
  public var trees: [String]
  /// Candidate names of the tree holding the primary energy and angle; empty means the cell tree.
  public var energyTrees: [String]
  /// Branch with the primary energy of each event.
  public var primaryEnergy: String
  /// Branch with the polar angle of each event, or nil to use `defaultTheta`.
  public var theta: String?
  /// Branch with the cell energies (a vector per event).
  public var cellEnergy: String
  /// Branches with the cell indices, one per axis of `shape`, slowest first.
  public var indices: [String]
  /// Dense shape, one extent per index branch.
  public var shape: [Int]
  /// Output layout.
  public var layout: Layout
  /// Factor turning stored cell energies into MeV (1 for Geant4, 1000 for GeV; 1/0.033 applies
  /// CaloChallenge's sampling-fraction scaling to Par04 energies).
  public var energyScale: Double
  /// Factor turning the stored primary energy into MeV.
  public var primaryEnergyScale: Double
  /// Factor turning the stored angle into radians (π/180 for degrees).
  public var angleScale: Double
  /// Angle in radians used when `theta` is nil (π/2 = normal incidence).
  public var defaultTheta: Double
  /// PDG code written for every shower (0 = unknown).
  public var pdgID: Int32

  /// A mapping with the given branches; the scales default to 1 and the angle to π/2.
  public init(
    trees: [String] = ["events"], energyTrees: [String] = [], primaryEnergy: String = "EnergyMC",
    theta: String? = nil, cellEnergy: String = "EnergyCell", indices: [String] = ["xCell", "yCell", "zCell"],
    shape: [Int] = [51, 51, 25], layout: Layout = .calotwin, energyScale: Double = 1,
    primaryEnergyScale: Double = 1, angleScale: Double = 1, defaultTheta: Double = .pi / 2, pdgID: Int32 = 0
  ) {
    self.trees = trees
    self.energyTrees = energyTrees
    self.primaryEnergy = primaryEnergy
    self.theta = theta
    self.cellEnergy = cellEnergy
    self.indices = indices
    self.shape = shape
    self.layout = layout
    self.energyScale = energyScale
    self.primaryEnergyScale = primaryEnergyScale
    self.angleScale = angleScale
    self.defaultTheta = defaultTheta
    self.pdgID = pdgID
  }

  /// The default mapping (`init(trees:…)` with its defaults), the start of a YAML mapping without a preset.
  public init() {
    self.init(trees: ["events"])
  }

  /// Replaces the fields the file states, keeping the others (the preset's or the defaults).
  ///
  /// `tree` (or `trees`) without `energyTree` (or `energyTrees`) reads the energy from the cell tree, as
  /// the `--tree` flag does.
  ///
  /// - Throws: `DecodingError` at the key for an unknown key (with its near miss), a wrong type, or a
  ///   non-positive extent or non-positive scale.
  public mutating func overlay(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let tree = try c.decodeIfPresent(String.self, forKey: .tree) {
      trees = [tree]
      energyTrees = []
    } else if let names = try c.decodeIfPresent([String].self, forKey: .trees) {
      trees = names
      energyTrees = []
    }
    if let tree = try c.decodeIfPresent(String.self, forKey: .energyTree) {
      energyTrees = [tree]
    } else {
      try c.update(&energyTrees, forKey: .energyTrees)
    }
    try c.update(&primaryEnergy, forKey: .primaryEnergy)
    try c.update(&theta, forKey: .theta)
    try c.update(&cellEnergy, forKey: .cellEnergy)
    try c.update(&indices, forKey: .indices)
    try c.update(&shape, forKey: .shape)
    layout = try c.decodeCaseIfPresent(Layout.self, forKey: .layout, noun: "layout") ?? layout
    try c.update(&energyScale, forKey: .energyScale)
    try c.update(&primaryEnergyScale, forKey: .primaryEnergyScale)
    try c.update(&angleScale, forKey: .angleScale)
    try c.update(&defaultTheta, forKey: .defaultTheta)
    try c.update(&pdgID, forKey: .pdgID)
    try c.check(!trees.isEmpty, forKey: c.contains(.tree) ? .tree : .trees, "must name at least one tree")
    try c.check(shape.allSatisfy { $0 > 0 }, forKey: .shape, "every extent must be positive, got \(shape)")
    for (key, value) in [
      (CodingKeys.energyScale, energyScale), (.primaryEnergyScale, primaryEnergyScale),
      (.angleScale, angleScale),
    ] {
      try c.check(value > 0, forKey: key, "must be a positive factor, got \(value)")
    }
  }

  /// Reads a YAML (or JSON) mapping file strictly, over `base` (a preset or the defaults): keys the file
  /// does not state keep `base`'s values; unknown keys, wrong types and non-finite or out-of-range
  /// numbers are errors naming the file, line, column and key.
  ///
  /// - Parameters:
  ///   - path: The file, as the user gave it.
  ///   - base: The mapping the file changes (preset < file).
  ///   - option: The command-line option that named it, for messages.
  /// - Throws: `CoreError` (`.notFound`, `.invalidConfig`, …).
  public static func load(
    contentsOf path: String, over base: ConversionMapping = ConversionMapping(), option: String? = "--mapping"
  ) throws(CoreError) -> ConversionMapping {
    try StrictDecoding.load(over: base, contentsOf: path, option: option)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(trees, forKey: .trees)
    try c.encode(energyTrees, forKey: .energyTrees)
    try c.encode(primaryEnergy, forKey: .primaryEnergy)
    try c.encodeIfPresent(theta, forKey: .theta)
    try c.encode(cellEnergy, forKey: .cellEnergy)
    try c.encode(indices, forKey: .indices)
    try c.encode(shape, forKey: .shape)
    try c.encode(layout, forKey: .layout)
    try c.encode(energyScale, forKey: .energyScale)
    try c.encode(primaryEnergyScale, forKey: .primaryEnergyScale)
    try c.encode(angleScale, forKey: .angleScale)
    try c.encode(defaultTheta, forKey: .defaultTheta)
    try c.encode(pdgID, forKey: .pdgID)
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case tree, trees, energyTree, energyTrees, primaryEnergy, theta, cellEnergy, indices, shape, layout
    case energyScale, primaryEnergyScale, angleScale, defaultTheta, pdgID
  }

  /// Cells per shower: the product of `shape`.
  public var cellsPerShower: Int { Limits.product(shape, limit: .max) ?? .max }

  /// The `ShowerBatch.cellShape` this mapping produces.
  public var cellShape: [Int] { layout == .calochallenge ? [cellsPerShower] : shape }

  /// Checks that the mapping is usable.
  ///
  /// - Throws: `ShowerIOError.badMapping` naming the problem.
  public func validate() throws {
    guard !trees.isEmpty else { throw ShowerIOError(.badMapping, "the mapping names no tree; set 'tree'") }
    guard !indices.isEmpty, indices.count == shape.count else {
      throw ShowerIOError(
        .badMapping,
        "the mapping has \(indices.count) index branches but a \(shape.count)-dimensional shape; give one extent per index branch"
      )
    }
    guard shape.allSatisfy({ $0 > 0 }) else {
      throw ShowerIOError(.badMapping, "shape \(shape) is not usable; every extent must be positive")
    }
    guard Limits.product(shape) != nil else {
      throw ShowerIOError(
        .badMapping,
        "shape \(shape) has more than \(Limits.maxCellsPerShower) cells per shower (200 MB); check the shape")
    }
    guard energyScale.isFinite, primaryEnergyScale.isFinite, angleScale.isFinite else {
      throw ShowerIOError(.badMapping, "scales must be finite numbers")
    }
  }
}
