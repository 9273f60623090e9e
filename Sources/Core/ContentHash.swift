internal import Crypto
public import Foundation

/// SHA-256 content hashes (swift-crypto), for model cards' data hashes and, later, tracked artifacts and
/// pipeline cache keys.
///
/// ```swift
/// let digest = ContentHash.sha256(ofFile: URL(fileURLWithPath: "showers.h5"))  // lower-case hex
/// ```
public enum ContentHash {
  /// Lower-case hex SHA-256 of `data`.
  public static func sha256(_ data: Data) -> String { hex(Crypto.SHA256.hash(data: data)) }

  /// Lower-case hex SHA-256 of a file, read in 1 MiB pieces; nil when it cannot be read.
  public static func sha256(ofFile url: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    var hasher = Crypto.SHA256()
    do {
      // read(upToCount:) returns nil (or empty data) at the end of the file and throws on a read error.
      while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty { hasher.update(data: piece) }
    } catch {
      return nil
    }
    return hex(hasher.finalize())
  }

  private static func hex(_ digest: some Sequence<UInt8>) -> String {
    digest.map { String(format: "%02x", $0) }.joined()
  }
}
