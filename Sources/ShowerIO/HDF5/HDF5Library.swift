internal import CHDF5
import Synchronization

/// The process-wide gate to the HDF5 C library.
///
/// HDF5 builds are often not thread-safe, and a thread-safe build serialises its calls anyway, so
/// every HDF5 call in ShowerIO runs inside `HDF5Library.locked { … }`, which holds one global
/// `Mutex`. The first entry initialises the library. Every entry switches off HDF5's automatic
/// error printing for the calling thread (in a thread-safe build, such as Debian's, that setting
/// and the error stack are per thread); failures are collected from the error stack with
/// `failure(_:_:file:dataset:)` and thrown as `ShowerIOError`.
///
/// The lock is not recursive: code inside `locked` must not call public ShowerIO API, and must not
/// release the last reference to a reader or writer (their `deinit` takes the lock).
enum HDF5Library {
  private static let state = Mutex(false)

  /// Starts the library without its `atexit` clean-up. ShowerIO closes every file it opens; the clean-up
  /// would close a file whose writes failed (a full disk) a second time, which crashes HDF5 1.10 inside
  /// `H5F__close_cb` while the process exits (found with a 256 KiB tmpfs).
  private static func initialise() {
    _ = H5dont_atexit()
    _ = H5open()
  }

  /// Runs `body` with the HDF5 lock held.
  static func locked<T: Sendable>(
    _ body: () throws(ShowerIOError) -> T
  ) throws(ShowerIOError) -> T {
    try state.withLock { (initialised: inout Bool) throws(ShowerIOError) -> T in
      if !initialised {
        initialise()
        initialised = true
      }
      swh5_silence_errors()
      return try body()
    }
  }

  /// Runs a non-throwing `body` with the HDF5 lock held (for `deinit`).
  static func lockedQuietly(_ body: () -> Void) {
    state.withLock { (initialised: inout Bool) in
      if !initialised {
        initialise()
        initialised = true
      }
      swh5_silence_errors()
      body()
    }
  }

  /// The current HDF5 error stack as one line (innermost first), clearing it.
  static func takeErrorStack() -> String {
    var buffer = [CChar](repeating: 0, count: 1024)
    let count = unsafe buffer.withUnsafeMutableBufferPointer {
      unsafe swh5_take_error_stack($0.baseAddress, $0.count)
    }
    guard count > 0 else { return "" }
    return unsafe buffer.withUnsafeBufferPointer { unsafe String(cString: $0.baseAddress!) }
  }

  /// A `ShowerIOError` for a failed HDF5 call, with HDF5's own explanation appended.
  ///
  /// - Parameters:
  ///   - code: Kind of failure.
  ///   - message: What ShowerIO was doing and what the user can do.
  static func failure(
    _ code: ShowerIOError.Code, _ message: String, file: String?, dataset: String? = nil,
    event: Int? = nil
  ) -> ShowerIOError {
    let stack = takeErrorStack()
    let detail = stack.isEmpty ? "" : " (HDF5: \(stack))"
    return ShowerIOError(code, message + detail, file: file, dataset: dataset, event: event)
  }
}
