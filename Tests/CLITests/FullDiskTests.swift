import Foundation
import TestSupport
import Testing

/// A full disk while writing: a clear error naming the output, exit status 1, the previous file kept, no
/// temporary left, no crash. Uses a 256 KiB tmpfs, so it needs root (CI and the developers' machines run as
/// root); elsewhere it is skipped with that reason.
@Suite(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
struct FullDiskTests {
  @Test func simulateOnAFullDiskFailsCleanlyAndKeepsTheOldFile() throws {
    let dir = try TemporaryDirectory()
    let mountPoint = dir.file("small")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
    let mounted = try runProcess(
      URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.path])
    try #require(mounted.status == 0, "mount failed: \(mounted.stderr)")
    defer { _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mountPoint.path]) }
    let output = mountPoint.appendingPathComponent("out.h5")
    try Data("old".utf8).write(to: output)
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      ["simulate", "--energy", "10", "--events", "200", "--quiet", "--output", output.path])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("error: \(output.path)"), "\(result.stderr)")
    #expect(result.stderr.contains("disk full") || result.stderr.contains("No space"), "\(result.stderr)")
    #expect(!result.stderr.contains("crashed"), "\(result.stderr)")
    #expect(try String(contentsOf: output, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint.path) == ["out.h5"])
  }
}
