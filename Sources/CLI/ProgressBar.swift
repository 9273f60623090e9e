import Foundation
import Synchronization

/// A terminal progress bar with rate and ETA, shared by every long command.
///
/// Draws on standard error at most 10 times a second, only when standard error is a terminal
/// (in a pipe or CI log it prints one line per 10 % instead). Safe to call from several tasks.
///
/// ```swift
/// let bar = ProgressBar(total: 500, unit: "showers")
/// bar.advance(by: 1); bar.finish()
/// ```
final class ProgressBar: Sendable {
  private struct State {
    var done = 0
    var lastDraw = 0.0
    var lastDecile = -1
    var note = ""
    var finished = false
  }

  private let total: Int
  private let unit: String
  private let start = Date()
  private let interactive: Bool
  private let quiet: Bool
  private let state = Mutex(State())

  /// Creates a bar.
  ///
  /// - Parameters:
  ///   - total: Number of items expected (showers, steps, files); > 0.
  ///   - unit: Name of an item, shown with the rate ("showers/s").
  ///   - quiet: Draw nothing at all.
  init(total: Int, unit: String, quiet: Bool = false) {
    self.total = max(total, 1)
    self.unit = unit
    self.quiet = quiet
    interactive = isatty(STDERR_FILENO) != 0
  }

  /// Marks `count` more items done and redraws if due.
  ///
  /// - Parameter note: Extra text shown after the rate (for example the current losses).
  func advance(by count: Int = 1, note: String? = nil) {
    let line: String? = state.withLock { s in
      s.done += count
      if let note { s.note = note }
      let now = Date().timeIntervalSince(start)
      if interactive {
        guard now - s.lastDraw >= 0.1 || s.done >= total else { return nil }
        s.lastDraw = now
        return "\r" + render(done: s.done, elapsed: now, note: s.note) + "\u{1B}[K"
      }
      let decile = min(10, s.done * 10 / total)
      guard decile > s.lastDecile else { return nil }
      s.lastDecile = decile
      return render(done: s.done, elapsed: now, note: s.note) + "\n"
    }
    if let line, !quiet { FileHandle.standardError.write(Data(line.utf8)) }
  }

  /// Draws the final state and ends the line.
  func finish() {
    let line: String? = state.withLock { s in
      guard !s.finished else { return nil }
      s.finished = true
      let text = render(done: s.done, elapsed: Date().timeIntervalSince(start), note: s.note)
      return interactive ? "\r" + text + "\u{1B}[K\n" : (s.lastDecile < 10 ? text + "\n" : nil)
    }
    if let line, !quiet { FileHandle.standardError.write(Data(line.utf8)) }
  }

  /// `[#####.....]  50/100 showers  12.3 showers/s  ETA 4s  note`.
  func render(done: Int, elapsed: Double, note: String) -> String {
    let width = 24
    let fraction = min(1, Double(done) / Double(total))
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let eta = rate > 0 ? Double(total - done) / rate : .infinity
    var text = "[\(bar)] \(done)/\(total) \(unit)  \(Self.format(rate: rate)) \(unit)/s"
    text += done >= total ? "  \(Self.format(seconds: elapsed))" : "  ETA \(Self.format(seconds: eta))"
    if !note.isEmpty { text += "  \(note)" }
    return text
  }

  static func format(rate: Double) -> String {
    rate >= 100 ? String(format: "%.0f", rate) : String(format: "%.3g", rate)
  }

  static func format(seconds: Double) -> String {
    guard seconds.isFinite else { return "--" }
    let s = Int(seconds.rounded())
    if s >= 3600 { return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" }
    if s >= 60 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
    return String(format: "%.1fs", seconds)
  }
}
