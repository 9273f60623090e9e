/// What a conversion read, wrote and skipped.
public struct ConversionSummary: Sendable, Equatable {
  /// Input files converted.
  public var files = 0
  /// Bytes of ROOT input.
  public var inputBytes = 0
  /// Tree entries read.
  public var eventsRead = 0
  /// Showers written.
  public var showersWritten = 0
  /// Entries skipped, by reason ("cell branches of different lengths": 3).
  public var skipped: [String: Int] = [:]
  /// Cells dropped because an index was outside the shape.
  public var cellsOutOfRange = 0

  /// Number of entries skipped for any reason.
  public var eventsSkipped: Int { skipped.values.reduce(0, +) }

  public init() {}

  /// Adds another summary's counts to this one.
  public mutating func merge(_ other: ConversionSummary) {
    files += other.files
    inputBytes += other.inputBytes
    eventsRead += other.eventsRead
    showersWritten += other.showersWritten
    cellsOutOfRange += other.cellsOutOfRange
    for (reason, n) in other.skipped { skipped[reason, default: 0] += n }
  }

  /// One-paragraph report for the command line.
  public var text: String {
    var lines = [
      "\(files) file\(files == 1 ? "" : "s"), \(eventsRead) events read, \(showersWritten) showers written, \(eventsSkipped) skipped"
    ]
    for (reason, n) in skipped.sorted(by: { $0.key < $1.key }) { lines.append("  skipped \(n): \(reason)") }
    if cellsOutOfRange > 0 { lines.append("  \(cellsOutOfRange) cells outside the shape were dropped") }
    return lines.joined(separator: "\n")
  }
}
