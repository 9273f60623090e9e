public import Core
public import Foundation

/// Writes `index.html` and `metrics.json` into a report folder, each through a temporary file
/// that is renamed when complete.
public enum ReportWriter {
  /// Contents of metrics.json.
  public struct Metrics: Encodable, Sendable {
    /// Reference file or sample name.
    public var reference: String
    /// Candidate file or sample name.
    public var candidate: String
    /// The comparison (without histogram counts).
    public var comparison: SampleComparison
    /// The gate outcome, if any.
    public var gate: GateResult?
    /// `gate.passed`, or `nil` without a gate.
    public var passed: Bool?
  }

  /// Writes the report.
  ///
  /// - Parameters:
  ///   - directory: Output folder (created if missing).
  ///   - report: The HTML report (holds the comparison and gate).
  /// - Throws: `ValidationError.writeFailed` naming the path.
  public static func write(_ report: HTMLReport, to directory: URL) throws(ValidationError) {
    let metrics = Metrics(
      reference: report.referenceName, candidate: report.candidateName, comparison: report.comparison,
      gate: report.gate, passed: report.gate?.passed)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try atomically(Data(report.render().utf8), to: directory.appendingPathComponent("index.html"))
      try atomically(try encoder.encode(metrics), to: directory.appendingPathComponent("metrics.json"))
    } catch let error as ValidationError {
      throw error
    } catch let error as CoreError {
      throw ValidationError(.writeFailed, "cannot write the report: \(error.report)", context: directory.path)
    } catch {
      throw ValidationError(
        .writeFailed, "cannot write the report: \(error.localizedDescription); check the folder is writable",
        context: directory.path)
    }
  }

  static func atomically(_ data: Data, to url: URL) throws {
    try AtomicFile.write(data, to: url)
  }
}
