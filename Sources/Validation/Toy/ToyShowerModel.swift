internal import Core
internal import Foundation
public import ShowerIO

/// A crude random electromagnetic shower model for tests and benchmarks (not physics).
///
/// Each shower deposits `E_vis = samplingFraction · E · (1 + resolution · N(0,1))` MeV in `deposits`
/// equal parts. Each part's depth (in layers) follows a gamma distribution whose shape grows with
/// log E; its (x, y) offset is Gaussian, a narrow core (0.6 cells) or, with probability 0.2, a wide
/// halo (2.5 cells), growing with depth; the polar angle tilts the shower along y.
/// Equal seeds give equal showers.
///
/// ```swift
/// let batch = ToyShowerModel().showers(energies: [10_000, 100_000], seed: 7)
/// ```
public struct ToyShowerModel: Sendable {
  /// Geometry of the output.
  public var layout: CalorimeterLayout
  /// Mean visible fraction of the primary energy.
  public var samplingFraction = 0.02
  /// Relative Gaussian fluctuation of the visible energy.
  public var resolution = 0.06
  /// Number of deposits per shower.
  public var deposits = 300
  /// Multiplies every cell energy (1.05 makes a miscalibrated candidate).
  public var cellScale: Float = 1

  /// Creates the model for a layout (default CaloTwin).
  public init(layout: CalorimeterLayout = .caloTwin) { self.layout = layout }

  /// Simulates one shower per entry of `energies`.
  ///
  /// - Parameters:
  ///   - energies: Primary energies in MeV.
  ///   - thetas: Polar angles in radians (default π/2 each).
  ///   - seed: Random seed.
  /// - Returns: A batch with `layout.cellShape`, pdgID 11.
  public func showers(energies: [Double], thetas: [Double]? = nil, seed: UInt64) -> ShowerBatch {
    var batch = ShowerBatch(cellShape: layout.cellShape)
    batch.cells = [Float](repeating: 0, count: energies.count * layout.cellCount)
    for (i, energy) in energies.enumerated() {
      var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(i))
      let theta = thetas?[i] ?? .pi / 2
      batch.cells.withUnsafeMutableBufferPointer { cells in
        fill(
          UnsafeMutableBufferPointer(rebasing: cells[(i * layout.cellCount)...].prefix(layout.cellCount)),
          energy: energy, theta: theta, rng: &rng)
      }
      batch.energy.append(energy)
      batch.theta.append(theta)
      batch.pdgID.append(11)
    }
    return batch
  }

  @_optimize(speed)
  func fill(
    _ cells: UnsafeMutableBufferPointer<Float>, energy: Double, theta: Double, rng: inout SplitMix64
  ) {
    let visible = max(0, samplingFraction * energy * (1 + resolution * Self.normal(&rng)))
    let part = Float(visible / Double(deposits)) * cellScale
    let shape = 2.0 + 0.5 * log(max(energy, 1000) / 1000)
    let scale = Double(layout.layers) / 25 * 2.0
    let slope = cos(theta) / max(sin(theta), 0.1)
    for _ in 0..<deposits {
      let depth = Self.gamma(shape, &rng) * scale
      let l = Int(depth)
      guard l < layout.layers else { continue }
      let width = (Self.uniform(&rng) < 0.2 ? 2.5 : 0.6) * (1 + depth / Double(layout.layers))
      let x = Double(layout.nx) / 2 + width * Self.normal(&rng)
      let y = Double(layout.ny) / 2 + width * Self.normal(&rng) + slope * depth * 0.5
      let ix = Int(x.rounded(.down)), iy = Int(y.rounded(.down))
      guard ix >= 0, ix < layout.nx, iy >= 0, iy < layout.ny else { continue }
      cells[(ix * layout.ny + iy) * layout.layers + l] += part
    }
  }

  @_optimize(speed)
  static func uniform(_ rng: inout SplitMix64) -> Double { Double(rng.next() >> 11) * 0x1p-53 }

  @_optimize(speed)
  static func normal(_ rng: inout SplitMix64) -> Double {
    let u = max(Self.uniform(&rng), .ulpOfOne)
    let v = Self.uniform(&rng)
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }

  /// Marsaglia–Tsang gamma variate with unit scale (shape ≥ 1).
  @_optimize(speed)
  static func gamma(_ shape: Double, _ rng: inout SplitMix64) -> Double {
    let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
    while true {
      let x = normal(&rng)
      let v = pow(1 + c * x, 3)
      if v <= 0 { continue }
      let u = max(Self.uniform(&rng), .ulpOfOne)
      if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
    }
  }
}
