internal import CHDF5
internal import Core
import Foundation

/// An open HDF5 file: owns the file identifier and closes it on `deinit`.
///
/// All methods except `init` and `deinit` expect the caller to hold `HDF5Library`'s lock;
/// `open` and `create` take it themselves. The class is `Sendable` because HDF5 access is
/// serialised by that lock, so a reader can be shared by a data loader's tasks.
final class HDF5File: Sendable {
  /// HDF5 file identifier.
  let id: hid_t
  /// Path as given by the caller, used in error messages.
  let path: String

  private init(id: hid_t, path: String) {
    self.id = id
    self.path = path
  }

  deinit {
    let id = id
    HDF5Library.lockedQuietly { _ = H5Fclose(id) }
  }

  /// Opens an existing file read-only.
  ///
  /// - Throws: `fileNotFound`, `notHDF5` (no HDF5 signature), `truncated` or `corrupt`.
  static func open(_ path: String) throws(ShowerIOError) -> HDF5File {
    do {
      try InputFile.check(path, what: "an HDF5 shower file (.h5)")
    } catch {
      throw ShowerIOError(error, isOutput: false)
    }
    let id = try HDF5Library.locked { () throws(ShowerIOError) -> hid_t in
      let isHDF5 = unsafe H5Fis_hdf5(path)
      if isHDF5 <= 0 {
        _ = HDF5Library.takeErrorStack()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let what = size == 0 ? "the file is empty" : "the file has no HDF5 signature (\(size) bytes)"
        throw ShowerIOError(
          .notHDF5, "not an HDF5 file: \(what); pass an .h5 file written by h5py, calotwin or Geant4",
          file: path)
      }
      let fapl = swh5_fapl_unlocked()
      defer { if fapl >= 0 { H5Pclose(fapl) } }
      let id = unsafe H5Fopen(path, swh5_acc_rdonly(), fapl >= 0 ? fapl : swh5_p_default())
      if id < 0 {
        let stack = HDF5Library.takeErrorStack()
        let truncated = stack.lowercased().contains("truncated") || stack.contains("eof")
        throw ShowerIOError(
          truncated ? .truncated : .corrupt,
          (truncated
            ? "the HDF5 file is truncated (an interrupted copy or write?); copy or regenerate it"
            : "the HDF5 file cannot be opened; it may be damaged, copy or regenerate it")
            + (stack.isEmpty ? "" : " (HDF5: \(stack))"),
          file: path)
      }
      return id
    }
    return HDF5File(id: id, path: path)
  }

  /// Creates (truncating) a new file for writing.
  ///
  /// - Parameters:
  ///   - path: Where to create it (a writer's temporary file).
  ///   - name: The path to name in error messages (the writer's final output), if other than `path`.
  static func create(_ path: String, shownAs name: String? = nil) throws(ShowerIOError) -> HDF5File {
    let id = try HDF5Library.locked { () throws(ShowerIOError) -> hid_t in
      let fapl = swh5_fapl_unlocked()
      defer { if fapl >= 0 { H5Pclose(fapl) } }
      let id = unsafe H5Fcreate(path, swh5_acc_trunc(), swh5_p_default(), fapl >= 0 ? fapl : swh5_p_default())
      guard id >= 0 else {
        throw HDF5Library.failure(
          .writeFailed, "cannot create the file; check that the folder exists and is writable",
          file: name ?? path)
      }
      return id
    }
    return HDF5File(id: id, path: name ?? path)
  }

  /// Flushes and closes now; the identifier is invalid afterwards (used by writers before renaming).
  func flush() throws(ShowerIOError) {
    guard H5Fflush(id, H5F_SCOPE_GLOBAL) >= 0 else {
      throw HDF5Library.failure(.writeFailed, "cannot flush the file; is the disk full?", file: path)
    }
  }
}
