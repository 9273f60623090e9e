internal import Foundation

/// Computes the feature row of single CaloChallenge showers from voxel positions given by a binning,
/// as CaloChallenge's `HighLevelFeatures.CalculateFeatures` defines them.
///
/// Holds per-thread scratch space; make one per task. Every sum runs over voxels with energy above 0
/// and at least `cellThreshold` (CaloChallenge sets voxels below `min_energy` to 0 first); E in MeV,
/// lengths in mm, voxel positions `x = r_mid cos α`, `y = r_mid sin α` (CaloChallenge η, φ):
/// - `E_sum` = Σ E; `E_sum/E_inc`; `E_layer[l]` the sum over relevant layer l.
/// - `EC_x[a] = Σ x E / (Σ E + 1e-16)` and `W_x[a] = sqrt(max(0, Σ x² E / (Σ E + 1e-16) − EC_x²))`
///   over angularly binned layer a, likewise y; `EC_r[l]`, `W_r[l]` the same with `r_mid`, every
///   relevant layer.
/// - `sparsity[l]` = 1 − (voxels of layer l with energy) / (voxels of layer l).
/// - `profile_r`: energy per radial bin of each relevant layer, layer-major.
/// - `hits>t`: voxels with E > t; `spectrum`: `CellSpectrum` counts.
///
/// With `schema.summation == .float32` (the default) `E_sum`, `E_layer` and the `Σ E` of every centroid
/// and width are float32 sums in numpy's pairwise order (`PairwiseSum`) over the cut voxels, as
/// `evaluate.py` forms them from float32 arrays, and `E_sum/E_inc` is a float32 quotient when the file's
/// incident energies are float32 (`incidentEnergiesAreFloat32`); the weighted sums `Σ x E`, `Σ x² E` are
/// Double (numpy promotes them through the float64 positions) in numpy's pairwise order too, so that
/// degenerate showers (equal voxels) give the same last bit. With `.double` every sum is Double in file order.
public struct CylindricalFeatureExtractor {
  /// Column layout of the rows this extractor writes.
  public let schema: FeatureSchema
  /// Voxels below this energy (MeV) count as empty.
  public let cellThreshold: Float
  /// Whether `E_sum/E_inc` is a float32 quotient (`.float32` summation and float32 incident energies on
  /// disk, as numpy divides two float32 arrays).
  public let incidentEnergiesAreFloat32: Bool
  /// Cell-energy spectrum of the last shower: counts per `CellSpectrum` bin.
  public internal(set) var spectrum: [Int]
  let xs: [Double], ys: [Double], rs: [Double]
  let layerOf: [Int], alphaLayerOf: [Int], profileBin: [Int], layerSize: [Int], binnedLayers: [Int]
  var sums: [Double], sx: [Double], sx2: [Double], sy: [Double], sy2: [Double], sr: [Double], sr2: [Double]
  var filled: [Int], profile: [Double], hits: [Int]
  /// Layer voxel ranges (file order) and the cut voxels of the current shower, for float32 sums.
  let layerRanges: [Range<Int>]
  var cut: [Float]
  var products: [Double]
  var total32: Float = 0

