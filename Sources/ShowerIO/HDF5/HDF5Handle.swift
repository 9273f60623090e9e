internal import CHDF5

/// A short-lived HDF5 identifier (dataset, dataspace, datatype, attribute, property list) that
/// closes itself.
///
/// Exists only inside `HDF5Library.locked`, so its `deinit` may call HDF5 without taking the lock.
/// Files, which outlive one call, belong to `HDF5File` instead.
struct HDF5Handle: ~Copyable {
  /// What the identifier refers to; decides the close function.
  enum Kind { case dataset, dataspace, datatype, attribute, propertyList, object }

  let id: hid_t
  let kind: Kind

  /// Takes over `id`, or throws `failure()` when HDF5 returned a negative identifier.
  init(
    _ id: hid_t, _ kind: Kind, orThrow failure: @autoclosure () -> ShowerIOError
  ) throws(ShowerIOError) {
    guard id >= 0 else { throw failure() }
    self.id = id
    self.kind = kind
  }

  deinit {
    switch kind {
    case .dataset: _ = H5Dclose(id)
    case .dataspace: _ = H5Sclose(id)
    case .datatype: _ = H5Tclose(id)
    case .attribute: _ = H5Aclose(id)
    case .propertyList: _ = H5Pclose(id)
    case .object: _ = H5Oclose(id)
    }
  }
}

extension Int32 {
  /// Throws `failure()` when an HDF5 status (`herr_t`) is negative.
  func check(_ failure: @autoclosure () -> ShowerIOError) throws(ShowerIOError) {
    if self < 0 { throw failure() }
  }
}
