public import Core
public import Foundation
internal import ShowerIO

extension FeatureTable {
  /// Reads a shower file in chunks and computes the features of every shower, reading the next
  /// chunk while the cores work on the current one.
  ///
  /// - Parameters:
  ///   - url: HDF5 shower file (CaloTwin, LCD/3DGAN or CaloChallenge layout).
  ///   - cellSize: Cell pitch in mm (5.1 for CaloTwin); Cartesian files only.
  ///   - binning: Voxel geometry of a CaloChallenge file; `nil` picks the built-in binning by voxel
  ///     count (dataset 2: 6,480; dataset 3: 40,500) and says so through `notice`.
  ///   - cellThreshold: Cell energy in MeV below which cells count as empty (set to 0 before any
  ///     feature). `nil`: none for Cartesian files; for CaloChallenge files the readout cut of
  ///     `evaluate.py` (`CaloChallengeBinning.readoutThreshold`: 0.01515 MeV for datasets 2/3, 1 MeV
  ///     for dataset 1), said through `notice`.
  ///   - hitThresholds: Hit-count thresholds in MeV.
  ///   - chunkSize: Showers read at a time.
  ///   - keepsLowLevel: Keep the `cls-low` classifier inputs (`FeatureTable.lowLevel`).
  ///   - badEvents: What to do with an event holding a non-finite or negative cell, a non-finite or
  ///     non-positive incident energy or a non-finite angle: stop (`.fail`, the default) or leave it out
  ///     and list it in `skippedEvents` (`.skip`).
  ///   - summation: How CaloChallenge voxel sums are formed (`.float32`: numpy's float32 pairwise sums, as
  ///     evaluate.py; `.double`). Cartesian files always sum in Double.
  ///   - notice: Called with a line worth logging (the binning picked automatically).
  ///   - progress: Called after each chunk with showers done and the total.
  /// - Returns: The filled table.
  /// - Throws: `ValidationError` `.badEvent` (an unusable number, with `.fail`; the message names the
  ///   dataset and the 0-based event), `.emptySample` (no shower, or none left after skipping), `.geometryMismatch` (neither an
  ///   `[nx, ny, layers]` image nor voxels matching the binning or a built-in one), `.invalidConfiguration`
  ///   (a binning for a Cartesian file), or `.invalidInput` wrapping the reader's error.
  public static func load(
    _ url: URL, cellSize: Double = 5.1, cellThreshold: Float? = nil,
    hitThresholds: [Double] = [0, 0.05, 0.5],
    binning: CaloChallengeBinning? = nil, chunkSize: Int = 256, keepsLowLevel: Bool = false,
    badEvents: BadEventPolicy = .fail, summation: CellSummation = .float32,
    notice: (@Sendable (String) -> Void)? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws(ValidationError) -> FeatureTable {
    let reader: ShowerFileReader
    do {
      reader = try ShowerFileReader(at: url)
    } catch {
      throw ValidationError(.invalidInput, error.detail, context: url.path)
    }
    guard reader.count > 0 else {
      throw ValidationError(
        .emptySample, "the file holds no shower; give a file with showers", context: url.path)
    }
    let schema: FeatureSchema
    var threshold = cellThreshold ?? 0
    if reader.cellShape.count == 1 {
      let resolved = try resolveBinning(binning, voxels: reader.cellShape[0], file: url, notice: notice)
      schema = FeatureSchema(binning: resolved, hitThresholds: hitThresholds, summation: summation)
      if cellThreshold == nil, let cut = resolved.readoutThreshold {
        threshold = cut
        notice?(
          "\(url.lastPathComponent): CaloChallenge readout cut: voxels below "
            + "\(String(format: "%.5g", Double(cut))) MeV set to 0, as evaluate.py does (--cell-threshold 0 turns it off)"
        )
      }
    } else {
      if let binning {
        throw ValidationError(
          .invalidConfiguration,
          "the file holds a Cartesian image \(reader.cellShape), but a CaloChallenge binning (\(binning.source)) "
            + "was given; leave the binning out for Cartesian files", context: url.path)
      }
      do {
        schema = FeatureSchema(
          layout: try CalorimeterLayout(cellShape: reader.cellShape, cellSize: cellSize),
          hitThresholds: hitThresholds)
      } catch {
        throw ValidationError(error.code, error.message, context: url.path)
      }
    }
    let energyType =
      reader.layout == .caloChallenge
      ? (try? reader.datasets())?.first { $0.name == "incident_energies" }?.dtype : nil
    var table = FeatureTable(
      schema: schema, cellThreshold: threshold, keepsLowLevel: keepsLowLevel,
      incidentEnergiesAreFloat32: energyType == "float32")
    let ranges = reader.chunkRanges(size: max(1, chunkSize))
    var pending: Task<ShowerBatch, any Error>? = Task { try reader.read(ranges[0]) }
    for (k, _) in ranges.enumerated() {
      let batch: ShowerBatch
      do {
        batch = try await pending!.value
      } catch let error as ShowerIOError {
        throw ValidationError(.invalidInput, error.detail, context: url.path)
      } catch {
        throw ValidationError(.invalidInput, "\(error)", context: url.path)
      }
      let next = k + 1 < ranges.count ? ranges[k + 1] : nil
      pending = next.map { range in Task { try reader.read(range) } }
      let (clean, bad) = batch.screened(firstEvent: ranges[k].lowerBound, layout: reader.layout)
      if let first = bad.first, badEvents == .fail {
        pending?.cancel()
        throw ValidationError(
          .badEvent,
          "\(first.description); fix or regenerate the file, or pass --skip-bad-events to leave such "
            + "events out", context: url.path)
      }
      table.skippedEvents.append(contentsOf: bad)
      try await table.append(clean)
      progress?(ranges[k].upperBound, reader.count)
    }
    guard table.count > 0 else {
      throw ValidationError(
        .emptySample,
        "all \(reader.count) events were skipped for unusable numbers (first: "
          + "\(table.skippedEvents.first?.description ?? "none")); fix or regenerate the file",
        context: url.path)
    }
    return table
  }
}

extension FeatureTable {
  /// The binning for a CaloChallenge file of `voxels` voxels: `given` if its voxel count matches,
  /// else the built-in one with that count.
  ///
  /// - Throws: `ValidationError.geometryMismatch` naming the file and the counts.
  static func resolveBinning(
    _ given: CaloChallengeBinning?, voxels: Int, file: URL, notice: (@Sendable (String) -> Void)?
  ) throws(ValidationError) -> CaloChallengeBinning {
    if let given {
      guard given.voxelCount == voxels else {
        throw ValidationError(
          .geometryMismatch,
          "the file's showers have \(voxels) voxels but the binning \(given.source) describes "
            + "\(given.voxelCount); compare files of one dataset and give that dataset's binning file",
          context: file.path)
      }
      return given
    }
    guard let builtIn = CaloChallengeBinning.builtIn(voxelCount: voxels) else {
      throw ValidationError(
        .geometryMismatch,
        "CaloChallenge showers with \(voxels) voxels match no built-in binning (dataset 2: 6480, dataset 3: "
          + "40500); give the dataset's binning XML with --binning", context: file.path)
    }
    notice?(
      "\(file.lastPathComponent): no binning given; \(voxels) voxels per shower → CaloChallenge \(builtIn.source)"
    )
    return builtIn
  }
}