  /// Creates an extractor.
  ///
  /// - Parameters:
  ///   - schema: A schema made by `FeatureSchema(binning:)`.
  ///   - cellThreshold: Voxel energy in MeV below which a voxel counts as empty (default 0).
  ///   - incidentEnergiesAreFloat32: The file stores float32 incident energies (float32 `E_sum/E_inc`
  ///     under `.float32` summation).
  /// - Precondition: `schema.binning != nil`.
  public init(schema: FeatureSchema, cellThreshold: Float = 0, incidentEnergiesAreFloat32: Bool = false) {
    guard let binning = schema.binning else {
      preconditionFailure("CylindricalFeatureExtractor needs a binning")
    }
    self.schema = schema
    self.cellThreshold = cellThreshold
    self.incidentEnergiesAreFloat32 = incidentEnergiesAreFloat32
    var xs: [Double] = [], ys: [Double] = [], rs: [Double] = []
    var layerOf: [Int] = [], alphaLayerOf: [Int] = [], profileBin: [Int] = []
    var alphaIndex = 0, profileOffset = 0, binnedLayers: [Int] = []
    for (l, layer) in binning.relevantLayers.enumerated() {
      let binned = layer.alphaBins > 1
      for alpha in layer.alphaCentres {
        for (i, r) in layer.radialCentres.enumerated() {
          xs.append(r * cos(alpha)); ys.append(r * sin(alpha)); rs.append(r)
          layerOf.append(l); alphaLayerOf.append(binned ? alphaIndex : -1)
          profileBin.append(profileOffset + i)
        }
      }
      if binned { alphaIndex += 1; binnedLayers.append(l) }
      profileOffset += layer.radialBins
    }
    (self.xs, self.ys, self.rs) = (xs, ys, rs)
    (self.layerOf, self.alphaLayerOf, self.profileBin) = (layerOf, alphaLayerOf, profileBin)
    layerSize = binning.relevantLayers.map(\.voxelCount)
    var start = 0
    layerRanges = layerSize.map { size in
      defer { start += size }
      return start..<(start + size)
    }
    cut = schema.summation == .float32 ? .init(repeating: 0, count: xs.count) : []
    products = schema.summation == .float32 ? .init(repeating: 0, count: layerSize.max() ?? 0) : []
    self.binnedLayers = binnedLayers
    let l = layerSize.count, a = alphaIndex
    sums = .init(repeating: 0, count: l); sr = sums; sr2 = sums
    sx = .init(repeating: 0, count: a); sx2 = sx; sy = sx; sy2 = sx
    filled = .init(repeating: 0, count: l)
    profile = .init(repeating: 0, count: profileOffset)
    hits = .init(repeating: 0, count: schema.hitThresholds.count)
    spectrum = .init(repeating: 0, count: CellSpectrum.bins)
  }

  /// Fills `row` with the features of one shower.
  ///
  /// - Parameters:
  ///   - cells: The shower's `binning.voxelCount` voxel energies in MeV, in file order.
  ///   - energy: Incident energy in MeV.
  ///   - theta: Polar angle in radians (CaloChallenge files carry none; the reader's fixed value).
  ///   - row: `schema.width` values to overwrite.
  @_optimize(speed)
  public mutating func extract(
    cells: UnsafeBufferPointer<Float>, energy: Double, theta: Double,
    into row: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(cells.count == xs.count && row.count == schema.width)
    for i in sums.indices { sums[i] = 0; sr[i] = 0; sr2[i] = 0; filled[i] = 0 }
    for i in sx.indices { sx[i] = 0; sx2[i] = 0; sy[i] = 0; sy2[i] = 0 }
    for i in profile.indices { profile[i] = 0 }
    for i in hits.indices { hits[i] = 0 }
    for i in spectrum.indices { spectrum[i] = 0 }
    let threshold = cellThreshold, thresholds = schema.hitThresholds
    for v in 0..<cells.count {
      let value = cells[v]
      guard value > 0, value >= threshold else { continue }
      let e = Double(value), l = layerOf[v], r = rs[v]
      sums[l] += e; sr[l] += r * e; sr2[l] += r * r * e; filled[l] += 1
      let a = alphaLayerOf[v]
      if a >= 0 {
        let x = xs[v], y = ys[v]
        sx[a] += x * e; sx2[a] += x * x * e; sy[a] += y * e; sy2[a] += y * y * e
      }
      profile[profileBin[v]] += e
      for (k, t) in thresholds.enumerated() where e > t { hits[k] += 1 }
      spectrum[CellSpectrum.bin(of: e)] += 1
    }
    if schema.summation == .float32 { sumInFloat32(cells) }
    writeRow(row, energy: energy, theta: theta)
  }

