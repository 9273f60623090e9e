internal import CHDF5

/// Row-wise (first-axis) hyperslab reads and appends. Callers hold `HDF5Library`'s lock.
extension HDF5File {
  /// Reads rows `rows` of a dataset of shape `shape`, converted by HDF5 to the memory type.
  ///
  /// - Parameters:
  ///   - dataset: Open dataset.
  ///   - name: Its name, for errors.
  ///   - shape: Its full shape; rows run along axis 0.
  ///   - rows: Rows to read; within `0..<shape[0]` (checked by the caller).
  ///   - memoryType: HDF5 native type matching `T` (for example `swh5_native_float()`).
  ///   - zero: `T`'s zero, to allocate the buffer.
  /// - Returns: `rows.count * product(shape[1...])` values, row-major.
  func readRows<T: BitwiseCopyable>(
    _ dataset: borrowing HDF5Handle, name: String, shape: [Int], rows: Range<Int>,
    memoryType: hid_t, zero: T
  ) throws(ShowerIOError) -> [T] {
    let perRow = shape.dropFirst().reduce(1, *)
    let total = rows.count * perRow
    guard total > 0 else { return [] }
    let fileSpace = try HDF5Handle(
      H5Dget_space(dataset.id), .dataspace,
      orThrow: HDF5Library.failure(.corrupt, "cannot read the dataset's shape", file: path, dataset: name))
    var start = [hsize_t](repeating: 0, count: shape.count)
    var count = shape.map { hsize_t($0) }
    start[0] = hsize_t(rows.lowerBound)
    count[0] = hsize_t(rows.count)
    try unsafe H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil).check(
      HDF5Library.failure(.hdf5Failure, "cannot select rows \(rows)", file: path, dataset: name))
    // The memory dataspace has the selection's own shape: HDF5 then copies whole chunks instead
    // of iterating element by element (a rank-1 memory space made reads ~5× slower).
    let memorySpace = try HDF5Handle(
      unsafe H5Screate_simple(Int32(count.count), &count, nil), .dataspace,
      orThrow: HDF5Library.failure(
        .hdf5Failure, "cannot create a memory dataspace", file: path, dataset: name))
    var values = [T](repeating: zero, count: total)
    let status = unsafe values.withUnsafeMutableBytes {
      unsafe H5Dread(dataset.id, memoryType, memorySpace.id, fileSpace.id, swh5_p_default(), $0.baseAddress)
    }
    guard status >= 0 else {
      let stack = HDF5Library.takeErrorStack()
      // Find the first unreadable row, so the error can name the event.
      var event = rows.lowerBound
      if rows.count > 1 {
        for row in rows {
          let readable =
            (try? readRows(
              dataset, name: name, shape: shape, rows: row..<row + 1, memoryType: memoryType, zero: zero))
            != nil
          if !readable {
            event = row
            break
          }
        }
      }
      throw Self.readFailure(stack: stack, file: path, dataset: name, event: event)
    }
    return values
  }

  /// The error for a failed read, classified from HDF5's error stack.
  private static func readFailure(stack: String, file: String, dataset: String, event: Int) -> ShowerIOError {
    let lower = stack.lowercased()
    let code: ShowerIOError.Code
    let what: String
    if let range = stack.firstRange(of: "required filter '"), lower.contains("not registered") {
      // A filter plugin the writer used (h5py's lzf, Blosc, bitshuffle) that this libhdf5 lacks.
      let name = stack[range.upperBound...].prefix { $0 != "'" }
      return ShowerIOError(
        .unsupportedCompression,
        "the dataset is compressed with the HDF5 filter '\(name)', which this HDF5 library does not have; "
          + "rewrite the file with gzip (h5repack -f GZIP=4 IN OUT) or install the filter plugin "
          + "(HDF5_PLUGIN_PATH)",
        file: file, dataset: dataset, event: event)
    }
    if lower.contains("truncated") || lower.contains("addr overflow") || lower.contains("eof") {
      (code, what) = (.truncated, "the file is truncated")
    } else if lower.contains("filter") || lower.contains("inflate") || lower.contains("deflate") {
      (code, what) = (.decompressionFailed, "a compressed chunk is damaged (decompression failed)")
    } else {
      (code, what) = (.corrupt, "the data is damaged")
    }
    return ShowerIOError(
      code,
      "cannot read this shower: \(what); copy or regenerate the file"
        + (stack.isEmpty ? "" : " (HDF5: \(stack))"),
      file: file, dataset: dataset, event: event)
  }

  /// Creates an empty dataset of shape `[0] + rowShape` that can grow along axis 0.
  ///
  /// - Parameters:
  ///   - fileType: Stored element type (for example `swh5_ieee_f32le()`).
  ///   - chunkRows: Rows per chunk (≥ 1).
  ///   - gzipLevel: Deflate level 1–9, or `nil` for no compression.
  func createGrowingDataset(
    _ name: String, rowShape: [Int], fileType: hid_t, chunkRows: Int, gzipLevel: Int?
  ) throws(ShowerIOError) {
    var dims = [hsize_t(0)] + rowShape.map { hsize_t($0) }
    var maxDims = [swh5_unlimited()] + rowShape.map { hsize_t($0) }
    var chunk = [hsize_t(max(1, chunkRows))] + rowShape.map { hsize_t(max(1, $0)) }
    let space = try HDF5Handle(
      unsafe H5Screate_simple(Int32(dims.count), &dims, &maxDims), .dataspace,
      orThrow: HDF5Library.failure(.writeFailed, "cannot create a dataspace", file: path, dataset: name))
    let plist = try HDF5Handle(
      H5Pcreate(swh5_p_dataset_create()), .propertyList,
      orThrow: HDF5Library.failure(.writeFailed, "cannot create a property list", file: path, dataset: name))
    try unsafe H5Pset_chunk(plist.id, Int32(chunk.count), &chunk).check(
      HDF5Library.failure(.writeFailed, "cannot set chunking", file: path, dataset: name))
    // No object timestamps: the same content gives a byte-identical file.
    try H5Pset_obj_track_times(plist.id, false).check(
      HDF5Library.failure(.writeFailed, "cannot disable time tracking", file: path, dataset: name))
    if let gzipLevel {
      try H5Pset_deflate(plist.id, UInt32(gzipLevel)).check(
        HDF5Library.failure(.writeFailed, "cannot enable gzip", file: path, dataset: name))
    }
    _ = try HDF5Handle(
      unsafe H5Dcreate2(id, name, fileType, space.id, swh5_p_default(), plist.id, swh5_p_default()), .dataset,
      orThrow: HDF5Library.failure(.writeFailed, "cannot create the dataset", file: path, dataset: name))
  }

  /// Appends rows to a dataset made by `createGrowingDataset`.
  ///
  /// - Parameters:
  ///   - values: `rows * product(rowShape)` values, row-major.
  ///   - memoryType: HDF5 native type matching `T`.
  func appendRows<T: BitwiseCopyable>(
    _ name: String, values: [T], rows: Int, memoryType: hid_t
  ) throws(ShowerIOError) {
    guard rows > 0 else { return }
    let dataset = try openDataset(name)
    let shape = try shape(of: dataset, name: name)
    let perRow = shape.dropFirst().reduce(1, *)
    precondition(
      values.count == rows * perRow, "appendRows: \(values.count) values for \(rows) rows of \(perRow)")
    var newDims = shape.map { hsize_t($0) }
    newDims[0] += hsize_t(rows)
    try unsafe H5Dset_extent(dataset.id, &newDims).check(
      HDF5Library.failure(.writeFailed, "cannot grow the dataset", file: path, dataset: name))
    let fileSpace = try HDF5Handle(
      H5Dget_space(dataset.id), .dataspace,
      orThrow: HDF5Library.failure(.writeFailed, "cannot get the dataspace", file: path, dataset: name))
    var start = [hsize_t](repeating: 0, count: shape.count)
    start[0] = hsize_t(shape[0])
    var count = newDims
    count[0] = hsize_t(rows)
    try unsafe H5Sselect_hyperslab(fileSpace.id, H5S_SELECT_SET, &start, nil, &count, nil).check(
      HDF5Library.failure(.writeFailed, "cannot select the new rows", file: path, dataset: name))
    let memorySpace = try HDF5Handle(
      unsafe H5Screate_simple(Int32(count.count), &count, nil), .dataspace,
      orThrow: HDF5Library.failure(
        .writeFailed, "cannot create a memory dataspace", file: path, dataset: name))
    let status = unsafe values.withUnsafeBytes {
      unsafe H5Dwrite(dataset.id, memoryType, memorySpace.id, fileSpace.id, swh5_p_default(), $0.baseAddress)
    }
    guard status >= 0 else {
      throw HDF5Library.failure(
        .writeFailed, "cannot write rows; is the disk full?", file: path, dataset: name)
    }
  }
}
