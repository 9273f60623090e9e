/// R90 and central energy fractions of the layer-summed (x, y) projection of a shower.
///
/// R90: radii of cell centres to the beam axis; cells of equal radius are merged; the energy is
/// accumulated over the sorted radii and the radius holding 90 % of the total is interpolated
/// linearly between the two radii that bracket it (the definition of the Geant4 sample's README).
/// Fractions: the central cell and the 3×3 and 5×5 blocks around it (cell `(nx/2, ny/2)`), over the total.
public struct RadialContainment: Sendable {
  /// Distinct radii in mm, ascending.
  let radii: [Double]
  /// Radius group of each (x, y) column of the projection.
  let groupOfColumn: [Int]
  /// Columns of the central 1×1, 3×3 and 5×5 blocks.
  let blocks: [[Int]]

  /// Precomputes the radius groups of a layout.
  public init(layout: CalorimeterLayout) {
    let n = layout.nx * layout.ny
    let r = (0..<n).map { c -> Double in
      let x = layout.x(c / layout.ny), y = layout.y(c % layout.ny)
      return (x * x + y * y).squareRoot()
    }
    let order = r.indices.sorted { r[$0] < r[$1] }
    var radii: [Double] = []
    var group = [Int](repeating: 0, count: n)
    for c in order {
      if let last = radii.last, r[c] - last <= 1e-9 * max(1, last) {
        group[c] = radii.count - 1
      } else {
        radii.append(r[c])
        group[c] = radii.count - 1
      }
    }
    self.radii = radii
    groupOfColumn = group
    let cx = layout.nx / 2, cy = layout.ny / 2
    blocks = [0, 1, 2].map { h in
      var cells: [Int] = []
      for ix in (cx - h)...(cx + h) where ix >= 0 && ix < layout.nx {
        for iy in (cy - h)...(cy + h) where iy >= 0 && iy < layout.ny { cells.append(ix * layout.ny + iy) }
      }
      return cells
    }
  }

  /// R90 (mm) and the 1×1, 3×3, 5×5 fractions of one projection.
  ///
  /// - Parameters:
  ///   - projection: Energy per (x, y) column in MeV, `nx * ny` values, x-major.
  ///   - total: Sum of `projection`.
  /// - Returns: R90 in mm (0 for an empty shower) and the three fractions.
  @_optimize(speed)
  public func measure(projection: [Double], total: Double) -> (
    r90: Double, fractions: (Double, Double, Double)
  ) {
    guard total > 0 else { return (0, (0, 0, 0)) }
    var energy = [Double](repeating: 0, count: radii.count)
    for (c, e) in projection.enumerated() where e != 0 { energy[groupOfColumn[c]] += e }
    let target = 0.9 * total
    var cumulative = 0.0
    var r90 = radii.last ?? 0
    for k in radii.indices {
      let next = cumulative + energy[k]
      if next >= target {
        if k == 0 || energy[k] == 0 {
          r90 = radii[k]
        } else {
          r90 = radii[k - 1] + (target - cumulative) / energy[k] * (radii[k] - radii[k - 1])
        }
        break
      }
      cumulative = next
    }
    let f = blocks.map { cells in cells.reduce(0.0) { $0 + projection[$1] } / total }
    return (r90, (f[0], f[1], f[2]))
  }
}
