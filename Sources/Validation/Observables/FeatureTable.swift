public import Core
internal import Foundation
public import ShowerIO

/// The features of a sample of showers: one row per shower, plus each shower's cell spectrum.
///
/// Built by streaming `ShowerBatch` chunks through `append(_:)`, which spreads the showers of a
/// chunk over the cores; row order follows the showers' order.
///
/// ```swift
/// var table = FeatureTable(schema: FeatureSchema(layout: .caloTwin))
/// try await table.append(batch)
/// ```
public struct FeatureTable: Sendable {
  /// Columns of each row.
  public let schema: FeatureSchema
  /// Cell energy (MeV) below which cells count as empty.
  public let cellThreshold: Float
  /// Row-major features, `count * schema.width` values.
  public private(set) var values: [Double] = []
  /// Row-major cell spectra, `count * CellSpectrum.bins` counts.
  public private(set) var spectra: [Float] = []
  /// Number of showers.
  public private(set) var count = 0
  /// Whether `lowLevel` is kept (for the `cls-low` classifier inputs).
  public let keepsLowLevel: Bool
  /// Row-major CaloChallenge `cls-low` inputs when `keepsLowLevel`: per shower `log10(E_inc / MeV)`
  /// followed by every cell energy divided by `E_inc` (cells below `cellThreshold` set to 0),
  /// `count * lowLevelWidth` values; empty otherwise.
  public private(set) var lowLevel: [Float] = []
  /// Whether the file's incident energies are float32 (then `E_sum/E_inc` of CaloChallenge voxels under
  /// `.float32` summation is a float32 quotient, as numpy divides two float32 arrays).
  public let incidentEnergiesAreFloat32: Bool
  /// Largest cell energy in MeV of all showers after the cell cut (0 when every cell is empty): the top
  /// of evaluate.py's voxel-energy histogram when this is the reference.
  public private(set) var maximumCell: Float = 0
  /// Events left out because a number in them was unusable (`BadEventPolicy.skip`), in file order.
  public internal(set) var skippedEvents: [BadEvent] = []

  /// Width of a `lowLevel` row: 1 + cells per shower.
  public var lowLevelWidth: Int { 1 + schema.cellShape.reduce(1, *) }

  /// Creates an empty table.
  ///
  /// - Parameters:
  ///   - schema: Feature columns.
  ///   - cellThreshold: Cell energy in MeV below which a cell counts as empty.
  ///   - keepsLowLevel: Keep the `cls-low` inputs (`lowLevel`; 4 bytes per cell and shower).
  ///   - incidentEnergiesAreFloat32: The file stores float32 incident energies.
  public init(
    schema: FeatureSchema, cellThreshold: Float = 0, keepsLowLevel: Bool = false,
    incidentEnergiesAreFloat32: Bool = false
  ) {
    self.schema = schema
    self.cellThreshold = cellThreshold
    self.keepsLowLevel = keepsLowLevel
    self.incidentEnergiesAreFloat32 = incidentEnergiesAreFloat32
  }

  /// Computes and appends the features of every shower of `batch`, in parallel over cores.
  ///
  /// - Parameters:
  ///   - batch: Showers with `cellShape == schema.layout.cellShape`.
  ///   - tasks: Number of parallel tasks (default: active processor count).
  /// - Throws: `ValidationError.geometryMismatch` when the cell shape differs.
  public mutating func append(_ batch: ShowerBatch, tasks: Int? = nil) async throws(ValidationError) {
    guard batch.cellShape == schema.cellShape else {
      throw ValidationError(
        .geometryMismatch,
        "showers have cell shape \(batch.cellShape) but the features are set up for "
          + "\(schema.cellShape); compare samples of the same geometry")
    }
    let n = batch.count
    guard n > 0 else { return }
    let parts = max(1, min(tasks ?? ProcessInfo.processInfo.activeProcessorCount, n))
    let schema = schema, threshold = cellThreshold, keepsLowLevel = keepsLowLevel
    let float32Energies = incidentEnergiesAreFloat32
    let chunks = await withTaskGroup(of: (Int, [Double], [Float], [Float]).self) { group in
      for p in 0..<parts {
        let range = (p * n / parts)..<((p + 1) * n / parts)
        group.addTask {
          let (rows, spectra) =
            switch schema.geometry {
            case .cartesian:
              Self.extract(batch, range, FeatureExtractor(schema: schema, cellThreshold: threshold))
            case .cylindrical:
              Self.extract(
                batch, range,
                CylindricalFeatureExtractor(
                  schema: schema, cellThreshold: threshold, incidentEnergiesAreFloat32: float32Energies))
            }
          let low = keepsLowLevel ? Self.lowLevelRows(batch, range: range, threshold: threshold) : []
          return (p, rows, spectra, low)
        }
      }
      var results = [(Int, [Double], [Float], [Float])]()
      for await result in group { results.append(result) }
      return results.sorted { $0.0 < $1.0 }
    }
    values.reserveCapacity(values.count + n * schema.width)
    for (_, rows, spectra, low) in chunks {
      values.append(contentsOf: rows)
      self.spectra.append(contentsOf: spectra)
      lowLevel.append(contentsOf: low)
    }
    count += n
    maximumCell = max(maximumCell, Self.maximum(batch.cells, threshold: threshold))
  }

