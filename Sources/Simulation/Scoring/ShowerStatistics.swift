internal import Foundation

/// Calorimeter observables of a set of showers, computed as in the Geant4 sample's README
/// (physics.md §3): means over showers, σ with ddof = 0. Energies in MeV, lengths in mm.
public struct ShowerStatistics: Sendable {
  /// Number of showers.
  public let count: Int
  /// Mean primary energy, MeV.
  public let meanPrimaryEnergy: Double
  /// Mean and RMS of the active-layer sum, MeV.
  public let meanSi: Double
  public let rmsSi: Double
  /// Mean of E_Si / E0.
  public let siFraction: Double
  /// Mean of E_Si / E_dep.
  public let samplingFraction: Double
  /// Mean escaping fraction 1 − E_dep/E0.
  public let escapedFraction: Double
  /// σ/μ of the raw sum and of the layer-weighted sum.
  public let resolutionRaw: Double
  public let resolutionWeighted: Double
  /// Mean active energy per layer, MeV.
  public let layerProfile: [Double]
  /// Argmax of `layerProfile`.
  public let layerOfMaximum: Int
  /// Shower maximum (X0) from a 5-point parabola and from a gamma fit over all layers.
  public let tmaxParabola: Double
  public let tmaxGamma: Double
  /// Mean R90 over showers, mm.
  public let r90: Double
  /// Mean fraction of E_Si in the central cell, 3×3 and 5×5 blocks.
  public let centralFraction: Double
  public let fraction3x3: Double
  public let fraction5x5: Double
  /// Mean number of cells above 0.05 MeV.
  public let cellsAboveThreshold: Double
  /// Mean CPU seconds per shower.
  public let meanCPUSeconds: Double

  /// Computes the statistics.
  ///
  /// - Parameters:
  ///   - showers: Showers of one configuration.
  ///   - detector: The detector they come from (cell grid, layer depths).
  ///   - layerWeights: Weight per layer for the weighted sum; defaults to X0 per layer relative to
  ///     the first layer, rounded as the README does (1 and 1.9172 for the CLIC-like stack).
  public init(showers: [ShowerRecord], detector: Detector, layerWeights: [Double]? = nil) {
    let n = max(1, showers.count)
    let nx = detector.config.cellsX
    let ny = detector.config.cellsY
    let nl = detector.readoutLayers
    let depths = detector.activeSliceDepths
    var weights = layerWeights ?? [Double](repeating: 1, count: nl)
    if layerWeights == nil, nl > 1 {
      // Layer thickness in X0 from the spacing of the active slices.
      var pitch = [Double](repeating: 0, count: nl)
      for l in 0..<nl { pitch[l] = l + 1 < nl ? depths[l + 1] - depths[l] : depths[l] - depths[l - 1] }
      weights = pitch.map { ($0 / pitch[0] * 10000).rounded() / 10000 }
    }
    count = showers.count
    var profile = [Double](repeating: 0, count: nl)
    var sums: [Double] = []
    var weighted: [Double] = []
    var siFrac = 0.0, sampFrac = 0.0, esc = 0.0, cpu = 0.0, e0 = 0.0
    var r90s = 0.0, c1 = 0.0, c3 = 0.0, c5 = 0.0, nAbove = 0.0
    let cx = nx / 2
    let cy = ny / 2
    for s in showers {
      var total = 0.0
      var wsum = 0.0
      var xy = [Double](repeating: 0, count: nx * ny)
      s.cells.withUnsafeBufferPointer { c in
        for i in 0..<(nx * ny) {
          for l in 0..<nl {
            let v = Double(c[i * nl + l])
            if v == 0 { continue }
            profile[l] += v
            total += v
            wsum += v * weights[l]
            xy[i] += v
            if v > 0.05 { nAbove += 1 }
          }
        }
      }
      sums.append(total)
      weighted.append(wsum)
      e0 += s.energy
      siFrac += total / s.energy
      sampFrac += s.energyDeposited > 0 ? s.energySi / s.energyDeposited : 0
      esc += 1 - s.energyDeposited / s.energy
      cpu += s.cpuSeconds
      if total > 0 {
        var block = [0.0, 0.0, 0.0]
        for ix in max(0, cx - 2)...min(nx - 1, cx + 2) {
          for iy in max(0, cy - 2)...min(ny - 1, cy + 2) {
            let v = xy[ix * ny + iy]
            block[2] += v
            if abs(ix - cx) <= 1, abs(iy - cy) <= 1 { block[1] += v }
            if ix == cx, iy == cy { block[0] += v }
          }
        }
        c1 += block[0] / total
        c3 += block[1] / total
        c5 += block[2] / total
        r90s += ShowerStatistics.r90(xy: xy, nx: nx, ny: ny, cellSize: detector.config.cellSize, total: total)
      }
    }
    let dn = Double(n)
    meanPrimaryEnergy = e0 / dn
    let meanProfile = profile.map { $0 / dn }
    layerProfile = meanProfile
    let (m, r) = ShowerStatistics.meanRMS(sums)
    meanSi = m
    rmsSi = r
    resolutionRaw = m > 0 ? r / m : 0
    let (wm, wr) = ShowerStatistics.meanRMS(weighted)
    resolutionWeighted = wm > 0 ? wr / wm : 0
    siFraction = siFrac / dn
    samplingFraction = sampFrac / dn
    escapedFraction = esc / dn
    meanCPUSeconds = cpu / dn
    r90 = r90s / dn
    centralFraction = c1 / dn
    fraction3x3 = c3 / dn
    fraction5x5 = c5 / dn
    cellsAboveThreshold = nAbove / dn
    let lmax = meanProfile.indices.max(by: { meanProfile[$0] < meanProfile[$1] }) ?? 0
    layerOfMaximum = lmax
    tmaxParabola = ShowerStatistics.parabolaVertex(profile: meanProfile, depths: depths, around: lmax)
    tmaxGamma = ShowerStatistics.gammaFitTmax(profile: meanProfile, depths: depths)
  }

  static func meanRMS(_ v: [Double]) -> (Double, Double) {
    guard !v.isEmpty else { return (0, 0) }
    let m = v.reduce(0, +) / Double(v.count)
    let s = v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)
    return (m, s.squareRoot())
  }
}
