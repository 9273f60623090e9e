public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The rule every input file obeys, checked before it is opened: it exists (a symbolic link is followed), it
/// is a regular file and it is readable.
///
/// A FIFO, a socket or a device would block a reader or feed it endless bytes (`/dev/zero`), and a folder is
/// never a shower file or a config, so each is refused with a message that says what the path is.
///
/// ```swift
/// try InputFile.check("run.root", option: "convert input")
/// ```
public enum InputFile {
  /// Checks an input file.
  ///
  /// - Parameters:
  ///   - path: The path as given.
  ///   - option: The option or argument that names it, for messages (`--geometry`).
  ///   - what: What the file should be, for the remedy ("an HDF5 shower file").
  /// - Throws: `CoreError` `.notFound`, `.notRegularFile` or `.readFailed` (permissions).
  public static func check(_ path: String, option: String? = nil, what: String = "a regular file")
    throws(CoreError)
  {
    let location = ErrorLocation(file: path, key: option)
    var info = stat()
    guard unsafe stat(path, &info) == 0 else {
      var link = stat()
      let dangling = unsafe lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
      throw CoreError(
        .notFound, dangling ? "the symbolic link points to no file" : "no such file", where: location,
        remedy: "check the path")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : OutputTarget.kind(info.st_mode)
      throw CoreError(
        .notRegularFile, "this is \(kind), not a regular file", where: location, remedy: "pass \(what)")
    }
    guard access(path, R_OK) == 0 else {
      throw CoreError(
        .readFailed, "the file is not readable", where: location,
        cause: unsafe String(cString: strerror(errno)), remedy: "check its permissions")
    }
  }
}
