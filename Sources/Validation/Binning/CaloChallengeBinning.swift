internal import Foundation

/// The voxel geometry of a CaloChallenge dataset, as its `binning_dataset_*.xml` file states it.
///
/// Showers are flat, layer-major: voxel `(layer l, angular bin j, radial bin i)` sits at
/// `offsets[l] + j · n_r(l) + i` (radial index fastest). Layers with `r_edges="0"` hold no voxel.
/// Each voxel is represented by its mid-radius `r_mid` (mm) and the centre of its angular bin
/// `α_j = −π + (j + ½) · 2π / n_α`; the CaloChallenge "η" and "φ" coordinates are
/// `x = r_mid cos α_j` and `y = r_mid sin α_j` (mm), as in `XMLHandler.py`.
///
/// ```swift
/// let binning = try CaloChallengeBinning(contentsOf: URL(fileURLWithPath: "binning_dataset_2.xml"))
/// print(binning.voxelCount)   // 6480
/// ```
public struct CaloChallengeBinning: Sendable, Equatable, Codable {
  /// One `<Layer>` element.
  public struct Layer: Sendable, Equatable, Codable {
    /// The layer's `id` attribute (ATLAS layer number for dataset 1, 0–44 for datasets 2 and 3).
    public var id: Int
    /// Radial bin edges in mm (`r_edges`); `[0]` for a layer without voxels.
    public var rEdges: [Double]
    /// Angular bins (`n_bin_alpha`); 1 means no angular binning.
    public var alphaBins: Int

    /// Creates a layer.
    public init(id: Int, rEdges: [Double], alphaBins: Int) {
      self.id = id
      self.rEdges = rEdges
      self.alphaBins = alphaBins
    }

    /// Radial bins: `rEdges.count − 1`.
    public var radialBins: Int { max(0, rEdges.count - 1) }
    /// Voxels of the layer: radial × angular bins.
    public var voxelCount: Int { radialBins * alphaBins }
    /// Mid-radii of the radial bins in mm.
    public var radialCentres: [Double] { (0..<radialBins).map { (rEdges[$0] + rEdges[$0 + 1]) / 2 } }
    /// Centres of the angular bins in radians, from −π.
    public var alphaCentres: [Double] {
      (0..<alphaBins).map { -Double.pi + (Double($0) + 0.5) * 2 * Double.pi / Double(alphaBins) }
    }
  }

  /// Particle name of the `<Bin>` element (`photon`, `pion`, `electron`).
  public var particle: String
  /// PDG code of the `<Bin>` element (`pid`), 0 when absent.
  public var pid: Int
  /// All layers in file order, empty ones included.
  public var layers: [Layer]
  /// Where the binning came from (file name or `dataset 2 (built in)`), for messages and reports.
  public var source: String

  /// Creates a binning.
  ///
  /// - Precondition: every layer has at least one edge and at least one angular bin.
  public init(particle: String, pid: Int, layers: [Layer], source: String) {
    precondition(layers.allSatisfy { !$0.rEdges.isEmpty && $0.alphaBins > 0 }, "invalid CaloChallenge layer")
    self.particle = particle
    self.pid = pid
    self.layers = layers
    self.source = source
  }

  /// Total voxels per shower.
  public var voxelCount: Int { layers.reduce(0) { $0 + $1.voxelCount } }

  /// Layers that hold voxels (`relevantLayers` of `XMLHandler`), in file order.
  public var relevantLayers: [Layer] { layers.filter { $0.voxelCount > 0 } }

  /// Relevant layers with angular binning (`n_bin_alpha > 1`): those with η/φ centroids and widths.
  public var alphaBinnedLayers: [Layer] { relevantLayers.filter { $0.alphaBins > 1 } }

  /// First voxel of each relevant layer in the flat shower, plus the total at the end.
  public var offsets: [Int] {
    var out = [0]
    for layer in relevantLayers { out.append(out.last! + layer.voxelCount) }
    return out
  }
}
