/// The columns of the per-shower feature table: names, units and grouping.
///
/// One shower gives one row of `width` Doubles. Scalars come first, then per-layer groups
/// (`layers` columns each), then transverse profiles. Columns are addressed by group name:
///
/// ```swift
/// let schema = FeatureSchema(layout: .caloTwin)
/// let sf = schema.group("E_sum/E_inc")!.offset   // column of the sampling fraction
/// ```
public struct FeatureSchema: Sendable, Equatable, Codable {
  /// How a group of columns is compared.
  public enum Kind: String, Sendable, Codable {
    /// One value per shower, compared as a histogram.
    case scalar
    /// One value per layer, each compared as a histogram; the mean over showers is a profile.
    case perLayer
    /// A transverse profile (energy per column, row or radial ring), compared by its mean.
    case profile
  }

  /// A named run of consecutive columns.
  public struct Group: Sendable, Equatable, Codable {
    /// Name, for example `E_layer` or `R90`.
    public var name: String
    /// Unit of the values (`MeV`, `mm`, `rad`, `cells`, or empty for ratios).
    public var unit: String
    /// How the group is compared.
    public var kind: Kind
    /// First column of the group.
    public var offset: Int
    /// Number of columns.
    public var count: Int
  }

  /// The geometry features are computed for.
  public enum Geometry: Sendable, Equatable, Codable {
    /// A Cartesian `[nx, ny, layers]` image (CaloTwin, 3DGAN).
    case cartesian(CalorimeterLayout)
    /// CaloChallenge voxels, flat and layer-major, positioned by a binning file.
    case cylindrical(CaloChallengeBinning)
  }

  /// Geometry the features are computed for.
  public var geometry: Geometry
  /// Cell energies (MeV) above which hits are counted, one `hits>` column each.
  public var hitThresholds: [Double]
  /// How CaloChallenge voxel sums are formed (`.float32`, numpy's order, by default); unused for
  /// Cartesian images, which sum in Double.
  public var summation: CellSummation = .float32
  /// Groups in column order.
  public private(set) var groups: [Group] = []
  /// Total number of columns.
  public private(set) var width = 0

  /// Creates the schema for a layout.
  ///
  /// - Parameters:
  ///   - layout: Calorimeter geometry.
  ///   - hitThresholds: Hit-count thresholds in MeV (default 0, 0.05, 0.5: any deposit, about
  ///     a third of a MIP and about three MIPs in 0.5 mm of silicon).
  public init(layout: CalorimeterLayout, hitThresholds: [Double] = [0, 0.05, 0.5]) {
    self.geometry = .cartesian(layout)
    self.hitThresholds = hitThresholds
    for (name, unit) in Self.scalarNames { add(name, unit, .scalar, 1) }
    for threshold in hitThresholds { add("hits>\(threshold)MeV", "cells", .scalar, 1) }
    for (name, unit) in Self.layerNames { add(name, unit, .perLayer, layout.layers) }
    add("profile_x", "MeV", .profile, layout.nx)
    add("profile_y", "MeV", .profile, layout.ny)
    add("profile_r", "MeV", .profile, layout.radialBins)
  }

  /// Creates the schema for CaloChallenge voxels (see `CylindricalFeatureExtractor`).
  ///
  /// Scalars `E_inc`, `theta`, `E_sum`, `E_sum/E_inc` and the hit counts; per relevant layer
  /// (`binning.relevantLayers`) `E_layer`, `EC_r`, `W_r`, `sparsity`; per layer with angular binning
  /// (`binning.alphaBinnedLayers`) `EC_x`, `EC_y`, `W_x`, `W_y` (CaloChallenge's η and φ); the profile
  /// `profile_r` holds the energy per radial bin of each relevant layer, layer-major.
  ///
  /// - Parameters:
  ///   - binning: Voxel geometry.
  ///   - hitThresholds: Hit-count thresholds in MeV.
  ///   - summation: How voxel sums are formed (`.float32`: as evaluate.py; `.double`).
  public init(
    binning: CaloChallengeBinning, hitThresholds: [Double] = [0, 0.05, 0.5],
    summation: CellSummation = .float32
  ) {
    self.geometry = .cylindrical(binning)
    self.hitThresholds = hitThresholds
    self.summation = summation
    let l = binning.relevantLayers.count, a = binning.alphaBinnedLayers.count
    for (name, unit) in Self.scalarNames.prefix(4) { add(name, unit, .scalar, 1) }
    for threshold in hitThresholds { add("hits>\(threshold)MeV", "cells", .scalar, 1) }
    add("E_layer", "MeV", .perLayer, l)
    for name in ["EC_x", "EC_y", "W_x", "W_y"] { add(name, "mm", .perLayer, a) }
    add("EC_r", "mm", .perLayer, l)
    add("W_r", "mm", .perLayer, l)
    add("sparsity", "", .perLayer, l)
    add("profile_r", "MeV", .profile, binning.relevantLayers.reduce(0) { $0 + $1.radialBins })
  }

