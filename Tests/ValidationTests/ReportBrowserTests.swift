import Foundation
import TestSupport
import Testing
import Validation

/// Opens the HTML report in headless Chromium (Debian package `chromium`): no console errors, and
/// the screenshot is not blank (its PNG is far larger than the PNG of an empty page of equal size,
/// since a blank page compresses to almost nothing).
@Suite struct ReportBrowserTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  static func screenshot(_ page: URL, to png: URL) throws -> ProcessResult {
    try runProcess(
      URL(fileURLWithPath: chromium!),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        "--window-size=1200,1600", "--screenshot=\(png.path)", page.absoluteString,
      ])
  }

  @Test(
    .enabled(if: TestEnvironment.slowTestsEnabled && chromium != nil, "CALOTWIN_SLOW_TESTS=1 and chromium"))
  func reportRendersInHeadlessChromium() async throws {
    let dir = try TemporaryDirectory()
    try ReportWriter.write(try await ReportTests.report(scale: 1.05), to: dir.file("report"))
    try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: dir.file("blank.html"))
    let shot = try Self.screenshot(dir.file("report/index.html"), to: dir.file("report.png"))
    #expect(shot.status == 0, "\(shot.stderr)")
    let console = shot.stderr.split(separator: "\n").filter {
      $0.contains("CONSOLE") || $0.contains("Uncaught")
    }
    #expect(console.isEmpty, "console: \(console)")
    _ = try Self.screenshot(dir.file("blank.html"), to: dir.file("blank.png"))
    let size = try Data(contentsOf: dir.file("report.png")).count
    let blank = try Data(contentsOf: dir.file("blank.png")).count
    #expect(size > 10 * blank, "report screenshot \(size) bytes vs blank \(blank) bytes")
  }
}
