extension FeatureExtractor {
  @_optimize(speed)
  func writeScalars(
    _ row: UnsafeMutableBufferPointer<Double>, energy: Double, theta: Double, total: Double,
    maxIndex: Int
  ) {
    let layout = schema.layout
    let (ny, nl) = (layout.ny, layout.layers)
    var c = 0
    func put(_ value: Double) { row[c] = value; c += 1 }
    put(energy)
    put(theta)
    put(total)
    put(energy > 0 ? total / energy : 0)
    put(MeasuredAngle.ecalAngle(layerSums: layerSums, layerX: layerX, layerY: layerY, layout: layout))
    let containment = radial.measure(projection: projXY, total: total)
    put(containment.r90)
    put(containment.fractions.0)
    put(containment.fractions.1)
    put(containment.fractions.2)
    let third = nl / 3, twoThirds = 2 * nl / 3
    var front = 0.0, middle = 0.0, back = 0.0
    for l in 0..<nl {
      if l < third {
        front += layerSums[l]
      } else if l < twoThirds {
        middle += layerSums[l]
      } else {
        back += layerSums[l]
      }
    }
    let inverse = total > 0 ? 1 / total : 0
    put(front * inverse)
    put(middle * inverse)
    put(back * inverse)
    for projection in [projX, projY, layerSums] {
      let m = Self.moments(projection, total: total)
      put(m.0)
      put(m.1)
      put(m.2)
    }
    put(Double(maxIndex / (ny * nl)))
    put(Double((maxIndex / nl) % ny))
    put(Double(maxIndex % nl))
    for count in hits { put(Double(count)) }
    assert(c == schema.column("E_layer"))
  }

  @_optimize(speed)
  func writeLayers(_ row: UnsafeMutableBufferPointer<Double>) {
    let layout = schema.layout
    let nl = layout.layers
    let cellsPerLayer = Double(layout.nx * layout.ny)
    var c = schema.column("E_layer")
    for l in 0..<nl { row[c + l] = layerSums[l] }
    c += nl
    for (sum, sum2) in [(layerX, layerX2), (layerY, layerY2)] {
      for l in 0..<nl {
        let mean = sum[l] / (layerSums[l] + 1e-16)
        row[c + l] = mean
        row[c + 2 * nl + l] = max(0, sum2[l] / (layerSums[l] + 1e-16) - mean * mean).squareRoot()
      }
      c += nl
    }
    c += 2 * nl
    for l in 0..<nl {
      let mean = layerR[l] / (layerSums[l] + 1e-16)
      row[c + l] = mean
      row[c + nl + l] = max(0, layerR2[l] / (layerSums[l] + 1e-16) - mean * mean).squareRoot()
    }
    c += 2 * nl
    for l in 0..<nl { row[c + l] = 1 - Double(layerHits[l]) / cellsPerLayer }
  }

  @_optimize(speed)
  func writeProfiles(_ row: UnsafeMutableBufferPointer<Double>) {
    var c = schema.column("profile_x")
    for v in projX { row[c] = v; c += 1 }
    for v in projY { row[c] = v; c += 1 }
    let bins = schema.layout.radialBins
    for b in 0..<bins { row[c + b] = 0 }
    let width = schema.layout.cellSize
    for (i, e) in projXY.enumerated() where e != 0 {
      row[c + min(bins - 1, Int(rs[i] / width))] += e
    }
  }

  /// 3DGAN `get_moments` of a projection in index units: centroid, 2nd and 3rd central moments.
  @_optimize(speed)
  static func moments(_ projection: [Double], total: Double) -> (Double, Double, Double) {
    guard total > 0 else { return (0, 0, 0) }
    var m1 = 0.0
    for (i, e) in projection.enumerated() { m1 += Double(i) * e }
    m1 /= total
    var m2 = 0.0, m3 = 0.0
    for (i, e) in projection.enumerated() where e != 0 {
      let d = Double(i) - m1
      m2 += d * d * e
      m3 += d * d * d * e
    }
    return (m1, m2 / total, m3 / total)
  }
}
