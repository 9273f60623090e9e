public import Foundation

/// A test-data file that should be in the repository and is not.
///
/// Thrown by ``TestEnvironment/requireFile(_:)``: a test whose data is missing fails with the
/// file's repository path and the script that makes it, instead of being skipped.
public struct MissingTestData: Error, CustomStringConvertible {
  /// Repository-relative path of the missing file, e.g. `Data/geant4/e-_normal_10GeV_100GeV.h5`.
  public var path: String

  /// A missing file (or a missing entry, described in `path`).
  public init(path: String) { self.path = path }

  /// The message: the missing path and where it comes from.
  public var description: String {
    "missing test data: \(path) is not in the repository (see the README beside it, or restore it with `git checkout -- \(path)`)"
  }
}

extension TestEnvironment {
  /// URL of a committed test-data file, checked to exist.
  ///
  /// - Parameter path: Path relative to the repository root, e.g.
  ///   `Tests/ShowerIOTests/Fixtures/root-testdata/files/uproot-HZZ-zlib.root`.
  /// - Returns: The file's URL in this checkout.
  /// - Throws: ``MissingTestData`` naming `path` when the file is absent.
  public static func requireFile(_ path: String) throws -> URL {
    let url = repositoryRoot.appendingPathComponent(path)
    guard FileManager.default.fileExists(atPath: url.path) else { throw MissingTestData(path: path) }
    return url
  }

  /// The Geant4 reference sample shipped in `Data/geant4/` (200 electron showers, 10 and 100 GeV).
  ///
  /// - Throws: ``MissingTestData`` when the file is absent.
  public static func geant4Sample() throws -> URL {
    try requireFile("Data/geant4/e-_normal_10GeV_100GeV.h5")
  }
}
