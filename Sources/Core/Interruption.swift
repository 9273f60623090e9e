internal import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// SIGINT and SIGTERM: temporaries removed, a message, exit status 130 or 143.
///
/// `Interruption.install()` (once, by the executable) catches both signals on a dispatch queue, outside
/// signal context. By default a signal removes every registered temporary (`AtomicFile` registers its own),
/// prints `interrupted by SIGINT; removed N temporary files` on standard error and ends the process with
/// 128 + the signal number. Code that can stop cleanly (training, which writes a checkpoint first) runs
/// inside `whileStoppable { … }`: there the first signal only sets `isRequested`, which the loop polls; a
/// second signal ends the process at once.
///
/// ```swift
/// Interruption.install()
/// try Interruption.whileStoppable { try trainer.run(until: { Interruption.isRequested }) }
/// ```
public enum Interruption {
  /// The shared state, behind one lock.
  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var temporaries: Set<String> = []
    var sources: [any DispatchSourceSignal] = []
    var stoppable = 0
    var received: Int32 = 0

    func locked<T>(_ body: (State) -> T) -> T {
      lock.lock()
      defer { lock.unlock() }
      return body(self)
    }
  }
  private static let state = State()

  /// Installs the handlers for SIGINT and SIGTERM (idempotent).
  public static func install() {
    state.locked { state in
      guard state.sources.isEmpty else { return }
      for number in [SIGINT, SIGTERM] {
        _ = signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { handle(number) }
        source.resume()
        state.sources.append(source)
      }
    }
  }

  /// Whether a signal asked a stoppable run to stop.
  public static var isRequested: Bool {
    state.locked { $0.received != 0 }
  }

  /// The signal that asked the run to stop (`SIGINT` or `SIGTERM`), if any.
  public static var signalReceived: Int32? {
    state.locked { $0.received == 0 ? nil : $0.received }
  }

  /// The exit status for the received signal: 130 (SIGINT), 143 (SIGTERM); nil when none came.
  public static var exitStatus: Int32? { signalReceived.map { 128 + $0 } }

  /// Runs `body` with the first signal turned into a stop request (see `isRequested`).
  public static func whileStoppable<T>(_ body: () throws -> T) rethrows -> T {
    state.locked { $0.stoppable += 1 }
    defer { state.locked { $0.stoppable -= 1 } }
    return try body()
  }

  /// Registers a temporary file or folder to remove if the process is interrupted.
  public static func register(_ path: String) {
    _ = state.locked { $0.temporaries.insert(path) }
  }

  /// Forgets a temporary (renamed into place or removed).
  public static func unregister(_ path: String) {
    _ = state.locked { $0.temporaries.remove(path) }
  }

  /// The temporaries registered now.
  public static var registered: Set<String> {
    state.locked { $0.temporaries }
  }

  /// The name of a signal for messages.
  public static func name(of signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: "signal \(signal)"
    }
  }

  private static func handle(_ number: Int32) {
    let graceful = state.locked { state in
      let first = state.received == 0
      if first { state.received = number }
      return state.stoppable > 0 && first
    }
    if graceful {
      FileHandle.standardError.write(
        Data(
          "\n\(name(of: number)) received: stopping after this step (send it again to stop at once)\n".utf8))
      return
    }
    terminate(number)
  }

  /// Removes the registered temporaries, reports, and ends the process with 128 + `number`.
  private static func terminate(_ number: Int32) -> Never {
    let paths = state.locked { $0.temporaries }
    var removed = 0
    for path in paths where (try? FileManager.default.removeItem(atPath: path)) != nil { removed += 1 }
    let files = removed == 1 ? "1 temporary file" : "\(removed) temporary files"
    FileHandle.standardError.write(Data("\ninterrupted by \(name(of: number)); removed \(files)\n".utf8))
    _ = fflush(nil)
    _exit(128 + number)
  }
}
