internal import CHDF5
internal import CZlib

/// A batch whose shower rows are already deflated, ready for `ShowerFileWriter.append(_:)`.
///
/// Made by `ShowerFileWriter.prepare(_:)`, which can run in parallel tasks (the conversion's task
/// group); the writer then stores the chunks with HDF5's direct chunk write, so HDF5's own
/// single-threaded gzip is skipped. Each chunk is one shower: the little-endian float32 cells
/// compressed by zlib `compress2` at the writer's gzip level, which is exactly what HDF5's deflate
/// filter stores, so the file is the same as one written by `append(_ batch:)`.
public struct PreparedShowerBatch: Sendable {
  /// The showers, in MeV (the scalars are written from here).
  public let batch: ShowerBatch
  /// One entry per shower: the zlib stream, or the raw bytes when deflate would not fit
  /// (HDF5 then marks the chunk's filter as skipped, as its optional deflate filter does).
  let chunks: [(bytes: [UInt8], compressed: Bool)]
}

extension ShowerFileWriter {
  /// Compresses each shower of `batch` for a direct chunk write; safe to call from any thread.
  ///
  /// - Parameters:
  ///   - batch: Showers for the writer.
  ///   - layout: The writer's layout. CaloTwin, and CaloChallenge with more than 32768 voxels,
  ///     store one shower per chunk and are compressed here; for smaller CaloChallenge showers
  ///     (several per chunk) nothing is done and `append(_:)` lets HDF5 compress.
  /// - Returns: The batch with one compressed chunk per shower.
  public static func prepare(_ batch: ShowerBatch, layout: ShowerLayout = .caloTwin) -> PreparedShowerBatch {
    guard layout != .caloChallenge || batch.cellsPerShower > 32768 else {
      return PreparedShowerBatch(batch: batch, chunks: [])
    }
    let perRow = batch.cellsPerShower
    let rowBytes = perRow * MemoryLayout<Float>.size
    // HDF5's deflate filter gives zlib ceil(1.001 n) + 12 bytes and stores the chunk unfiltered
    // when the stream does not fit; do the same.
    let limit = (rowBytes * 1001 + 999) / 1000 + 12
    var chunks: [(bytes: [UInt8], compressed: Bool)] = []
    chunks.reserveCapacity(batch.count)
    unsafe batch.cells.withUnsafeBytes { all in
      for row in 0..<batch.count {
        let source = unsafe UnsafeRawBufferPointer(rebasing: all[row * rowBytes..<(row + 1) * rowBytes])
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(rowBytes))))
        var length = uLongf(output.count)
        let status = unsafe output.withUnsafeMutableBytes { target in
          unsafe compress2(
            target.baseAddress!.assumingMemoryBound(to: Bytef.self), &length,
            source.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(rowBytes), Int32(gzipLevel))
        }
        if status == Z_OK, Int(length) <= limit {
          output.removeSubrange(Int(length)...)
          chunks.append((output, true))
        } else {
          chunks.append((unsafe Array(source), false))
        }
      }
    }
    return PreparedShowerBatch(batch: batch, chunks: chunks)
  }

  /// Appends a prepared batch: the cells by direct chunk writes, everything else as `append(_ batch:)`.
  ///
  /// - Throws: As `append(_ batch:)`.
  public func append(_ prepared: PreparedShowerBatch) throws(ShowerIOError) {
    let oneShowerPerChunk = layout == .caloTwin || cellShape[0] > 32768
    let usable = oneShowerPerChunk && prepared.chunks.count == prepared.batch.count
    try append(prepared.batch, chunks: usable ? prepared.chunks : nil)
  }
}

extension HDF5File {
  /// Grows a dataset with one row per chunk by `chunks.count` rows and writes each chunk directly.
  /// Callers hold `HDF5Library`'s lock.
  ///
  /// - Parameters:
  ///   - chunks: Filtered chunk bytes and whether the deflate filter was applied (filter mask 0)
  ///     or skipped (mask 1).
  ///   - startRow: The dataset's current number of rows.
  func appendChunks(
    _ name: String, chunks: [(bytes: [UInt8], compressed: Bool)], startRow: Int
  ) throws(ShowerIOError) {
    let dataset = try openDataset(name)
    let shape = try shape(of: dataset, name: name)
    guard shape[0] == startRow else {
      throw ShowerIOError(
        .writeFailed, "dataset has \(shape[0]) rows, expected \(startRow)", file: path, dataset: name)
    }
    var newDims = shape.map { hsize_t($0) }
    newDims[0] += hsize_t(chunks.count)
    try unsafe H5Dset_extent(dataset.id, &newDims).check(
      HDF5Library.failure(.writeFailed, "cannot grow the dataset", file: path, dataset: name))
    var offset = [hsize_t](repeating: 0, count: shape.count)
    for (i, chunk) in chunks.enumerated() {
      offset[0] = hsize_t(startRow + i)
      let status = unsafe chunk.bytes.withUnsafeBytes {
        unsafe H5Dwrite_chunk(
          dataset.id, swh5_p_default(), chunk.compressed ? 0 : 1, &offset, $0.count, $0.baseAddress)
      }
      guard status >= 0 else {
        throw HDF5Library.failure(
          .writeFailed, "cannot write a chunk; is the disk full?", file: path, dataset: name)
      }
    }
  }
}