  /// Largest value of `cells` at or above `threshold` (0 when none).
  @_optimize(speed)
  static func maximum(_ cells: [Float], threshold: Float) -> Float {
    var m: Float = 0
    for v in cells where v > m && v >= threshold { m = v }
    return m
  }

  /// `cls-low` rows of the showers in `range`.
  @_optimize(speed)
  static func lowLevelRows(_ batch: ShowerBatch, range: Range<Int>, threshold: Float) -> [Float] {
    let cellsPer = batch.cellsPerShower
    var out = [Float](repeating: 0, count: range.count * (1 + cellsPer))
    for (k, i) in range.enumerated() {
      let e = batch.energy[i], base = k * (1 + cellsPer), first = i * cellsPer
      out[base] = Float(log10(e))
      for c in 0..<cellsPer {
        let v = batch.cells[first + c]
        out[base + 1 + c] = v >= threshold ? Float(Double(v) / e) : 0
      }
    }
    return out
  }

  @_optimize(speed)
  static func extract(
    _ batch: ShowerBatch, _ range: Range<Int>, _ extractor: some ShowerFeatureExtracting
  ) -> ([Double], [Float]) {
    var extractor = extractor
    let schema = extractor.schema
    let width = schema.width, cellsPer = batch.cellsPerShower
    var rows = [Double](repeating: 0, count: range.count * width)
    var spectra = [Float](repeating: 0, count: range.count * CellSpectrum.bins)
    batch.cells.withUnsafeBufferPointer { cells in
      rows.withUnsafeMutableBufferPointer { out in
        for (k, i) in range.enumerated() {
          let shower = UnsafeBufferPointer(rebasing: cells[(i * cellsPer)..<((i + 1) * cellsPer)])
          let row = UnsafeMutableBufferPointer(rebasing: out[(k * width)..<((k + 1) * width)])
          extractor.extract(cells: shower, energy: batch.energy[i], theta: batch.theta[i], into: row)
          for (b, c) in extractor.spectrum.enumerated() where c != 0 {
            spectra[k * CellSpectrum.bins + b] = Float(c)
          }
        }
      }
    }
    return (rows, spectra)
  }

  /// Values of column `column` for all rows, or for the rows listed.
  @_optimize(speed)
  public func column(_ column: Int, rows: [Int]? = nil) -> [Double] {
    let w = schema.width
    if let rows { return rows.map { values[$0 * w + column] } }
    return (0..<count).map { values[$0 * w + column] }
  }

  /// The feature row of shower `row`.
  public func row(_ row: Int) -> ArraySlice<Double> {
    values[(row * schema.width)..<((row + 1) * schema.width)]
  }

  /// Summed cell spectrum of the rows listed (all rows when `nil`).
  @_optimize(speed)
  public func spectrum(rows: [Int]? = nil) -> [Double] {
    var sum = [Double](repeating: 0, count: CellSpectrum.bins)
    for r in rows ?? Array(0..<count) {
      for b in 0..<CellSpectrum.bins { sum[b] += Double(spectra[r * CellSpectrum.bins + b]) }
    }
    return sum
  }
}