  /// Replaces the layer sums by numpy's float32 pairwise sums of the cut voxels (and the weighted sums by
  /// its float64 pairwise sums) and sets `total32`.
  @_optimize(speed)
  private mutating func sumInFloat32(_ cells: UnsafeBufferPointer<Float>) {
    let threshold = cellThreshold
    cut.withUnsafeMutableBufferPointer { out in
      for v in 0..<cells.count {
        let value = cells[v]
        out[v] = value > 0 && value >= threshold ? value : 0
      }
    }
    var scratch = products
    let (xs, ys, rs) = (xs, ys, rs)
    cut.withUnsafeBufferPointer { all in
      total32 = PairwiseSum.float32(all)
      for (l, range) in layerRanges.enumerated() {
        let layer = UnsafeBufferPointer(rebasing: all[range])
        let first = range.lowerBound
        sums[l] = Double(PairwiseSum.float32(layer))
        sr[l] = Self.weighted(layer, &scratch) { rs[first + $0] }
        sr2[l] = Self.weighted(layer, &scratch) { rs[first + $0] * rs[first + $0] }
        let a = alphaLayerOf[first]
        guard a >= 0 else { continue }
        sx[a] = Self.weighted(layer, &scratch) { xs[first + $0] }
        sx2[a] = Self.weighted(layer, &scratch) { xs[first + $0] * xs[first + $0] }
        sy[a] = Self.weighted(layer, &scratch) { ys[first + $0] }
        sy2[a] = Self.weighted(layer, &scratch) { ys[first + $0] * ys[first + $0] }
      }
    }
    products = scratch
  }

  /// numpy's float64 pairwise sum of `weight(k) * E_k` over the voxels `k` of one layer.
  @_optimize(speed)
  static func weighted(
    _ layer: UnsafeBufferPointer<Float>, _ scratch: inout [Double], _ weight: (Int) -> Double
  ) -> Double {
    scratch.withUnsafeMutableBufferPointer { out in
      for k in 0..<layer.count { out[k] = weight(k) * Double(layer[k]) }
      return PairwiseSum.float64(UnsafeBufferPointer(rebasing: out[0..<layer.count]))
    }
  }

  @_optimize(speed)
  private func writeRow(_ row: UnsafeMutableBufferPointer<Double>, energy: Double, theta: Double) {
    var c = 0
    func put(_ value: Double) { row[c] = value; c += 1 }
    var total = 0.0
    if schema.summation == .float32 {
      total = Double(total32)
    } else {
      for s in sums { total += s }
    }
    let ratio =
      schema.summation == .float32 && incidentEnergiesAreFloat32
      ? Double(total32 / Float(energy)) : total / energy
    put(energy); put(theta); put(total); put(energy > 0 ? ratio : 0)
    for count in hits { put(Double(count)) }
    for s in sums { put(s) }
    // EC_x, EC_y, W_x, W_y need the sums of the angularly binned layers, in their order.
    let denominators = binnedLayers.map { sums[$0] + 1e-16 }
    for a in sx.indices { put(sx[a] / denominators[a]) }
    for a in sy.indices { put(sy[a] / denominators[a]) }
    for a in sx.indices { put(Self.width(sx[a], sx2[a], denominators[a])) }
    for a in sy.indices { put(Self.width(sy[a], sy2[a], denominators[a])) }
    for l in sums.indices { put(sr[l] / (sums[l] + 1e-16)) }
    for l in sums.indices { put(Self.width(sr[l], sr2[l], sums[l] + 1e-16)) }
    for l in sums.indices { put(1 - Double(filled[l]) / Double(layerSize[l])) }
    for p in profile { put(p) }
    assert(c == schema.width)
  }

  /// `sqrt(max(0, s2/d − (s1/d)²))`.
  static func width(_ s1: Double, _ s2: Double, _ d: Double) -> Double {
    let mean = s1 / d
    return max(0, s2 / d - mean * mean).squareRoot()
  }
}

/// What `FeatureTable` needs of an extractor: fill a row per shower and expose its cell spectrum.
public protocol ShowerFeatureExtracting {
  /// Column layout of the rows written.
  var schema: FeatureSchema { get }
  /// Cell-energy spectrum of the last shower, counts per `CellSpectrum` bin.
  var spectrum: [Int] { get }
  /// Fills `row` (`schema.width` values) with the features of one shower (cells in MeV, energy in
  /// MeV, theta in radians).
  mutating func extract(
    cells: UnsafeBufferPointer<Float>, energy: Double, theta: Double,
    into row: UnsafeMutableBufferPointer<Double>)
}

extension FeatureExtractor: ShowerFeatureExtracting {}
extension CylindricalFeatureExtractor: ShowerFeatureExtracting {}
