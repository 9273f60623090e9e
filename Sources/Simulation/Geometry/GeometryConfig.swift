public import Core

/// A sampling calorimeter described as data: materials, layers of slices and the cell grid.
///
/// Every field has a default (the CLIC NDM-like SiW ECAL of physics.md §1), so a YAML file states
/// only what it changes. Lengths in mm, densities in g/cm³, mean excitation energies in eV.
///
/// ```swift
/// var config = GeometryConfig.clicLike
/// config.layers = [.init(repeat: 90, slices: [.init(material: "W", thickness: 1.4, role: .absorber),
///                                             .init(material: "Si", thickness: 0.3, role: .active)])]
/// ```
public struct GeometryConfig: Codable, Sendable, Equatable {
  /// A short name, written into output files.
  public var name: String
  /// Materials the slices refer to.
  public var materials: [MaterialSpec]
  /// Layer groups from the front (z = 0) to the back; each repetition with an active slice is a
  /// readout layer.
  public var layers: [LayerGroup]
  /// Cell pitch in x and y, mm.
  public var cellSize: Double
  /// Number of cells along x.
  public var cellsX: Int
  /// Number of cells along y.
  public var cellsY: Int

  /// Creates a geometry; the defaults give the CLIC-like stack.
  public init(
    name: String = GeometryConfig.clicLike.name,
    materials: [MaterialSpec] = GeometryConfig.clicLike.materials,
    layers: [LayerGroup] = GeometryConfig.clicLike.layers,
    cellSize: Double = 5.1, cellsX: Int = 51, cellsY: Int = 51
  ) {
    self.name = name
    self.materials = materials
    self.layers = layers
    self.cellSize = cellSize
    self.cellsX = cellsX
    self.cellsY = cellsY
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case name, materials, layers, cellSize, cellsX, cellsY }

