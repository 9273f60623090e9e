public import Core

/// Geometry of a Cartesian calorimeter image: `nx × ny` square cells in `layers` layers.
///
/// Cells are stored row-major with the layer index fastest: cell `(ix, iy, iz)` sits at
/// `(ix * ny + iy) * layers + iz` of a shower. The beam axis passes through the middle of the
/// image: cell centre `x = cellSize · (ix + 0.5 − nx / 2)` mm, and likewise for y. For the CaloTwin
/// and 3DGAN layout (`.caloTwin`) this puts x = y = 0 at the centre of cell (25, 25).
///
/// ```swift
/// let layout = CalorimeterLayout.caloTwin          // [51, 51, 25], 5.1 mm cells
/// let features = ShowerFeatures.Schema(layout: layout)
/// ```
public struct CalorimeterLayout: Sendable, Equatable, Codable {
  /// Cells along x.
  public var nx: Int
  /// Cells along y (the axis the polar angle tilts, as in 3DGAN).
  public var ny: Int
  /// Number of layers (depth, z), layer 0 at the front.
  public var layers: Int
  /// Cell pitch in mm (x and y).
  public var cellSize: Double

  /// Creates a layout.
  ///
  /// - Precondition: all counts positive, `cellSize > 0`.
  public init(nx: Int, ny: Int, layers: Int, cellSize: Double) {
    precondition(nx > 0 && ny > 0 && layers > 0 && cellSize > 0, "invalid layout")
    self.nx = nx
    self.ny = ny
    self.layers = layers
    self.cellSize = cellSize
  }

  /// The CaloTwin / 3DGAN (CLIC ECAL) layout: 51 × 51 cells of 5.1 mm, 25 layers.
  public static let caloTwin = CalorimeterLayout(nx: 51, ny: 51, layers: 25, cellSize: 5.1)

  /// The layout for a `ShowerBatch.cellShape` of three dimensions `[nx, ny, layers]`.
  ///
  /// - Parameters:
  ///   - cellShape: Shape of one shower, `[nx, ny, layers]`.
  ///   - cellSize: Cell pitch in mm (5.1 for CaloTwin).
  /// - Throws: `ValidationError.geometryMismatch` for any other rank.
  public init(cellShape: [Int], cellSize: Double = 5.1) throws(ValidationError) {
    guard cellShape.count == 3, cellShape.allSatisfy({ $0 > 0 }) else {
      throw ValidationError(
        .geometryMismatch,
        "cell shape \(cellShape) is not a Cartesian [nx, ny, layers] image; "
          + "convert CaloChallenge voxel files with their binning first")
    }
    self.init(nx: cellShape[0], ny: cellShape[1], layers: cellShape[2], cellSize: cellSize)
  }

  /// Number of cells of one shower.
  public var cellCount: Int { nx * ny * layers }

  /// Shape `[nx, ny, layers]` as `ShowerBatch.cellShape` spells it.
  public var cellShape: [Int] { [nx, ny, layers] }

  /// x of the centre of column `ix` in mm (0 on the beam axis).
  public func x(_ ix: Int) -> Double { cellSize * (Double(ix) + 0.5 - Double(nx) / 2) }

  /// y of the centre of row `iy` in mm (0 on the beam axis).
  public func y(_ iy: Int) -> Double { cellSize * (Double(iy) + 0.5 - Double(ny) / 2) }

  /// Number of radial bins of width `cellSize` in the radial profile; the last one collects
  /// everything beyond.
  public var radialBins: Int { max(nx, ny) / 2 + 1 }
}
