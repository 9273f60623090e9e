import Core
import Foundation
import Logging
import Synchronization

/// Log setup shared by all subcommands: swift-log to standard error, level from
/// `--verbose`/`--quiet` or `CALOTWIN_LOG_LEVEL` (trace, debug, info, notice, warning, error).
enum CLILogging {
  /// Bootstraps swift-log once per process.
  static func bootstrap(verbose: Bool = false, quiet: Bool = false) {
    let env = ProcessInfo.processInfo.environment["CALOTWIN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
    let level: Logger.Level = verbose ? .debug : quiet ? .warning : env ?? .info
    once.withLock { done in
      guard !done else { return }
      done = true
      LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
      }
    }
  }

  /// What is wrong with `CALOTWIN_LOG_LEVEL`, or nil when it is unset or valid.
  static func environmentProblem() -> String? {
    guard let value = ProcessInfo.processInfo.environment["CALOTWIN_LOG_LEVEL"], !value.isEmpty,
      Logger.Level(rawValue: value) == nil
    else { return nil }
    let levels = Logger.Level.allCases.map(\.rawValue)
    return "CALOTWIN_LOG_LEVEL: unknown level '\(value)'\(didYouMean(value, in: levels)) (levels: "
      + levels.joined(separator: ", ") + ")"
  }

  private static let once = OnceFlag()

  /// A logger for a subcommand.
  static func logger(_ label: String) -> Logger { Logger(label: "calotwin.\(label)") }
}

/// A lock-protected flag, so bootstrapping twice (tests, nested commands) is harmless.
final class OnceFlag: Sendable {
  private let flag = Mutex(false)
  func withLock(_ body: (inout Bool) -> Void) { flag.withLock { body(&$0) } }
}
