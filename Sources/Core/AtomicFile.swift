public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The one atomic writer: a temporary file beside the destination, `fsync`, `rename(2)`, `fsync` of the folder.
///
/// A reader sees either the previous file or the complete new one, never a partial one and never a moment
/// with no file. The destination obeys `OutputTarget`'s rules (no FIFO or device replaced; a symbolic link
/// is written through, never replaced by a file). The temporary is named `.NAME.tmp-PID-RANDOM`; it is
/// registered with `Interruption`, so SIGINT or SIGTERM remove it, and a later writer of the same
/// destination removes temporaries whose writing process is gone. An `AtomicFile` dropped before `commit()`
/// removes its temporary.
///
/// ```swift
/// let out = try AtomicFile(URL(fileURLWithPath: "showers.h5"))
/// try writeEverything(to: out.temporaryPath); try out.commit()
/// ```
public final class AtomicFile: @unchecked Sendable {
  /// Where the file goes once committed (a symbolic link's target).
  public let destination: URL
  /// The temporary file to write; it exists (empty) when `init` returns.
  public let temporary: URL
  /// Whether `commit()` or `discard()` has run.
  public private(set) var isClosed = false
  /// Whether the temporary is a folder (`AtomicFile(directory:)`).
  public let isDirectory: Bool

