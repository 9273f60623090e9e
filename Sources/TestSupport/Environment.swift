public import Foundation

/// Facts about the test environment: where the repository is, and which optional test groups are
/// switched on.
public enum TestEnvironment {
  /// `true` when `CALOTWIN_SLOW_TESTS=1`: long physics samples, servers and browsers run.
  public static var slowTestsEnabled: Bool {
    ProcessInfo.processInfo.environment["CALOTWIN_SLOW_TESTS"] == "1"
  }

  /// Root of the repository (the folder that holds Package.swift).
  public static var repositoryRoot: URL {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // Sources/TestSupport/Environment.swift
    return url
  }

  /// Path of the built `calotwin` executable in the same build folder as the running tests.
  public static var calotwinExecutable: URL {
    let bundle = Bundle.main.bundleURL
    // swift test runs <build>/<config>/CaloTwinPackageTests.xctest; the executable sits beside it.
    for candidate in [bundle.deletingLastPathComponent(), bundle] {
      let url = candidate.appendingPathComponent("calotwin")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/calotwin")
  }
}
