internal import Core
internal import Foundation

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Where a ROOT file's bytes come from: a file read with `pread`, or bytes in memory (fuzzing, tests).
///
/// Reads are positioned and independent, so one source may serve several tasks at once. Every
/// read is bounds-checked against the real size, never against what the file header claims.
@safe final class ROOTSource: Sendable {
  /// Path shown in error messages.
  let path: String
  /// Size of the file in bytes.
  let size: Int
  private let descriptor: Int32
  private let memory: [UInt8]?

  /// Opens `path` for reading.
  ///
  /// - Throws: `ShowerIOError.fileNotFound` when the file cannot be opened.
  init(path: String) throws {
    do {
      try InputFile.check(path, what: "a ROOT file")
    } catch {
      throw ShowerIOError(error, isOutput: false)
    }
    let fd = unsafe open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ShowerIOError(
        .fileNotFound, "cannot open the file (\(unsafe String(cString: strerror(errno)))); check the path",
        file: path)
    }
    var info = stat()
    guard unsafe fstat(fd, &info) == 0 else {
      close(fd)
      throw ShowerIOError(.fileNotFound, "cannot stat the file", file: path)
    }
    self.path = path
    self.size = Int(info.st_size)
    self.descriptor = fd
    self.memory = nil
  }

  /// Wraps bytes already in memory.
  init(bytes: [UInt8], name: String) {
    path = name
    size = bytes.count
    descriptor = -1
    memory = bytes
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Reads `count` bytes at `offset`.
  ///
  /// - Parameter what: What is being read, for the error message ("basket of branch 'x'").
  /// - Throws: `ShowerIOError.truncated` when the range reaches past the end of the file.
  func read(at offset: Int, count: Int, what: @autoclosure () -> String) throws -> [UInt8] {
    guard offset >= 0, count >= 0, count <= size, offset <= size - count else {
      throw ShowerIOError(
        .truncated,
        "\(what()) at offset \(offset) (\(count) bytes) extends past the end of the file (\(size) bytes); the file is truncated or corrupt",
        file: path)
    }
    if let memory { return Array(memory[offset..<offset + count]) }
    let fd = descriptor
    var failed: Int32 = 0
    let bytes = unsafe [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var done = 0
      while done < count {
        let n = unsafe pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
        if n <= 0 {
          failed = n < 0 ? errno : EIO
          break
        }
        done += n
      }
      if done < count {
        unsafe buffer.baseAddress!.advanced(by: done).initialize(repeating: 0, count: count - done)
      }
      initialized = count
    }
    if failed != 0 {
      throw ShowerIOError(
        .truncated,
        "reading \(what()) at offset \(offset) failed: \(unsafe String(cString: strerror(failed)))",
        file: path)
    }
    return bytes
  }
}