  /// Decodes, keeping the CLIC-like default of every key not given.
  ///
  /// - Throws: `DecodingError` at the key for an unknown key (with its near miss), a wrong type, a
  ///   non-positive cell size or cell count, or an empty `layers` or `materials` list.
  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = GeometryConfig.clicLike
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? d.name
    materials = try c.decodeIfPresent([MaterialSpec].self, forKey: .materials) ?? d.materials
    layers = try c.decodeIfPresent([LayerGroup].self, forKey: .layers) ?? d.layers
    cellSize = try c.decodeIfPresent(Double.self, forKey: .cellSize) ?? d.cellSize
    cellsX = try c.decodeIfPresent(Int.self, forKey: .cellsX) ?? d.cellsX
    cellsY = try c.decodeIfPresent(Int.self, forKey: .cellsY) ?? d.cellsY
    try c.check(!materials.isEmpty, forKey: .materials, "must list at least one material")
    try Self.checkMaterialNames(materials: materials, layers: layers, in: c)
    try c.check(!layers.isEmpty, forKey: .layers, "must list at least one layer group")
    try c.check(cellSize > 0, forKey: .cellSize, "must be a positive length in mm, got \(cellSize)")
    try c.check(cellsX >= 1, forKey: .cellsX, "must be at least 1, got \(cellsX)")
    try c.check(cellsY >= 1, forKey: .cellsY, "must be at least 1, got \(cellsY)")
    let depth = layers.reduce(0) { $0 &+ max(0, $1.repeat) }
    try c.check(
      Limits.product([cellsX, cellsY, max(1, depth)]) != nil, forKey: cellsX >= cellsY ? .cellsX : .cellsY,
      "\(cellsX) × \(cellsY) cells × \(depth) layers exceed \(Limits.maxCellsPerShower) cells per shower "
        + "(200 MB); use fewer or larger cells")
  }

  /// Every slice names a defined material: an error at the slice's `material` (when the file gives
  /// `layers`) or at `materials` (when the default layers use materials the file's list lacks).
  private static func checkMaterialNames(
    materials: [MaterialSpec], layers: [LayerGroup], in c: KeyedDecodingContainer<CodingKeys>
  ) throws {
    let names = materials.map(\.name)
    for (i, group) in layers.enumerated() {
      for (j, slice) in group.slices.enumerated() where !names.contains(slice.material) {
        let text =
          "material '\(slice.material)' is not defined\(didYouMean(slice.material, in: names)) "
          + "(materials: \(names.joined(separator: ", ")))"
        guard c.contains(.layers) else {
          throw DecodingError.dataCorruptedError(
            forKey: .materials, in: c,
            debugDescription: "the default layers use \(text); define it, or give layers too")
        }
        let path: [any CodingKey] =
          c.codingPath + [
            CodingKeys.layers, AnyCodingKey(intValue: i), LayerGroup.CodingKeys.slices,
            AnyCodingKey(intValue: j),
            Slice.CodingKeys.material,
          ]
        throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: text))
      }
    }
  }

  /// Reads a geometry YAML (or JSON) file strictly: unknown keys, wrong types, non-finite or
  /// out-of-range numbers are errors naming the file, line, column and key.
  ///
  /// - Parameters:
  ///   - path: The file, as the user gave it.
  ///   - option: The command-line option that named it, for messages.
  /// - Throws: `CoreError` (`.notFound`, `.invalidConfig`, …).
  public static func load(contentsOf path: String, option: String? = "--geometry") throws(CoreError)
    -> GeometryConfig
  {
    try StrictDecoding.load(GeometryConfig.self, contentsOf: path, option: option)
  }

  /// A material as a mixture of elements by mass.
  public struct MaterialSpec: Codable, Sendable, Equatable {
    /// Name the slices use.
    public var name: String
    /// Density, g/cm³.
    public var density: Double
    /// Mass fractions by element symbol; normalised to 1 when built.
    public var fractions: [String: Double]
    /// Mean excitation energy in eV; derived from the elements when nil.
    public var meanExcitationEnergy: Double?
    /// `true` for a gas (changes the critical-energy fit and the density-effect parameters).
    public var gas: Bool?
    /// Sternheimer's tabulated density-effect parameters [C̄, x0, x1, a, m] (Sternheimer, Berger,
    /// Seltzer 1984; the PDG atomic-data tables), as Geant4 uses for its NIST materials; derived
    /// from I and the plasma energy (Sternheimer–Peierls) when nil.
    public var densityEffect: [Double]?

    public init(
      name: String, density: Double, fractions: [String: Double],
      meanExcitationEnergy: Double? = nil, gas: Bool? = nil, densityEffect: [Double]? = nil
    ) {
      self.name = name
      self.density = density
      self.fractions = fractions
      self.meanExcitationEnergy = meanExcitationEnergy
      self.gas = gas
      self.densityEffect = densityEffect
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
      case name, density, fractions, meanExcitationEnergy, gas, densityEffect
    }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      density = try c.decode(Double.self, forKey: .density)
      fractions = try c.decode([String: Double].self, forKey: .fractions)
      meanExcitationEnergy = try c.decodeIfPresent(Double.self, forKey: .meanExcitationEnergy)
      gas = try c.decodeIfPresent(Bool.self, forKey: .gas)
      densityEffect = try c.decodeIfPresent([Double].self, forKey: .densityEffect)
      try c.check(density > 0, forKey: .density, "must be a positive density in g/cm³, got \(density)")
      try c.check(
        !fractions.isEmpty && fractions.values.allSatisfy { $0 >= 0 } && fractions.values.contains { $0 > 0 },
        forKey: .fractions, "must give non-negative mass fractions by element symbol, at least one positive")
      if let i = meanExcitationEnergy {
        try c.check(i > 0, forKey: .meanExcitationEnergy, "must be a positive energy in eV, got \(i)")
      }
      if let p = densityEffect {
        try c.check(p.count == 5, forKey: .densityEffect, "must list five numbers [C̄, x0, x1, a, m]")
      }
    }
  }

  /// What a slice's deposits count as.
  public enum Role: String, Codable, Sendable, CaseIterable {
    /// The scored sensor: deposits go into cells.
    case active
    /// The absorber (E_abs).
    case absorber
    /// Everything else (E_other).
    case passive
  }

  /// One slice of a layer.
  public struct Slice: Codable, Sendable, Equatable {
    public var material: String
    /// Thickness along z, mm.
    public var thickness: Double
    public var role: Role

    public init(material: String, thickness: Double, role: Role = .passive) {
      self.material = material
      self.thickness = thickness
      self.role = role
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case material, thickness, role }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      material = try c.decode(String.self, forKey: .material)
      thickness = try c.decode(Double.self, forKey: .thickness)
      role = try c.decodeCaseIfPresent(Role.self, forKey: .role, noun: "role") ?? .passive
      try c.check(thickness > 0, forKey: .thickness, "must be a positive length in mm, got \(thickness)")
    }
  }

  /// A layer repeated `repeat` times.
  public struct LayerGroup: Codable, Sendable, Equatable {
    public var `repeat`: Int
    public var slices: [Slice]

    public init(repeat count: Int, slices: [Slice]) {
      self.repeat = count
      self.slices = slices
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case `repeat`, slices }

    public init(from decoder: any Decoder) throws {
      try decoder.rejectUnknownKeys(CodingKeys.self)
      let c = try decoder.container(keyedBy: CodingKeys.self)
      self.repeat = try c.decodeIfPresent(Int.self, forKey: .repeat) ?? 1
      slices = try c.decode([Slice].self, forKey: .slices)
      try c.check(self.repeat >= 1, forKey: .repeat, "must be at least 1, got \(self.repeat)")
      try c.check(!slices.isEmpty, forKey: .slices, "must list at least one slice")
    }
  }
}