  /// The Cartesian layout.
  ///
  /// - Precondition: the schema is Cartesian (`geometry` is `.cartesian`).
  public var layout: CalorimeterLayout {
    guard case .cartesian(let layout) = geometry else {
      preconditionFailure("not a Cartesian feature schema")
    }
    return layout
  }

  /// The CaloChallenge binning, or `nil` for a Cartesian schema.
  public var binning: CaloChallengeBinning? {
    if case .cylindrical(let binning) = geometry { return binning }
    return nil
  }

  /// Shape of one shower as `ShowerBatch.cellShape` spells it: `[nx, ny, layers]` or `[voxels]`.
  public var cellShape: [Int] {
    switch geometry {
    case .cartesian(let layout): layout.cellShape
    case .cylindrical(let binning): [binning.voxelCount]
    }
  }

  /// Short description for reports and messages: `cells [51, 51, 25] of 5.1 mm` or
  /// `CaloChallenge voxels (6480, binning dataset 2 (built in))`.
  public var geometryDescription: String {
    switch geometry {
    case .cartesian(let layout): "cells \(layout.cellShape) of \(layout.cellSize) mm"
    case .cylindrical(let binning): "CaloChallenge voxels (\(binning.voxelCount), binning \(binning.source))"
    }
  }

  /// Scalar groups and units, in column order.
  static let scalarNames: [(String, String)] = [
    ("E_inc", "MeV"), ("theta", "rad"), ("E_sum", "MeV"), ("E_sum/E_inc", ""),
    ("angle_meas", "rad"), ("R90", "mm"), ("frac_1x1", ""), ("frac_3x3", ""), ("frac_5x5", ""),
    ("third_front", ""), ("third_middle", ""), ("third_back", ""),
    ("moment_x1", "cells"), ("moment_x2", "cells²"), ("moment_x3", "cells³"),
    ("moment_y1", "cells"), ("moment_y2", "cells²"), ("moment_y3", "cells³"),
    ("moment_z1", "layers"), ("moment_z2", "layers²"), ("moment_z3", "layers³"),
    ("max_x", "cells"), ("max_y", "cells"), ("max_z", "layers"),
  ]

  /// Per-layer groups and units, in column order.
  static let layerNames: [(String, String)] = [
    ("E_layer", "MeV"), ("EC_x", "mm"), ("EC_y", "mm"), ("W_x", "mm"), ("W_y", "mm"),
    ("EC_r", "mm"), ("W_r", "mm"), ("sparsity", ""),
  ]

  private mutating func add(_ name: String, _ unit: String, _ kind: Kind, _ count: Int) {
    groups.append(Group(name: name, unit: unit, kind: kind, offset: width, count: count))
    width += count
  }

  /// The group called `name`, or `nil`.
  public func group(_ name: String) -> Group? { groups.first { $0.name == name } }

  /// The column index of `name` (scalar) or of element `index` of a group.
  ///
  /// - Precondition: the group exists and `index < count`.
  public func column(_ name: String, _ index: Int = 0) -> Int {
    guard let group = group(name), index < group.count else {
      preconditionFailure("no feature column \(name)[\(index)]")
    }
    return group.offset + index
  }

  /// Human-readable name of column `column`: `R90` or `E_layer[3]`.
  public func columnName(_ column: Int) -> String {
    for group in groups where column >= group.offset && column < group.offset + group.count {
      return group.count == 1 && group.kind == .scalar
        ? group.name : "\(group.name)[\(column - group.offset)]"
    }
    return "column\(column)"
  }
}