  /// Starts an atomic write of a file.
  ///
  /// - Parameters:
  ///   - destination: The output path.
  ///   - inputs: Files the command reads; the output may not be one of them.
  /// - Throws: `CoreError` for an output that breaks `OutputTarget`'s rules or a temporary that cannot be created.
  public init(_ destination: URL, inputs: [String] = []) throws(CoreError) {
    self.destination = try OutputTarget.file(destination.path, inputs: inputs)
    isDirectory = false
    Self.removeStaleTemporaries(of: self.destination)
    temporary = Self.temporaryName(for: self.destination)
    let fd = unsafe open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw CoreError(
        .writeFailed, "cannot create a temporary file beside the output",
        where: ErrorLocation(file: self.destination.path), cause: Self.errnoText(),
        remedy: "check that the folder exists and is writable")
    }
    close(fd)
    Interruption.register(temporary.path)
  }

  /// Starts an atomic write of a folder (checkpoints): the temporary is a folder that replaces the destination.
  ///
  /// - Throws: `CoreError` when the destination exists as something other than a folder or the temporary
  ///   folder cannot be created.
  public init(directory destination: URL, inputs: [String] = []) throws(CoreError) {
    self.destination = try OutputTarget.directory(destination.path, inputs: inputs)
    isDirectory = true
    Self.removeStaleTemporaries(of: self.destination)
    temporary = Self.temporaryName(for: self.destination)
    guard unsafe mkdir(temporary.path, 0o755) == 0 else {
      throw CoreError(
        .writeFailed, "cannot create a temporary folder beside the output",
        where: ErrorLocation(file: self.destination.path), cause: Self.errnoText(),
        remedy: "check that the folder exists and is writable")
    }
    Interruption.register(temporary.path)
  }

  deinit { discard() }

  /// Flushes the temporary to disk and renames it to the destination.
  ///
  /// - Throws: `CoreError.writeFailed` (disk full, permissions); the temporary is removed and the previous
  ///   destination, if any, is left as it was.
  public func commit() throws(CoreError) {
    guard !isClosed else { return }
    do throws(CoreError) {
      try Self.sync(temporary.path, folder: isDirectory)
      if isDirectory {
        try replaceDirectory()
      } else if unsafe rename(temporary.path, destination.path) != 0 {
        throw CoreError(
          .writeFailed, "cannot move the finished file into place",
          where: ErrorLocation(file: destination.path),
          cause: Self.errnoText(), remedy: "check the folder")
      }
      try? Self.sync(destination.deletingLastPathComponent().path, folder: true, children: false)
      isClosed = true
      Interruption.unregister(temporary.path)
    } catch {
      discard()
      throw error
    }
  }

  /// Removes the temporary without touching the destination.
  public func discard() {
    guard !isClosed else { return }
    isClosed = true
    if isDirectory {
      try? FileManager.default.removeItem(at: temporary)
    } else {
      _ = unsafe unlink(temporary.path)
    }
    Interruption.unregister(temporary.path)
  }

  /// Writes `data` to `url` atomically.
  ///
  /// - Throws: `CoreError` for a bad output path or a failed write (the destination is left as it was).
  public static func write(_ data: Data, to url: URL, inputs: [String] = []) throws(CoreError) {
    let file = try AtomicFile(url, inputs: inputs)
    do {
      try data.write(to: file.temporary)
    } catch {
      file.discard()
      throw CoreError(
        .writeFailed, "cannot write the file", where: ErrorLocation(file: url.path),
        cause: error.localizedDescription, remedy: "check free space and permissions")
    }
    try file.commit()
  }

  /// Moves the temporary folder onto the destination: a plain rename when there is none, else an atomic
  /// exchange (`renameat2(RENAME_EXCHANGE)`) followed by removal of the old folder.
  private func replaceDirectory() throws(CoreError) {
    if unsafe rename(temporary.path, destination.path) == 0 { return }
    guard errno == ENOTEMPTY || errno == EEXIST else {
      throw CoreError(
        .writeFailed, "cannot move the finished folder into place",
        where: ErrorLocation(file: destination.path),
        cause: Self.errnoText(), remedy: "check the folder")
    }
    if let exchange = unsafe Self.renameExchange,
      unsafe exchange(AT_FDCWD, temporary.path, AT_FDCWD, destination.path, 2) == 0
    {
      try? FileManager.default.removeItem(at: temporary)  // now the old folder
      return
    }
    let aside = Self.temporaryName(for: destination, tag: "old")
    guard unsafe rename(destination.path, aside.path) == 0,
      unsafe rename(temporary.path, destination.path) == 0
    else {
      throw CoreError(
        .writeFailed, "cannot replace the folder", where: ErrorLocation(file: destination.path),
        cause: Self.errnoText(), remedy: "check the folder")
    }
    try? FileManager.default.removeItem(at: aside)
  }

  /// `renameat2(2)` where glibc has it (Linux ≥ 3.15), looked up at run time.
  private static let renameExchange:
    (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
      guard let symbol = unsafe dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
      return unsafe unsafeBitCast(
        symbol,
        to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
    }()

  /// `.NAME.tmp-PID-RANDOM` beside `destination`.
  static func temporaryName(for destination: URL, tag: String = "tmp") -> URL {
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    return destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).\(tag)-\(getpid())-\(random)")
  }

  /// Removes `.NAME.tmp-PID-*` beside `destination` whose process no longer runs, and temporaries of the
  /// older naming (`.NAME.tmp-HEX`, `.NAME.tmp`) untouched for ten minutes.
  public static func removeStaleTemporaries(of destination: URL) {
    let folder = destination.deletingLastPathComponent()
    let prefix = ".\(destination.lastPathComponent).tmp"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count)
      let parts = rest.split(separator: "-")
      let stale: Bool
      if rest.hasPrefix("-"), parts.count == 2, let pid = Int32(parts[0]) {
        stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
      } else if rest.isEmpty || (rest.hasPrefix("-") && parts.count == 1) {
        let path = folder.appendingPathComponent(name).path
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        stale = modified.map { Date().timeIntervalSince($0) > 600 } ?? false
      } else {
        stale = false
      }
      if stale { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    }
  }

  /// Removes every `.NAME.tmp-PID-RANDOM` in `folder` whose process no longer runs.
  public static func removeStaleTemporaries(inFolder folder: URL) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
    for name in names where name.hasPrefix(".") {
      guard let range = name.range(of: ".tmp-", options: .backwards) else { continue }
      let parts = name[range.upperBound...].split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  /// `fsync` of a file, or of a folder and (with `children`, for a temporary folder) the files in it.
  static func sync(_ path: String, folder: Bool, children: Bool = true) throws(CoreError) {
    if folder, children, let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
      for name in names where !name.hasPrefix(".") {
        var info = stat()
        let child = URL(fileURLWithPath: path).appendingPathComponent(name).path
        if unsafe lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
          try sync(child, folder: false)
        }
      }
    }
    let fd = unsafe open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    if fsync(fd) != 0, errno != EINVAL {
      throw CoreError(
        .writeFailed, "cannot flush the file to disk", where: ErrorLocation(file: path), cause: errnoText(),
        remedy: "check free space")
    }
  }

  static func errnoText() -> String { unsafe String(cString: strerror(errno)) }
}
