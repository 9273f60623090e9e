internal import CTorch

extension Tensor {
  /// Creates a tensor by copying `values`.
  ///
  /// - Parameters:
  ///   - values: Elements in C (row-major) order.
  ///   - shape: Sizes; `nil` gives a 1-D tensor of `values.count`. The product must equal the count.
  ///   - device: Where to put the tensor.
  /// - Throws: `TorchError` if the shape does not match the count or the device is unusable.
  public convenience init<T: TensorElement>(
    _ values: [T], shape: [Int]? = nil, on device: Device = .cpu
  ) throws(TorchError) {
    let sizes = shape ?? [values.count]
    let handle = unsafe values.withUnsafeBytes { bytes in
      unsafe withInt64s(sizes) { shapePointer, rank in
        unsafe ct_from_data(
          bytes.baseAddress, bytes.count, T.dtype.code, shapePointer, rank, device.type,
          device.index)
      }
    }
    guard let handle = unsafe handle else { throw lastError("init") }
    unsafe self.init(owning: handle)
  }

  /// Creates a tensor from raw little-endian bytes of `dtype`.
  ///
  /// - Throws: `TorchError` if `bytes.count` differs from the shape's element count × element size.
  public static func fromBytes(
    _ bytes: UnsafeRawBufferPointer, dtype: DType, shape: [Int], on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    let handle = unsafe withInt64s(shape) { shapePointer, rank in
      unsafe ct_from_data(
        bytes.baseAddress, bytes.count, dtype.code, shapePointer, rank, device.type, device.index)
    }
    return try unsafe wrap(handle, "fromBytes")
  }

  /// The elements in C order as `[T]`, converted from the tensor's dtype if needed and copied
  /// to the CPU.
  public func toArray<T: TensorElement>(of type: T.Type = T.self) throws(TorchError) -> [T] {
    let source = dtype == T.dtype ? self : try to(T.dtype)
    return try Self.copyOut(source, as: T.self)
  }

  static func copyOut<T: TensorElement>(_ tensor: Tensor, as: T.Type) throws(TorchError) -> [T] {
    let n = tensor.count
    var status: Int32 = 0
    let values = unsafe [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      status = unsafe ct_copy_data(tensor.handle, buffer.baseAddress, n * MemoryLayout<T>.stride)
      initialized = status < 0 ? 0 : n
    }
    try check(status, "toArray")
    return values
  }

  /// The raw bytes of the elements in C order (host byte order), on the CPU.
  public func bytes() throws(TorchError) -> [UInt8] {
    let n = count * dtype.byteSize
    var status: Int32 = 0
    let values = unsafe [UInt8](unsafeUninitializedCapacity: n) { buffer, initialized in
      status = unsafe ct_copy_data(handle, buffer.baseAddress, n)
      initialized = status < 0 ? 0 : n
    }
    try check(status, "bytes")
    return values
  }

  /// The value of a one-element tensor, as `Double`.
  ///
  /// - Throws: `TorchError` if the tensor has more than one element.
  public func item() throws(TorchError) -> Double {
    var value = 0.0
    try check(unsafe ct_item(handle, &value), "item")
    return value
  }

  // MARK: Factories

  private static func filled(
    _ kind: Int32, _ value: Double, _ shape: [Int], _ dtype: DType, _ device: Device,
    _ operation: String
  ) throws(TorchError) -> Tensor {
    let handle = unsafe withInt64s(shape) { pointer, rank in
      unsafe ct_filled(kind, value, pointer, rank, dtype.code, device.type, device.index)
    }
    return try unsafe wrap(handle, operation)
  }

  /// A tensor of zeros with `shape`.
  public static func zeros(
    _ shape: [Int], dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(0, 0, shape, dtype, device, "zeros")
  }

  /// A tensor of ones with `shape`.
  public static func ones(
    _ shape: [Int], dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(1, 0, shape, dtype, device, "ones")
  }

  /// A tensor of `value` with `shape`.
  public static func full(
    _ shape: [Int], value: Double, dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(4, value, shape, dtype, device, "full")
  }

  /// A 0-dimensional tensor holding `value`.
  public static func scalar(
    _ value: Double, dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(4, value, [], dtype, device, "scalar")
  }

  /// Standard-normal samples from libtorch's default generator (see `Torch.manualSeed`).
  public static func randn(
    _ shape: [Int], dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(2, 0, shape, dtype, device, "randn")
  }

  /// Uniform samples in [0, 1) from libtorch's default generator.
  public static func rand(
    _ shape: [Int], dtype: DType = .float32, on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try filled(3, 0, shape, dtype, device, "rand")
  }

  /// The 1-D sequence start, start + step, ... below `end`, as `torch.arange(start, end, step)`.
  public static func arange(
    from start: Double, to end: Double, step: Double = 1, dtype: DType = .float32,
    on device: Device = .cpu
  ) throws(TorchError) -> Tensor {
    try unsafe wrap(ct_arange(start, end, step, dtype.code, device.type, device.index), "arange")
  }

  /// The 1-D sequence 0, 1, ... below `end`, as `torch.arange(end)`.
  public static func arange(_ end: Double, dtype: DType = .float32, on device: Device = .cpu)
    throws(TorchError) -> Tensor
  {
    try arange(from: 0, to: end, dtype: dtype, on: device)
  }

  // MARK: Copies and moves

  /// A copy with its own storage (gradients flow back to `self`).
  public func clone() throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_clone(handle), "clone")
  }

  /// This tensor converted to `dtype` (and moved to `device`, by default its current one).
  public func to(_ dtype: DType, on device: Device? = nil) throws(TorchError) -> Tensor {
    let target = device ?? self.device
    return try unsafe Self.wrap(ct_to(handle, dtype.code, target.type, target.index), "to")
  }

  /// This tensor moved to `device`, keeping its dtype.
  public func to(_ device: Device) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_to(handle, dtype.code, device.type, device.index), "to")
  }

  /// Copies `source`'s values into this tensor in place, without recording gradients.
  ///
  /// - Throws: `TorchError` if `source` does not broadcast to this tensor's shape.
  public func copy(from source: Tensor) throws(TorchError) {
    try check(unsafe ct_copy_(handle, source.handle), "copy")
  }
}
