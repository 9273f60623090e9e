public import Foundation

/// A fresh directory under the system temporary directory, removed by `remove()` or on deinit.
///
/// ```swift
/// let dir = try TemporaryDirectory()
/// let file = dir.url.appendingPathComponent("s.h5")
/// ```
public final class TemporaryDirectory: @unchecked Sendable {
  /// Location of the directory.
  public let url: URL

  /// Creates a new uniquely named directory.
  ///
  /// - Throws: The file-system error if the directory cannot be created.
  public init(prefix: String = "calotwin-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Path of a file named `name` inside the directory (not created).
  public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

  deinit { try? FileManager.default.removeItem(at: url) }
}
