/// The built calorimeter: a stack of planar slices along z, each with a material, a role and a
/// readout layer, and a transverse window of cells. Lengths in mm.
///
/// ```swift
/// let detector = try Detector(config: .clicLike)
/// print(detector.depth, detector.readoutLayers)  // 146.5 25
/// ```
public struct Detector: Sendable {
  /// One slice of the stack.
  public struct Slice: Sendable {
    /// Front face, mm.
    public let z0: Double
    /// Back face, mm.
    public let z1: Double
    /// Index into `materials`.
    public let material: Int
    /// Role of the slice.
    public let role: GeometryConfig.Role
    /// Readout layer of an active slice; −1 otherwise.
    public let layer: Int
  }

  /// The configuration this detector was built from.
  public let config: GeometryConfig
  /// Materials used by the slices.
  public let materials: [Material]
  /// Slices from front to back.
  public let slices: [Slice]
  /// Total depth, mm.
  public let depth: Double
  /// Half width of the stack in x and y, mm.
  public let halfWidthX: Double
  public let halfWidthY: Double
  /// Number of readout layers.
  public let readoutLayers: Int

  /// Builds the stack.
  ///
  /// - Throws: `SimulationError.invalidGeometry` naming the problem (unknown material, bad
  ///   thickness, no active slice, bad cell grid).
  public init(config: GeometryConfig) throws(SimulationError) {
    guard config.cellSize > 0, config.cellsX > 0, config.cellsY > 0 else {
      throw SimulationError(
        code: .invalidGeometry,
        message:
          "cell grid \(config.cellsX) x \(config.cellsY) of \(config.cellSize) mm is empty; give positive cellSize, cellsX, cellsY"
      )
    }
    var materials: [Material] = []
    var index: [String: Int] = [:]
    var slices: [Slice] = []
    var z = 0.0
    var layer = 0
    for group in config.layers {
      guard group.repeat >= 0 else {
        throw SimulationError(
          code: .invalidGeometry, message: "layer group repeats \(group.repeat) times; give repeat >= 0")
      }
      for _ in 0..<group.repeat {
        var hasActive = false
        for s in group.slices {
          guard s.thickness > 0, s.thickness.isFinite else {
            throw SimulationError(
              code: .invalidGeometry,
              message: "slice of '\(s.material)' has thickness \(s.thickness) mm; give a positive thickness")
          }
          if index[s.material] == nil {
            guard let spec = config.materials.first(where: { $0.name == s.material }) else {
              let names = config.materials.map(\.name).joined(separator: ", ")
              throw SimulationError(
                code: .invalidGeometry,
                message:
                  "slice uses material '\(s.material)', which the geometry does not define; defined: \(names)"
              )
            }
            index[s.material] = materials.count
            materials.append(try Material(spec: spec))
          }
          if s.role == .active { hasActive = true }
          slices.append(
            Slice(
              z0: z, z1: z + s.thickness, material: index[s.material]!, role: s.role,
              layer: s.role == .active ? layer : -1))
          z += s.thickness
        }
        if hasActive { layer += 1 }
      }
    }
    guard layer > 0 else {
      throw SimulationError(
        code: .invalidGeometry,
        message: "the geometry has no slice with role 'active'; mark the sensor slices active")
    }
    self.config = config
    self.materials = materials
    self.slices = slices
    depth = z
    readoutLayers = layer
    halfWidthX = Double(config.cellsX) * config.cellSize / 2
    halfWidthY = Double(config.cellsY) * config.cellSize / 2
  }

  /// Index of the slice containing depth `z` (clamped into the stack).
  func sliceIndex(z: Double) -> Int {
    var lo = 0
    var hi = slices.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if slices[mid].z0 <= z { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }
}
