public import Core
public import Foundation
internal import ShowerIO

/// CaloChallenge's voxel-energy distribution (`evaluate.py`'s `plot_cell_dist`): every voxel of every
/// shower of both samples in one histogram, and its separation power.
///
/// Edges `np.logspace(log10(min_energy), log10(max), 50)`: `min_energy` the readout cut (as `E_layer`'s
/// lower edge, `Comparator.minimumEnergy`), `max` the largest reference voxel, its `log10` in float32 as
/// numpy takes it of a float32 array. Voxels below the cut count as 0 and, like every other voxel
/// outside the edges, are dropped (`np.histogram`); the separation power compares the kept fractions.
/// Computed for CaloChallenge voxels under CaloChallenge histogram binning, over all showers (not per
/// condition bin, as evaluate.py), by a second pass over both files.
public struct VoxelEnergyComparison: Sendable, Encodable, Equatable {
  /// The 50 log-spaced edges, MeV.
  public var edges: [Double]
  /// Reference voxels per bin.
  public var referenceCounts: [Double]
  /// Candidate voxels per bin.
  public var candidateCounts: [Double]
  /// `Histogram.separationPower` of the two.
  public var separationPower: Double
  /// Fraction of all reference voxels (zeros included) outside the edges.
  public var referenceOutside: Double
  /// Fraction of all candidate voxels outside the edges.
  public var candidateOutside: Double

  /// The comparison for two loaded samples, or `nil` when it does not apply (Cartesian files, no readout
  /// cut to start the edges at, or a reference without a voxel above the cut).
  ///
  /// - Parameters:
  ///   - reference: Reference file, read again; `referenceTable` its features (cut, maximum, skipped events).
  ///   - candidate: Candidate file; `candidateTable` its features.
  ///   - chunkSize: Showers read at a time.
  /// - Throws: `ValidationError.invalidInput` when a file cannot be read again.
  public static func compute(
    reference: URL, _ referenceTable: FeatureTable, candidate: URL, _ candidateTable: FeatureTable,
    chunkSize: Int = 256
  ) throws(ValidationError) -> VoxelEnergyComparison? {
    guard let binning = referenceTable.schema.binning,
      let low = Comparator.minimumEnergy(binning, referenceTable.cellThreshold),
      let histogram = Histogram.logarithmic(
        from: low, to: Double(referenceTable.maximumCell), edges: 50, float32Maximum: true)
    else { return nil }
    let (ref, refTotal) = try counts(reference, histogram, referenceTable, chunkSize)
    let (cand, candTotal) = try counts(candidate, histogram, candidateTable, chunkSize)
    func outside(_ c: [Double], _ total: Int) -> Double { total > 0 ? 1 - c.reduce(0, +) / Double(total) : 0 }
    return VoxelEnergyComparison(
      edges: histogram.edges, referenceCounts: ref, candidateCounts: cand,
      separationPower: Histogram.separationPower(ref, cand), referenceOutside: outside(ref, refTotal),
      candidateOutside: outside(cand, candTotal))
  }

  /// Voxels per bin of `histogram` over the showers of `url` that `table` kept, and the number of voxels.
  @_optimize(speed)
  static func counts(_ url: URL, _ histogram: Histogram, _ table: FeatureTable, _ chunkSize: Int)
    throws(ValidationError) -> ([Double], Int)
  {
    let skipped = Set(table.skippedEvents.map(\.event))
    let threshold = table.cellThreshold
    var counts = [Double](repeating: 0, count: histogram.bins)
    var total = 0
    do {
      let reader = try ShowerFileReader(at: url)
      let n = reader.cellsPerShower
      for range in reader.chunkRanges(size: max(1, chunkSize)) {
        let batch = try reader.read(range)
        for i in 0..<batch.count where !skipped.contains(range.lowerBound + i) {
          total += n
          for v in batch.cells[(i * n)..<((i + 1) * n)] {
            let value = v >= threshold ? Double(v) : 0
            if let b = histogram.bin(of: value) { counts[b] += 1 }
          }
        }
      }
    } catch {
      throw ValidationError(
        .invalidInput, "cannot read the file again for the voxel energies: \(error)", context: url.path)
    }
    return (counts, total)
  }
}
