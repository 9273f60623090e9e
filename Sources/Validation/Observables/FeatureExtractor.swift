/// Computes the feature row of single showers: one pass over the cells, then derived values.
///
/// Holds per-thread scratch space; make one per task. Definitions (all sums over cells with
/// energy above `cellThreshold`, E in MeV, x/y in mm from the beam axis):
/// - `E_sum` = Σ E; `E_sum/E_inc` the sampling fraction; `E_layer[l]` the sum of layer l.
/// - `EC_x[l] = Σ x E / (Σ E + 1e-16)`, `W_x[l] = sqrt(max(0, Σ x² E / (Σ E + 1e-16) − EC_x²))`
///   (CaloChallenge), likewise y and r = sqrt(x² + y²); `sparsity[l]` = 1 − fraction of the
///   layer's cells with E > 0.
/// - `moment_xk`: the 3DGAN `get_moments` of the x projection in index units (k = 1: centroid;
///   k = 2, 3: central moments), likewise y and z (layers).
/// - `max_x/y/z`: indices of the hottest cell (first in storage order on ties).
/// - `third_*`: energy fraction of layers `[0, L/3)`, `[L/3, 2L/3)`, `[2L/3, L)` (integer division).
/// - `angle_meas`: the 3DGAN `ecal_angle` (see `MeasuredAngle`); `R90`, `frac_*`: see `RadialContainment`.
/// - `profile_x/y`: energy per column/row; `profile_r`: energy per ring of width `cellSize`
///   around the axis (last ring open).
public struct FeatureExtractor {
  /// Column layout of the rows this extractor writes.
  public let schema: FeatureSchema
  /// Cells below this energy (MeV) count as empty, as CaloChallenge's `min_energy` cut.
  public let cellThreshold: Float
  let radial: RadialContainment
  var layerSums: [Double]
  var layerX: [Double], layerX2: [Double], layerY: [Double], layerY2: [Double]
  var layerR: [Double], layerR2: [Double], layerHits: [Int]
  var projX: [Double], projY: [Double], projXY: [Double]
  var hits: [Int]
  /// Cell-energy spectrum of the last shower: counts per `CellSpectrum` bin.
  public internal(set) var spectrum: [Int]
  let xs: [Double], ys: [Double], rs: [Double]

  /// Creates an extractor.
  ///
  /// - Parameters:
  ///   - schema: Feature columns to fill.
  ///   - cellThreshold: Cell energy in MeV below which a cell counts as empty (default 0).
  public init(schema: FeatureSchema, cellThreshold: Float = 0) {
    self.schema = schema
    self.cellThreshold = cellThreshold
    let layout = schema.layout
    radial = RadialContainment(layout: layout)
    let l = layout.layers
    layerSums = .init(repeating: 0, count: l)
    layerX = layerSums; layerX2 = layerSums; layerY = layerSums; layerY2 = layerSums
    layerR = layerSums; layerR2 = layerSums
    layerHits = .init(repeating: 0, count: l)
    projX = .init(repeating: 0, count: layout.nx)
    projY = .init(repeating: 0, count: layout.ny)
    projXY = .init(repeating: 0, count: layout.nx * layout.ny)
    hits = .init(repeating: 0, count: schema.hitThresholds.count)
    spectrum = .init(repeating: 0, count: CellSpectrum.bins)
    xs = (0..<layout.nx).map(layout.x)
    ys = (0..<layout.ny).map(layout.y)
    rs = (0..<layout.nx * layout.ny).map { c in
      let x = layout.x(c / layout.ny), y = layout.y(c % layout.ny)
      return (x * x + y * y).squareRoot()
    }
  }

  /// Fills `row` with the features of one shower.
  ///
  /// - Parameters:
  ///   - cells: The shower's `layout.cellCount` cell energies in MeV.
  ///   - energy: Primary energy in MeV.
  ///   - theta: Primary polar angle in radians.
  ///   - row: `schema.width` values to overwrite.
  @_optimize(speed)
  public mutating func extract(
    cells: UnsafeBufferPointer<Float>, energy: Double, theta: Double,
    into row: UnsafeMutableBufferPointer<Double>
  ) {
    let layout = schema.layout
    let (nx, ny, nl) = (layout.nx, layout.ny, layout.layers)
    precondition(cells.count == layout.cellCount && row.count == schema.width)
    for i in 0..<nl {
      layerSums[i] = 0; layerX[i] = 0; layerX2[i] = 0; layerY[i] = 0; layerY2[i] = 0
      layerR[i] = 0; layerR2[i] = 0; layerHits[i] = 0
    }
    for i in projX.indices { projX[i] = 0 }
    for i in projY.indices { projY[i] = 0 }
    for i in projXY.indices { projXY[i] = 0 }
    for i in hits.indices { hits[i] = 0 }
    for i in spectrum.indices { spectrum[i] = 0 }
    var maxValue: Float = -.infinity
    var maxIndex = 0
    let threshold = cellThreshold
    let thresholds = schema.hitThresholds
    for column in 0..<(nx * ny) {
      let x = xs[column / ny], y = ys[column % ny], r = rs[column]
      let base = column * nl
      var columnSum = 0.0
      for l in 0..<nl {
        let v = cells[base + l]
        if v > maxValue { maxValue = v; maxIndex = base + l }
        guard v > 0, v >= threshold else { continue }
        let e = Double(v)
        columnSum += e
        layerSums[l] += e
        layerX[l] += x * e; layerX2[l] += x * x * e
        layerY[l] += y * e; layerY2[l] += y * y * e
        layerR[l] += r * e; layerR2[l] += r * r * e
        layerHits[l] += 1
        for (k, t) in thresholds.enumerated() where e > t { hits[k] += 1 }
        spectrum[CellSpectrum.bin(of: e)] += 1
      }
      if columnSum != 0 {
        projXY[column] = columnSum
        projX[column / ny] += columnSum
        projY[column % ny] += columnSum
      }
    }
    var total = 0.0
    for l in 0..<nl { total += layerSums[l] }
    writeScalars(row, energy: energy, theta: theta, total: total, maxIndex: maxIndex)
    writeLayers(row)
    writeProfiles(row)
  }
}
