internal import CTorch

/// Process-wide libtorch settings: threads, random seed, live-handle count.
///
/// ```swift
/// Torch.threadCount = 2
/// Torch.manualSeed(42)
/// ```
public enum Torch {
  /// libtorch's intra-op thread count.
  ///
  /// libtorch 1.13 starts with half the logical CPUs (1 on 2 vCPUs); set it explicitly.
  /// Precondition: the new value is at least 1.
  public static var threadCount: Int {
    get { Int(ct_get_num_threads()) }
    set {
      precondition(newValue >= 1, "thread count must be at least 1")
      _ = ct_set_num_threads(Int32(newValue))
    }
  }

  /// Seeds libtorch's default generators (CPU and CUDA), as `torch.manual_seed`.
  ///
  /// With equal seeds `randn`, `rand` and `dropout` draw the same values as PyTorch 1.13.
  public static func manualSeed(_ seed: UInt64) {
    _ = ct_manual_seed(seed)
  }

  /// Runs `body` with a private random generator seeded with `seed` on this thread.
  ///
  /// CPU `randn`, `rand` and `dropout` inside `body`, on the calling thread, draw from it: the same
  /// values as after `manualSeed(seed)`, but untouched by draws or seeds on other threads, so
  /// concurrent work stays reproducible. Calls nest; the innermost wins. CUDA draws still use
  /// libtorch's default CUDA generator.
  ///
  /// ```swift
  /// let w = try Torch.withSeed(7) { () throws(TorchError) in try Tensor.randn([3, 4]) }
  /// ```
  public static func withSeed<R, E: Error>(
    _ seed: UInt64, _ body: () throws(E) -> R
  ) throws(E) -> R {
    _ = ct_push_thread_generator(seed)
    defer { _ = ct_pop_thread_generator() }
    return try body()
  }

  /// The libtorch version this build links, "major.minor.patch" (e.g. "1.13.0").
  public static var version: String { unsafe String(cString: ct_version()) }

  /// Number of tensor handles currently alive in the process (for leak checks in tests).
  public static var liveHandles: Int { Int(ct_live_handles()) }

  /// Handles created minus handles freed on the calling thread.
  ///
  /// Leak checks in synchronous tests use this, since other tests may create tensors on other
  /// threads at the same time.
  public static var threadLiveHandles: Int { Int(ct_thread_live_handles()) }

  /// Whether autograd records operations on this thread.
  public static var isGradEnabled: Bool {
    get { ct_is_grad_enabled() != 0 }
    set { ct_set_grad_enabled(newValue ? 1 : 0) }
  }
}

/// Runs `body` with gradient recording off, then restores the previous state.
///
/// - Parameter body: Work whose tensor operations must not be recorded by autograd.
/// - Returns: What `body` returns.
public func withNoGrad<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
  let previous = Torch.isGradEnabled
  Torch.isGradEnabled = false
  defer { Torch.isGradEnabled = previous }
  return try body()
}

/// Throws the facade's last error when `status` is negative.
func check(_ status: Int32, _ operation: String) throws(TorchError) {
  if status < 0 { throw lastError(operation) }
}

/// The facade's last error on this thread as a `TorchError`.
func lastError(_ operation: String) -> TorchError {
  let message = unsafe String(cString: ct_last_error())
  return TorchError(
    code: .engine, message: message.isEmpty ? "unknown libtorch failure" : message,
    operation: operation)
}
