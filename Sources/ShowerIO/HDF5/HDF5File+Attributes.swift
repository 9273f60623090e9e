internal import CHDF5

/// Reading and writing attributes as text. Callers hold `HDF5Library`'s lock.
extension HDF5File {
  /// All attributes of an object (the file's root group or a dataset) by name, as text.
  ///
  /// Strings (fixed or variable length) come back as they are; numbers are formatted
  /// (`0.7`, `[1, 2, 3]`); other types are described (`<compound>`).
  func attributes(of object: hid_t) -> [String: String] {
    let count = swh5_attribute_count(object)
    guard count > 0 else {
      _ = HDF5Library.takeErrorStack()
      return [:]
    }
    var result: [String: String] = [:]
    for index in 0..<hsize_t(count) {
      let attribute = unsafe H5Aopen_by_idx(
        object, ".", H5_INDEX_NAME, H5_ITER_INC, index, swh5_p_default(), swh5_p_default())
      guard attribute >= 0 else { continue }
      defer { _ = H5Aclose(attribute) }
      let length = H5Aget_name(attribute, 0, nil)
      guard length > 0 else { continue }
      var buffer = [CChar](repeating: 0, count: Int(length) + 1)
      _ = unsafe buffer.withUnsafeMutableBufferPointer {
        unsafe H5Aget_name(attribute, $0.count, $0.baseAddress)
      }
      let name = unsafe buffer.withUnsafeBufferPointer { unsafe String(cString: $0.baseAddress!) }
      result[name] = attributeText(attribute)
    }
    _ = HDF5Library.takeErrorStack()
    return result
  }

  /// One attribute's value as text.
  private func attributeText(_ attribute: hid_t) -> String {
    let type = H5Aget_type(attribute)
    guard type >= 0 else { return "<unreadable>" }
    defer { _ = H5Tclose(type) }
    switch H5Tget_class(type) {
    case H5T_STRING:
      var buffer = [CChar](repeating: 0, count: 4096)
      var length = unsafe buffer.withUnsafeMutableBufferPointer {
        unsafe swh5_read_string_attribute(attribute, $0.baseAddress, $0.count)
      }
      if length >= Int64(buffer.count) {
        buffer = [CChar](repeating: 0, count: Int(length) + 1)
        length = unsafe buffer.withUnsafeMutableBufferPointer {
          unsafe swh5_read_string_attribute(attribute, $0.baseAddress, $0.count)
        }
      }
      guard length >= 0 else { return "<unreadable string>" }
      return unsafe buffer.withUnsafeBufferPointer { unsafe String(cString: $0.baseAddress!) }
    case H5T_FLOAT, H5T_INTEGER:
      let space = H5Aget_space(attribute)
      guard space >= 0 else { return "<unreadable>" }
      defer { _ = H5Sclose(space) }
      let points = Int(H5Sget_simple_extent_npoints(space))
      guard points > 0, points <= 1 << 16 else { return "<\(points) numbers>" }
      var values = [Double](repeating: 0, count: points)
      guard unsafe H5Aread(attribute, swh5_native_double(), &values) >= 0 else { return "<unreadable>" }
      let isInteger = H5Tget_class(type) == H5T_INTEGER
      let texts = values.map { isInteger ? String(Int64($0)) : String($0) }
      return H5Sget_simple_extent_ndims(space) == 0 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
    case H5T_COMPOUND: return "<compound>"
    default: return "<other>"
    }
  }

  /// Writes a scalar UTF-8 string attribute on an object (replacing one of the same name).
  func writeAttribute(_ name: String, _ value: String, on object: hid_t, dataset: String? = nil)
    throws(ShowerIOError)
  {
    let status = unsafe swh5_write_string_attribute(object, name, value)
    guard status >= 0 else {
      throw HDF5Library.failure(
        .writeFailed, "cannot write attribute '\(name)'", file: path, dataset: dataset)
    }
  }
}
