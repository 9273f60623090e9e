internal import CTorch

/// An n-dimensional array in libtorch, with autograd.
///
/// Owns one facade handle and frees it in `deinit`. Not `Sendable`: a tensor stays in the task
/// that created it. Every operation returns a new tensor and throws `TorchError` with
/// libtorch's message when libtorch rejects it.
///
/// ```swift
/// let x = try Tensor([1, 2, 3, 4] as [Float], shape: [2, 2])
/// let y = try (x * x).sum()   // 30
/// ```
@safe public final class Tensor {
  let handle: OpaquePointer

  /// Takes ownership of a handle returned by the facade.
  init(owning handle: OpaquePointer) { unsafe self.handle = handle }

  deinit { unsafe ct_free(handle) }

  /// Wraps a handle the facade returned, or throws its error when it returned NULL.
  static func wrap(_ handle: OpaquePointer?, _ operation: String) throws(TorchError) -> Tensor {
    guard let handle = unsafe handle else { throw lastError(operation) }
    return unsafe Tensor(owning: handle)
  }

  /// Sizes of the dimensions, outermost first.
  public var shape: [Int] {
    let rank = self.rank
    var sizes = [Int64](repeating: 0, count: rank)
    unsafe sizes.withUnsafeMutableBufferPointer { buffer in
      _ = unsafe ct_shape(handle, buffer.baseAddress)
    }
    return sizes.map { Int($0) }
  }

  /// Number of dimensions.
  public var rank: Int { Int(unsafe ct_dim(handle)) }

  /// Number of elements.
  public var count: Int { shape.reduce(1, *) }

  /// Element type.
  public var dtype: DType {
    guard let type = DType(code: unsafe ct_dtype(handle)) else {
      preconditionFailure("tensor has an element type the facade does not map")
    }
    return type
  }

  /// Device holding the storage.
  public var device: Device {
    var index: Int32 = 0
    let type = unsafe ct_device(handle, &index)
    return type == Int32(CT_CUDA) ? .cuda(Int(index)) : .cpu
  }
}

extension Tensor: CustomStringConvertible {
  public var description: String { "Tensor(shape: \(shape), dtype: \(dtype), device: \(device))" }
}

/// Calls `body` with a pointer to the sizes as `Int64` (NULL for an empty list) and their count.
func withInt64s<R>(
  _ values: [Int], _ body: (UnsafePointer<Int64>?, Int32) -> R
) -> R {
  let converted = values.map { Int64($0) }
  return unsafe converted.withUnsafeBufferPointer { unsafe body($0.baseAddress, Int32($0.count)) }
}

/// Expands a 1-element per-dimension argument to 3 values (D, H, W).
func triple(_ values: [Int], _ name: String) -> [Int] {
  precondition(values.count == 1 || values.count == 3, "\(name) needs 1 or 3 values")
  return values.count == 1 ? Array(repeating: values[0], count: 3) : values
}
