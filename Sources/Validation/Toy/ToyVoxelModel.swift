internal import Core
internal import Foundation
public import ShowerIO

/// A crude random shower model in CaloChallenge voxels, for tests and benchmarks (not physics).
///
/// Like `ToyShowerModel`: `E_vis = visibleFraction · E · (1 + resolution · N(0,1))` MeV in `deposits`
/// equal parts; each part's depth (in relevant layers) follows a gamma distribution growing with log E,
/// its transverse offset is Gaussian in mm (core `coreWidth`, or with probability 0.2 a halo 4× wider),
/// and it lands in the voxel of its radius and angle; parts beyond the last radial edge are lost.
/// Equal seeds give equal showers.
///
/// ```swift
/// let batch = ToyVoxelModel(binning: .dataset2).showers(energies: [10_000, 100_000], seed: 7)
/// ```
public struct ToyVoxelModel: Sendable {
  /// Geometry of the output.
  public var binning: CaloChallengeBinning
  /// Mean visible fraction of the incident energy.
  public var visibleFraction = 0.9
  /// Relative Gaussian fluctuation of the visible energy.
  public var resolution = 0.05
  /// Number of deposits per shower.
  public var deposits = 300
  /// Width in mm of the shower core.
  public var coreWidth = 5.0
  /// Multiplies every voxel energy (1.05 makes a miscalibrated candidate).
  public var cellScale: Float = 1

  /// Creates the model for a binning.
  public init(binning: CaloChallengeBinning) { self.binning = binning }

  /// Simulates one shower per entry of `energies`.
  ///
  /// - Parameters:
  ///   - energies: Incident energies in MeV.
  ///   - seed: Random seed.
  /// - Returns: A batch with `cellShape == [binning.voxelCount]`, theta π/2, pdgID 11.
  @_optimize(speed)
  public func showers(energies: [Double], seed: UInt64) -> ShowerBatch {
    let layers = binning.relevantLayers, offsets = binning.offsets, n = binning.voxelCount
    var batch = ShowerBatch(cellShape: [n])
    batch.cells = [Float](repeating: 0, count: energies.count * n)
    for (i, energy) in energies.enumerated() {
      var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(i))
      let visible = max(0, visibleFraction * energy * (1 + resolution * ToyShowerModel.normal(&rng)))
      let part = Float(visible / Double(deposits)) * cellScale
      let shape = 2.0 + 0.5 * log(max(energy, 1000) / 1000)
      let scale = Double(layers.count) / 25 * 2.0
      for _ in 0..<deposits {
        let depth = ToyShowerModel.gamma(shape, &rng) * scale
        let l = Int(depth)
        guard l < layers.count else { continue }
        let width =
          coreWidth * (ToyShowerModel.uniform(&rng) < 0.2 ? 4 : 1) * (1 + depth / Double(layers.count))
        let x = width * ToyShowerModel.normal(&rng), y = width * ToyShowerModel.normal(&rng)
        let r = (x * x + y * y).squareRoot(), edges = layers[l].rEdges
        guard r < edges.last!, let ir = edges.lastIndex(where: { $0 <= r }) else { continue }
        let na = layers[l].alphaBins
        let ia = min(na - 1, Int((atan2(y, x) + .pi) / (2 * .pi) * Double(na)))
        batch.cells[i * n + offsets[l] + ia * layers[l].radialBins + ir] += part
      }
      batch.energy.append(energy)
      batch.theta.append(.pi / 2)
      batch.pdgID.append(11)
    }
    return batch
  }
}
