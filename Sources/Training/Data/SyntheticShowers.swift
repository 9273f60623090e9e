internal import Core
internal import Foundation
public import ShowerIO

/// Toy electromagnetic showers for tests and demos: no Geant4, but the structure the 3DGAN must learn.
///
/// Deposits are `fraction · E` spread over a Gamma-like longitudinal profile (maximum deepening with
/// log E), a Gaussian transverse core whose centre moves along y with depth by `cot θ` cells per layer,
/// and multiplicative noise. Energies are uniform in `energyRange` (MeV), angles uniform in `thetaRange`.
public enum SyntheticShowers {
  /// Makes `count` showers of `shape` (x, y, layers).
  ///
  /// - Parameters:
  ///   - fraction: Deposited (visible) fraction of the primary energy.
  ///   - seed: Equal seeds give equal showers.
  public static func make(
    count: Int, shape: [Int] = [12, 12, 10], energyRange: ClosedRange<Double> = 10_000...100_000,
    thetaRange: ClosedRange<Double> = 1.2...1.9, fraction: Double = 0.02, seed: UInt64 = 7
  ) -> ShowerBatch {
    precondition(shape.count == 3, "shape is (x, y, layers)")
    var rng = RandomStream(seed: seed, stream: 99)
    var batch = ShowerBatch(cellShape: shape)
    let (nx, ny, nz) = (shape[0], shape[1], shape[2])
    for _ in 0..<count {
      let energy = energyRange.lowerBound + rng.uniform() * (energyRange.upperBound - energyRange.lowerBound)
      let theta = thetaRange.lowerBound + rng.uniform() * (thetaRange.upperBound - thetaRange.lowerBound)
      let tMax = 0.25 * Double(nz) * (0.6 + 0.15 * log(energy / 1000))
      var profile = (0..<nz).map { z -> Double in
        let t = (Double(z) + 0.5) / max(tMax, 0.5)
        return pow(t, 2) * exp(-2 * t)
      }
      let norm = profile.reduce(0, +)
      profile = profile.map { $0 / norm }
      let slope = cos(theta) / max(sin(theta), 0.1)
      var cells = [Float](repeating: 0, count: nx * ny * nz)
      let sigma = 0.9
      for z in 0..<nz {
        let cx = Double(nx) / 2
        let cy = Double(ny) / 2 + slope * (Double(z) - Double(nz) / 3)
        var weights = [Double](repeating: 0, count: nx * ny)
        var total = 0.0
        for x in 0..<nx {
          for y in 0..<ny {
            let dx = Double(x) + 0.5 - cx
            let dy = Double(y) + 0.5 - cy
            let w = exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) * (0.7 + 0.6 * rng.uniform())
            weights[x * ny + y] = w
            total += w
          }
        }
        guard total > 0 else { continue }
        let layerEnergy = fraction * energy * profile[z]
        for x in 0..<nx {
          for y in 0..<ny {
            let v = layerEnergy * weights[x * ny + y] / total
            cells[(x * ny + y) * nz + z] = v > 0.01 ? Float(v) : 0
          }
        }
      }
      batch.append(cells: cells, energy: energy, theta: theta, pdgID: 11)
    }
    return batch
  }
}
