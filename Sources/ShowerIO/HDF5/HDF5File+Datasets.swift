internal import CHDF5

/// Looking up datasets and describing them. Callers hold `HDF5Library`'s lock.
extension HDF5File {
  /// Names of the datasets in the root group, in name order.
  func datasetNames() -> [String] {
    var info = H5G_info_t()
    guard unsafe H5Gget_info(id, &info) >= 0 else {
      _ = HDF5Library.takeErrorStack()
      return []
    }
    var names: [String] = []
    for index in 0..<info.nlinks {
      let length = unsafe H5Lget_name_by_idx(
        id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, swh5_p_default())
      guard length > 0 else { continue }
      var buffer = [CChar](repeating: 0, count: Int(length) + 1)
      _ = unsafe buffer.withUnsafeMutableBufferPointer {
        unsafe H5Lget_name_by_idx(
          id, ".", H5_INDEX_NAME, H5_ITER_INC, index, $0.baseAddress, $0.count, swh5_p_default())
      }
      let name = unsafe buffer.withUnsafeBufferPointer { unsafe String(cString: $0.baseAddress!) }
      if isDataset(name) { names.append(name) }
    }
    _ = HDF5Library.takeErrorStack()
    return names
  }

  /// `true` when the root group has a dataset called `name`.
  func isDataset(_ name: String) -> Bool {
    guard unsafe H5Lexists(id, name, swh5_p_default()) > 0 else {
      _ = HDF5Library.takeErrorStack()
      return false
    }
    let object = unsafe H5Oopen(id, name, swh5_p_default())
    guard object >= 0 else {
      _ = HDF5Library.takeErrorStack()
      return false
    }
    defer { _ = H5Oclose(object) }
    return H5Iget_type(object) == H5I_DATASET
  }

  /// Opens dataset `name`.
  ///
  /// - Throws: `missingDataset` naming the datasets that are there and the nearest one.
  func openDataset(_ name: String) throws(ShowerIOError) -> HDF5Handle {
    guard isDataset(name) else {
      let present = datasetNames()
      let listing =
        present.isEmpty
        ? "the file has no datasets" : "it has " + present.map { "'\($0)'" }.joined(separator: ", ")
      throw ShowerIOError(
        .missingDataset,
        "no dataset '\(name)' in \(fileName)\(ShowerIOError.didYouMean(name, in: present)) (\(listing))",
        file: path, dataset: name)
    }
    return try HDF5Handle(
      unsafe H5Dopen2(id, name, swh5_p_default()), .dataset,
      orThrow: HDF5Library.failure(
        .corrupt, "cannot open the dataset; the file may be damaged", file: path, dataset: name))
  }

  /// The file's name without its folder, for short messages.
  var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

  /// Current extent of an open dataset.
  func shape(of dataset: borrowing HDF5Handle, name: String) throws(ShowerIOError) -> [Int] {
    let space = try HDF5Handle(
      H5Dget_space(dataset.id), .dataspace,
      orThrow: HDF5Library.failure(.corrupt, "cannot read the dataset's shape", file: path, dataset: name))
    let rank = H5Sget_simple_extent_ndims(space.id)
    guard rank >= 0 else {
      throw HDF5Library.failure(.corrupt, "cannot read the dataset's rank", file: path, dataset: name)
    }
    var dims = [hsize_t](repeating: 0, count: Int(rank))
    _ = unsafe H5Sget_simple_extent_dims(space.id, &dims, nil)
    return dims.map { Int($0) }
  }

  /// Element type of an open dataset, as numpy names it.
  func dtype(of dataset: borrowing HDF5Handle) -> String {
    let type = H5Dget_type(dataset.id)
    guard type >= 0 else { return "unknown" }
    defer { _ = H5Tclose(type) }
    let size = H5Tget_size(type)
    switch H5Tget_class(type) {
    case H5T_FLOAT: return "float\(size * 8)"
    case H5T_INTEGER: return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + "\(size * 8)"
    case H5T_STRING: return "string"
    case H5T_COMPOUND: return "compound"
    case H5T_ENUM: return "enum"
    default: return "other"
    }
  }

  /// `true` when the dataset holds floating-point or integer numbers.
  func isNumeric(_ dataset: borrowing HDF5Handle) -> Bool {
    let type = H5Dget_type(dataset.id)
    guard type >= 0 else { return false }
    defer { _ = H5Tclose(type) }
    let typeClass = H5Tget_class(type)
    return typeClass == H5T_FLOAT || typeClass == H5T_INTEGER
  }

  /// Shape, type, storage and attributes of dataset `name`.
  func info(of name: String) throws(ShowerIOError) -> ShowerDatasetInfo {
    let dataset = try openDataset(name)
    let shape = try shape(of: dataset, name: name)
    var chunks: [Int]?
    var filters: [String] = []
    let plist = H5Dget_create_plist(dataset.id)
    if plist >= 0 {
      defer { _ = H5Pclose(plist) }
      if H5Pget_layout(plist) == H5D_CHUNKED {
        var dims = [hsize_t](repeating: 0, count: max(shape.count, 1))
        let rank = unsafe H5Pget_chunk(plist, Int32(dims.count), &dims)
        if rank > 0 { chunks = dims.prefix(Int(rank)).map { Int($0) } }
      }
      for index in 0..<max(0, H5Pget_nfilters(plist)) {
        var flags: UInt32 = 0
        var count = 4
        var values = [UInt32](repeating: 0, count: 4)
        var filterConfig: UInt32 = 0
        let filter = unsafe H5Pget_filter2(
          plist, UInt32(index), &flags, &count, &values, 0, nil, &filterConfig)
        switch filter {
        case H5Z_FILTER_DEFLATE: filters.append(count > 0 ? "gzip \(values[0])" : "gzip")
        case H5Z_FILTER_SHUFFLE: filters.append("shuffle")
        case H5Z_FILTER_FLETCHER32: filters.append("fletcher32")
        case H5Z_FILTER_SZIP: filters.append("szip")
        case H5Z_FILTER_NBIT: filters.append("nbit")
        case H5Z_FILTER_SCALEOFFSET: filters.append("scaleoffset")
        default: filters.append("filter \(filter)")
        }
      }
    }
    _ = HDF5Library.takeErrorStack()
    return ShowerDatasetInfo(
      name: name, shape: shape, dtype: dtype(of: dataset), chunks: chunks, filters: filters,
      attributes: attributes(of: dataset.id))
  }
}
