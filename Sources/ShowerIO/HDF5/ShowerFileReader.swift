public import Foundation

/// Reads showers from an HDF5 file in any `ShowerLayout`, a range of events at a time.
///
/// Opening reads only metadata (layout, shapes, attributes); `read(_:)` fetches the requested rows
/// with one hyperslab read per dataset, so files larger than memory are fine. Energies come back in
/// MeV and angles in radians whatever the file's units. The reader is `Sendable`: all HDF5 calls
/// go through one process-wide lock, so tasks may share it (HDF5 itself then runs one call at a time).
///
/// ```swift
/// let reader = try ShowerFileReader(at: URL(fileURLWithPath: "showers.h5"))
/// try reader.forEachChunk(size: 64) { rows, batch in print(rows, batch.totalEnergies) }
/// ```
public final class ShowerFileReader: Sendable {
  /// Location of the file.
  public let url: URL
  /// The layout found (or forced through `options.layout`).
  public let layout: ShowerLayout
  /// Number of showers in the file.
  public let count: Int
  /// Shape of one shower: `[51, 51, 25]` (x, y, layer) or `[voxels]` for CaloChallenge.
  public let cellShape: [Int]
  /// File-level attributes as text (for example `geometry`, `generator`).
  public let attributes: [String: String]
  /// The options the file was opened with.
  public let options: ShowerReadOptions

  let file: HDF5File
  let plan: ShowerReadPlan

  /// Opens a shower file and checks its datasets.
  ///
  /// - Parameters:
  ///   - url: HDF5 file to read.
  ///   - options: Layout, LCD scale and angle choices; the defaults suit all supported layouts.
  /// - Throws: `ShowerIOError` with code `fileNotFound`, `notHDF5`, `truncated`, `corrupt`,
  ///   `unknownLayout`, `missingDataset`, `wrongShape` or `wrongType`, naming file and dataset.
  public init(at url: URL, options: ShowerReadOptions = ShowerReadOptions()) throws(ShowerIOError) {
    let file = try HDF5File.open(url.path)
    let opened = try HDF5Library.locked { () throws(ShowerIOError) -> (ShowerReadPlan, [String: String]) in
      let attributes = file.attributes(of: file.id)
      let plan = try ShowerReadPlan(file: file, fileAttributes: attributes, options: options)
      return (plan, attributes)
    }
    self.url = url
    self.file = file
    self.plan = opened.0
    self.attributes = opened.1
    self.options = options
    layout = plan.layout
    count = plan.count
    cellShape = plan.cellShape
  }

  /// Number of cells (voxels) in one shower: the product of `cellShape`.
  public var cellsPerShower: Int { cellShape.reduce(1, *) }

  /// Names of the optional per-shower datasets present (`E_si`, `E_abs`, `E_other`, `cpu_s`).
  public var extraNames: [String] { plan.extras }

  /// Reads showers `range` into memory.
  ///
  /// - Parameter range: Rows to read, within `0..<count`.
  /// - Returns: Cells in MeV (shape `[range.count] + cellShape`), energies in MeV, angles in rad.
  /// - Throws: `invalidArgument` for a range outside the file; `truncated` or `corrupt` when the
  ///   data cannot be read.
  public func read(_ range: Range<Int>) throws(ShowerIOError) -> ShowerBatch {
    guard range.lowerBound >= 0, range.upperBound <= count else {
      throw ShowerIOError(
        .invalidArgument, "rows \(range.lowerBound)..<\(range.upperBound) are outside 0..<\(count)",
        file: url.path)
    }
    return try HDF5Library.locked { () throws(ShowerIOError) -> ShowerBatch in
      try plan.read(range, from: file)
    }
  }

  /// Reads the incident energies (MeV) and angles (rad) of showers `range`, without their cells.
  ///
  /// - Throws: `invalidArgument` for a range outside the file; read errors as `read(_:)`.
  public func readConditions(_ range: Range<Int>) throws(ShowerIOError) -> (energy: [Double], theta: [Double])
  {
    guard range.lowerBound >= 0, range.upperBound <= count else {
      throw ShowerIOError(
        .invalidArgument, "rows \(range.lowerBound)..<\(range.upperBound) are outside 0..<\(count)",
        file: url.path)
    }
    return try HDF5Library.locked { () throws(ShowerIOError) -> ([Double], [Double]) in
      try plan.conditions(range, from: file)
    }
  }

  /// Reads every shower. Prefer `forEachChunk(size:_:)` for big files.
  public func readAll() throws(ShowerIOError) -> ShowerBatch { try read(0..<count) }

  /// Consecutive row ranges of at most `size` showers covering the file, in order.
  ///
  /// A data loader can shuffle these and pass them to `read(_:)`.
  public func chunkRanges(size: Int) -> [Range<Int>] {
    precondition(size > 0, "chunk size must be positive")
    return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
  }

  /// Reads the file in consecutive chunks of at most `size` showers, in order.
  ///
  /// - Parameters:
  ///   - size: Showers per chunk (> 0); memory use is about `size × cellsPerShower × 4` bytes.
  ///   - body: Called with each chunk's rows and showers.
  /// - Throws: The reader's `ShowerIOError`, or what `body` throws.
  public func forEachChunk(
    size: Int, _ body: (Range<Int>, ShowerBatch) throws -> Void
  ) throws {
    for range in chunkRanges(size: size) {
      try body(range, try read(range))
    }
  }

  /// Shape, type, chunking, compression and attributes of every dataset in the root group.
  public func datasets() throws(ShowerIOError) -> [ShowerDatasetInfo] {
    try HDF5Library.locked { () throws(ShowerIOError) -> [ShowerDatasetInfo] in
      var infos: [ShowerDatasetInfo] = []
      for name in file.datasetNames() { infos.append(try file.info(of: name)) }
      return infos
    }
  }
}

/// Opens a shower file for the duration of `body`.
///
/// - Parameters:
///   - url: HDF5 file to read.
///   - options: See `ShowerReadOptions`.
///   - body: Work with the reader; do not let it escape.
/// - Returns: What `body` returns.
/// - Throws: The opening `ShowerIOError`, or what `body` throws.
public func withShowerFile<R>(
  at url: URL, options: ShowerReadOptions = ShowerReadOptions(),
  _ body: (ShowerFileReader) throws -> R
) throws -> R {
  let reader = try ShowerFileReader(at: url, options: options)
  return try body(reader)
}
