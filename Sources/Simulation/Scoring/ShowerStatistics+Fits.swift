internal import Foundation

extension ShowerStatistics {
  /// Radius (mm) around the central cell's centre holding 90 % of the layer-summed energy:
  /// cell-centre radii, equal radii merged, linear interpolation.
  static func r90(xy: [Double], nx: Int, ny: Int, cellSize: Double, total: Double) -> Double {
    var byRadius: [Int: Double] = [:]
    let cx = nx / 2
    let cy = ny / 2
    for ix in 0..<nx {
      for iy in 0..<ny {
        let v = xy[ix * ny + iy]
        if v == 0 { continue }
        let key = (ix - cx) * (ix - cx) + (iy - cy) * (iy - cy)
        byRadius[key, default: 0] += v
      }
    }
    let keys = byRadius.keys.sorted()
    var cum = 0.0
    var prevR = 0.0
    var prevC = 0.0
    for k in keys {
      let r = Double(k).squareRoot() * cellSize
      cum += byRadius[k]!
      if cum >= 0.9 * total {
        if cum == prevC { return r }
        return prevR + (0.9 * total - prevC) / (cum - prevC) * (r - prevR)
      }
      prevR = r
      prevC = cum
    }
    return prevR
  }

  /// Vertex of a least-squares parabola through five layers around `l` against depth (X0).
  static func parabolaVertex(profile: [Double], depths: [Double], around l: Int) -> Double {
    let lo = max(0, min(l - 2, profile.count - 5))
    let idx = Array(lo..<min(profile.count, lo + 5))
    guard idx.count >= 3 else { return depths[l] }
    // Fit y = a + b t + c t² by normal equations.
    var s = [Double](repeating: 0, count: 5)
    var ty = [0.0, 0.0, 0.0]
    for i in idx {
      let t = depths[i]
      var p = 1.0
      for k in 0..<5 {
        s[k] += p
        if k < 3 { ty[k] += p * profile[i] }
        p *= t
      }
    }
    let m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]]
    guard let coef = solve3(m, ty), coef[2] < 0 else { return depths[l] }
    return -coef[1] / (2 * coef[2])
  }

  static func solve3(_ m: [[Double]], _ y: [Double]) -> [Double]? {
    func det(_ a: [[Double]]) -> Double {
      a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
        + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
    }
    let d = det(m)
    guard abs(d) > 1e-300 else { return nil }
    return (0..<3).map { c in
      var a = m
      for r in 0..<3 { a[r][c] = y[r] }
      return det(a) / d
    }
  }

  /// t_max = (a − 1)/b of an unweighted least-squares fit of A b^a t^(a−1) e^(−bt)/Γ(a) to all
  /// layers (grid search over a, b; A solved linearly).
  static func gammaFitTmax(profile: [Double], depths: [Double]) -> Double {
    var best = (Double.infinity, 0.0)
    var a = 1.2
    while a <= 12 {
      var b = 0.15
      while b <= 1.2 {
        let shape = depths.map { t in exp(a * log(b) + (a - 1) * log(t) - b * t - lgamma(a)) }
        let num = zip(shape, profile).reduce(0) { $0 + $1.0 * $1.1 }
        let den = shape.reduce(0) { $0 + $1 * $1 }
        let amp = num / den
        let chi = zip(shape, profile).reduce(0) { $0 + ($1.1 - amp * $1.0) * ($1.1 - amp * $1.0) }
        if chi < best.0 { best = (chi, (a - 1) / b) }
        b += 0.005
      }
      a += 0.02
    }
    return best.1
  }
}
