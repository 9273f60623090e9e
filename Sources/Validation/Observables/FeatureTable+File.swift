public import Foundation
internal import ShowerIO

extension FeatureTable {
  /// Reads a shower file in chunks and computes the features of every shower, reading the next
  /// chunk while the cores work on the current one.
  ///
  /// - Parameters:
  ///   - url: HDF5 shower file (CaloTwin or LCD/3DGAN layout).
  ///   - cellSize: Cell pitch in mm (5.1 for CaloTwin).
  ///   - cellThreshold: Cell energy in MeV below which cells count as empty.
  ///   - hitThresholds: Hit-count thresholds in MeV.
  ///   - chunkSize: Showers read at a time.
  ///   - progress: Called after each chunk with showers done and the total.
  /// - Returns: The filled table.
  /// - Throws: `ValidationError` `.emptySample` (no shower), `.geometryMismatch` (not an
  ///   `[nx, ny, layers]` image), or `.invalidInput` wrapping the reader's error.
  public static func load(
    _ url: URL, cellSize: Double = 5.1, cellThreshold: Float = 0, hitThresholds: [Double] = [0, 0.05, 0.5],
    chunkSize: Int = 256, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) async throws(ValidationError) -> FeatureTable {
    let reader: ShowerFileReader
    do {
      reader = try ShowerFileReader(at: url)
    } catch {
      throw ValidationError(.invalidInput, error.description, context: url.path)
    }
    guard reader.count > 0 else {
      throw ValidationError(.emptySample, "the file holds no shower; give a file with showers", context: url.path)
    }
    let layout: CalorimeterLayout
    do {
      layout = try CalorimeterLayout(cellShape: reader.cellShape, cellSize: cellSize)
    } catch {
      throw ValidationError(error.code, error.message, context: url.path)
    }
    var table = FeatureTable(
      schema: FeatureSchema(layout: layout, hitThresholds: hitThresholds), cellThreshold: cellThreshold)
    let ranges = reader.chunkRanges(size: max(1, chunkSize))
    var pending: Task<ShowerBatch, any Error>? = Task { try reader.read(ranges[0]) }
    for (k, _) in ranges.enumerated() {
      let batch: ShowerBatch
      do {
        batch = try await pending!.value
      } catch let error as ShowerIOError {
        throw ValidationError(.invalidInput, error.description, context: url.path)
      } catch {
        throw ValidationError(.invalidInput, "\(error)", context: url.path)
      }
      let next = k + 1 < ranges.count ? ranges[k + 1] : nil
      pending = next.map { range in Task { try reader.read(range) } }
      try await table.append(batch)
      progress?(ranges[k].upperBound, reader.count)
    }
    return table
  }
}
