public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The rules every output path obeys, checked before a command reads anything.
///
/// - An output that exists must be what the command writes: a regular file (or a folder for folder outputs);
///   a FIFO, a device, a socket or a folder in place of a file is refused, never replaced.
/// - A symbolic link is followed: the command writes to the link's target and the link stays a link.
/// - An output must not be one of the inputs, by any path: the same name, a symbolic link or a hard link to
///   it (compared by device and inode), so a command never overwrites what it reads.
/// - The folder that will hold it must exist.
///
/// ```swift
/// let url = try OutputTarget.file("out.h5", inputs: ["in.root"], option: "--output")
/// ```
public enum OutputTarget {
  /// Checks an output file and returns where it will be written (a symlink's target).
  ///
  /// - Parameters:
  ///   - path: The output path as given.
  ///   - inputs: Every file the command reads (data, configs, mappings).
  ///   - option: The option that names the output, for messages (`--output`).
  /// - Returns: The path to write: `path` itself, or the final target of a symbolic link.
  /// - Throws: `CoreError` `.notRegularFile`, `.outputAliasesInput` or `.notFound`.
  public static func file(_ path: String, inputs: [String] = [], option: String = "--output")
    throws(CoreError)
    -> URL
  {
    let resolved = try resolve(path, option: option)
    var info = stat()
    if unsafe lstat(resolved, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw CoreError(
          .notRegularFile, "the output exists and is \(kind(info.st_mode)), not a regular file",
          where: ErrorLocation(file: path, key: option), remedy: "choose another \(option) path")
      }
    }
    try refuseAliasing(resolved, shownAs: path, inputs: inputs, option: option)
    return URL(fileURLWithPath: resolved)
  }

  /// Checks an output folder and the files a command will write into it.
  ///
  /// - Parameters:
  ///   - path: The folder as given.
  ///   - files: Names of the files the command writes inside it (`index.html`).
  ///   - inputs: Every file the command reads.
  ///   - option: The option that names the folder.
  /// - Returns: The folder to write (a symlink's target).
  /// - Throws: `CoreError` `.notRegularFile` when the path or one of the files exists as something else,
  ///   `.outputAliasesInput` when the folder or one of its files is an input.
  public static func directory(
    _ path: String, files: [String] = [], inputs: [String] = [], option: String = "--output"
  ) throws(CoreError) -> URL {
    let resolved = try resolve(path, option: option)
    var info = stat()
    if unsafe lstat(resolved, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
      throw CoreError(
        .notRegularFile, "the output folder exists and is \(kind(info.st_mode)), not a folder",
        where: ErrorLocation(file: path, key: option), remedy: "choose another \(option) path")
    }
    try refuseAliasing(resolved, shownAs: path, inputs: inputs, option: option)
    guard unsafe lstat(resolved, &info) == 0 else { return URL(fileURLWithPath: resolved) }  // created later
    for name in files {
      _ = try file(
        URL(fileURLWithPath: resolved).appendingPathComponent(name).path, inputs: inputs, option: option)
    }
    return URL(fileURLWithPath: resolved)
  }

  /// The path after following symbolic links of the last component (up to 32 levels); the parent must exist.
  static func resolve(_ path: String, option: String) throws(CoreError) -> String {
    guard !path.isEmpty else {
      throw CoreError(.invalidConfig, "the output path is empty", where: ErrorLocation(key: option))
    }
    // URL, not NSString: NSString.deletingLastPathComponent traps on a one-character relative path ("r")
    // in swift-corelibs-foundation 6.3.
    var current = URL(fileURLWithPath: path).standardizedFileURL.path
    for _ in 0..<32 {
      var info = stat()
      guard unsafe lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { break }
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
      current =
        target.hasPrefix("/")
        ? target
        : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
      current = URL(fileURLWithPath: current).standardizedFileURL.path
    }
    let parent = URL(fileURLWithPath: current).deletingLastPathComponent().path
    var folderInfo = stat()
    guard parent.isEmpty || (unsafe stat(parent, &folderInfo) == 0 && folderInfo.st_mode & S_IFMT == S_IFDIR)
    else {
      throw CoreError(
        .notFound, "the folder \(parent) does not exist", where: ErrorLocation(file: path, key: option),
        remedy: "create it first or choose another \(option) path")
    }
    return current
  }

  /// Throws when `output` is one of `inputs` by path, symbolic link or hard link.
  static func refuseAliasing(_ output: String, shownAs shown: String, inputs: [String], option: String)
    throws(CoreError)
  {
    var out = stat()
    let outputExists = unsafe stat(output, &out) == 0
    let outputReal = realPath(output)
    for input in inputs {
      var info = stat()
      let same: Bool
      if outputExists, unsafe stat(input, &info) == 0 {
        same = info.st_dev == out.st_dev && info.st_ino == out.st_ino
      } else {
        same = realPath(input) == outputReal
      }
      if same {
        throw CoreError(
          .outputAliasesInput, "the output is the input \(input)",
          where: ErrorLocation(file: shown, key: option),
          remedy: "write to another path; a command never overwrites what it reads")
      }
    }
  }

  /// `realpath(3)` of the path, or of its folder joined with its name when the file does not exist.
  static func realPath(_ path: String) -> String {
    if let real = unsafe realpath(path, nil) {
      defer { unsafe free(real) }
      return unsafe String(cString: real)
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    guard let real = unsafe realpath(folder.isEmpty ? "." : folder, nil) else { return path }
    defer { unsafe free(real) }
    return URL(fileURLWithPath: unsafe String(cString: real)).appendingPathComponent(name).path
  }

  /// A reader's word for a file type.
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "a regular file"
    }
  }
}
