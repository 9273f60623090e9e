internal import CTorch

/// Where a tensor's storage lives.
public enum Device: Sendable, Hashable, CustomStringConvertible {
  /// Host memory.
  case cpu
  /// A CUDA GPU, by index.
  case cuda(Int)

  /// Whether libtorch can use a CUDA device in this process (false for Debian's CPU build).
  public static var isCUDAAvailable: Bool { ct_cuda_is_available() != 0 }

  /// Number of CUDA devices libtorch sees (0 without CUDA).
  public static var cudaDeviceCount: Int { Int(ct_cuda_device_count()) }

  /// Waits until all queued CUDA kernels have finished (for honest timings); no-op on CPU.
  public static func synchronize() throws(TorchError) {
    try check(ct_cuda_synchronize(), "synchronize")
  }

  var type: Int32 {
    switch self {
    case .cpu: Int32(CT_CPU)
    case .cuda: Int32(CT_CUDA)
    }
  }

  var index: Int32 {
    switch self {
    case .cpu: 0
    case .cuda(let i): Int32(i)
    }
  }

  public var description: String {
    switch self {
    case .cpu: "cpu"
    case .cuda(let i): "cuda:\(i)"
    }
  }
}
