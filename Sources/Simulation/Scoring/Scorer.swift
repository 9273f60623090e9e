/// Accumulates deposits of one event.
struct Scorer {
  let cellsX: Int
  let cellsY: Int
  let layers: Int
  let cellSize: Double
  let halfWidthX: Double
  let halfWidthY: Double
  var cells: [Double]
  var si = 0.0
  var absorber = 0.0
  var other = 0.0
  var escaped = 0.0

  init(detector: Detector) {
    cellsX = detector.config.cellsX
    cellsY = detector.config.cellsY
    layers = detector.readoutLayers
    cellSize = detector.config.cellSize
    halfWidthX = detector.halfWidthX
    halfWidthY = detector.halfWidthY
    cells = [Double](repeating: 0, count: cellsX * cellsY * layers)
  }

  /// Adds `e` MeV deposited at (x, y) in a slice of the given role and readout layer.
  @inline(__always)
  mutating func deposit(_ e: Double, x: Double, y: Double, role: GeometryConfig.Role, layer: Int) {
    switch role {
    case .active:
      si += e
      let ix = min(cellsX - 1, max(0, Int((x + halfWidthX) / cellSize)))
      let iy = min(cellsY - 1, max(0, Int((y + halfWidthY) / cellSize)))
      cells.withUnsafeMutableBufferPointer { $0[(ix * cellsY + iy) * layers + layer] += e }
    case .absorber: absorber += e
    case .passive: other += e
    }
  }
}
