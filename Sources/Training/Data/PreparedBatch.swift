/// A batch ready for the networks: pre-processed cells and labels as host arrays (`Sendable`).
public struct PreparedBatch: Sendable, Equatable {
  /// Image shape (x, y, z).
  public var imageShape: [Int]
  /// Network input cells, `(MeV · cellScale)^power`, `count · ∏imageShape` values, row-major.
  public var images: [Float] = []
  /// Primary energy in the generator's energy unit (E / energyUnitMeV).
  public var energy: [Float] = []
  /// Polar angle in radians.
  public var theta: [Float] = []
  /// Total deposit in network cell units (`Σ MeV · cellScale`, before the power).
  public var ecalSum: [Float] = []

  /// An empty batch.
  public init(imageShape: [Int]) { self.imageShape = imageShape }

  /// Number of showers.
  public var count: Int { energy.count }
}

/// One shower after pre-processing (an element of the shuffle buffer).
struct PreparedShower: Sendable {
  var cells: [Float]
  var energy: Float
  var theta: Float
  var ecalSum: Float
}

extension PreparedBatch {
  mutating func append(_ s: PreparedShower) {
    images.append(contentsOf: s.cells)
    energy.append(s.energy)
    theta.append(s.theta)
    ecalSum.append(s.ecalSum)
  }
}
