internal import Core
import Foundation

/// `metrics.jsonl`: appends one JSON line per record; one `write` per record, so a killed process
/// leaves at most one partial line.
struct MetricsLog {
  /// The file.
  let url: URL

  /// Appends `record` as one line. Failures to write are ignored: metrics never stop training.
  func append(_ record: MetricsRecord) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard var line = try? encoder.encode(record) else { return }
    line.append(0x0A)
    if !FileManager.default.fileExists(atPath: url.path) {
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    }
    guard let handle = try? FileHandle(forWritingTo: url) else { return }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: line)
  }

  /// Drops the records written after the checkpoint at `step` (a resumed run writes them again) and
  /// any partial line a killed process left. Rewrites the file atomically; a missing file is fine.
  ///
  /// - Throws: `TrainingError.checkpoint` when the file cannot be rewritten.
  func truncate(afterStep step: Int) throws(TrainingError) {
    guard let data = FileManager.default.contents(atPath: url.path) else { return }
    let decoder = JSONDecoder()
    var kept = Data()
    var dropped = 0
    for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
      if let record = try? decoder.decode(MetricsRecord.self, from: Data(line)), record.step <= step {
        kept.append(contentsOf: line)
        kept.append(0x0A)
      } else {
        dropped += 1
      }
    }
    guard dropped > 0 else { return }
    do {
      try AtomicFile.write(kept, to: url)
    } catch {
      throw TrainingError(
        .checkpoint, "cannot rewrite the metrics after resuming: \(error)", context: url.path)
    }
  }
}
