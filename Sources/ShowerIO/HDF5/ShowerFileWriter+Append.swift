internal import CHDF5
internal import Core
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension ShowerFileWriter {
  /// Appends a batch of showers.
  ///
  /// - Parameter batch: Showers of this writer's `cellShape` (CaloChallenge: the same number of
  ///   voxels). For the CaloTwin layout the first non-empty batch fixes the extras (`E_si`,
  ///   `E_abs`, `E_other`, `cpu_s`); later batches must carry the same keys.
  /// - Throws: `invalidArgument` for a shape or extras mismatch or after `finish()`;
  ///   `writeFailed` when HDF5 cannot write (disk full).
  public func append(_ batch: ShowerBatch) throws(ShowerIOError) {
    try append(batch, chunks: nil)
  }

  /// Appends `batch`, writing its cells from `chunks` (one pre-filtered chunk per shower, for a
  /// cells dataset of one shower per chunk) when given, or through HDF5's filters otherwise.
  func append(_ batch: ShowerBatch, chunks: [(bytes: [UInt8], compressed: Bool)]?) throws(ShowerIOError) {
    guard let file = currentFile else {
      throw ShowerIOError(.invalidArgument, "the writer is finished; start a new one", file: url.path)
    }
    guard batch.count > 0 else { return }
    let shapeMatches =
      layout == .caloChallenge
      ? batch.cellsPerShower == cellShape[0] : batch.cellShape == cellShape
    guard shapeMatches else {
      throw ShowerIOError(
        .invalidArgument, "batch cell shape \(batch.cellShape) does not match the file's \(cellShape)",
        file: url.path)
    }
    let extras = try checkedExtras(batch)
    let layout = layout
    let n = batch.count
    let start = count
    try HDF5Library.locked { () throws(ShowerIOError) in
      switch layout {
      case .caloChallenge:
        if let chunks {
          try file.appendChunks("showers", chunks: chunks, startRow: start)
        } else {
          try file.appendRows("showers", values: batch.cells, rows: n, memoryType: swh5_native_float())
        }
        try file.appendRows(
          "incident_energies", values: batch.energy.map { Float($0) }, rows: n,
          memoryType: swh5_native_float())
      case .caloTwin, .lcd:
        if let chunks {
          try file.appendChunks("ECAL", chunks: chunks, startRow: start)
        } else {
          try file.appendRows("ECAL", values: batch.cells, rows: n, memoryType: swh5_native_float())
        }
        try file.appendRows(
          "energy", values: batch.energy.map { Float(Units.gev(fromMeV: $0)) }, rows: n,
          memoryType: swh5_native_float())
        try file.appendRows(
          "theta", values: batch.theta.map { Float($0) }, rows: n, memoryType: swh5_native_float())
        try file.appendRows("pdgID", values: batch.pdgID, rows: n, memoryType: swh5_native_int32())
        for name in extras {
          try file.appendRows(name, values: batch.extras[name]!, rows: n, memoryType: swh5_native_double())
        }
      }
    }
    count += n
  }

  /// The extras to write for `batch`, creating their datasets on the first batch.
  private func checkedExtras(_ batch: ShowerBatch) throws(ShowerIOError) -> [String] {
    guard layout == .caloTwin else { return [] }
    let keys = batch.extras.keys.sorted()
    if let known = extraNamesSoFar {
      guard keys == known else {
        throw ShowerIOError(
          .invalidArgument, "batch extras \(keys) differ from the first batch's \(known)", file: url.path)
      }
      return keys
    }
    let allowed = ShowerReadPlan.extraNames
    if let unknown = keys.first(where: { !allowed.contains($0) }) {
      throw ShowerIOError(
        .invalidArgument,
        "unknown extra '\(unknown)'\(ShowerIOError.didYouMean(unknown, in: allowed)); allowed: \(allowed.joined(separator: ", "))",
        file: url.path, dataset: unknown)
    }
    if let file = currentFile, !keys.isEmpty {
      try HDF5Library.locked { () throws(ShowerIOError) in
        for name in keys {
          try file.createGrowingDataset(
            name, rowShape: [], fileType: swh5_ieee_f64le(), chunkRows: 1024, gzipLevel: nil)
        }
      }
    }
    extraNamesSoFar = keys
    return keys
  }

  /// Closes the file, flushes it to disk and renames it to `url`, replacing any file there.
  ///
  /// - Throws: `writeFailed` when flushing or renaming fails (the temporary file is removed).
  public func finish() throws(ShowerIOError) {
    guard let file = currentFile else {
      throw ShowerIOError(.invalidArgument, "the writer is already finished", file: url.path)
    }
    try HDF5Library.locked { () throws(ShowerIOError) in try file.flush() }
    currentFile = nil  // closes the HDF5 file before the rename
    do {
      try atomic.commit()
    } catch {
      throw ShowerIOError(error)
    }
    finished = true
  }
}
