internal import CTorch

extension Tensor {
  /// The same elements with a new shape (one entry may be -1), as `torch.reshape`.
  public func reshaped(_ shape: [Int]) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(withInt64s(shape) { unsafe ct_reshape(handle, $0, $1) }, "reshape")
  }

  /// Dimensions reordered: result dim i is input dim `dims[i]`, as `torch.permute`.
  public func permuted(_ dims: [Int]) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(withInt64s(dims) { unsafe ct_permute(handle, $0, $1) }, "permute")
  }

  /// Dims `dim0` and `dim1` swapped.
  public func transposed(_ dim0: Int, _ dim1: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_transpose(handle, Int64(dim0), Int64(dim1)), "transpose")
  }

  /// Concatenation along `dim`; the other sizes must agree.
  public static func concat(_ tensors: [Tensor], along dim: Int) throws(TorchError) -> Tensor {
    let handles: [OpaquePointer?] = unsafe tensors.map { unsafe $0.handle }
    let result = unsafe handles.withUnsafeBufferPointer {
      unsafe ct_cat($0.baseAddress, Int32($0.count), Int64(dim))
    }
    withExtendedLifetime(tensors) {}
    return try unsafe wrap(result, "concat")
  }

  /// Stacks equal-shape tensors along a new dim `dim`.
  public static func stack(_ tensors: [Tensor], along dim: Int) throws(TorchError) -> Tensor {
    let handles: [OpaquePointer?] = unsafe tensors.map { unsafe $0.handle }
    let result = unsafe handles.withUnsafeBufferPointer {
      unsafe ct_stack($0.baseAddress, Int32($0.count), Int64(dim))
    }
    withExtendedLifetime(tensors) {}
    return try unsafe wrap(result, "stack")
  }

  /// Elements `start ..< start + length` along `dim` (a view), as `torch.narrow`.
  public func narrowed(dim: Int, start: Int, length: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(
      unsafe ct_narrow(handle, Int64(dim), Int64(start), Int64(length)), "narrow")
  }

  /// Constant padding as `torch.nn.functional.pad(x, pads, value=value)`.
  ///
  /// - Parameters:
  ///   - pads: Pairs (before, after) starting from the last dim: `[lastLo, lastHi, prevLo, ...]`.
  ///     Negative values crop.
  ///   - value: Fill value.
  public func padded(_ pads: [Int], value: Double = 0) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(withInt64s(pads) { unsafe ct_pad(handle, $0, $1, value) }, "pad")
  }

  /// Dims `start...end` merged into one (default: everything into 1-D).
  public func flattened(from start: Int = 0, through end: Int = -1) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_flatten(handle, Int64(start), Int64(end)), "flatten")
  }

  /// Size-1 dim `dim` removed (all size-1 dims when `dim` is nil).
  public func squeezed(dim: Int? = nil) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_squeeze(handle, Int64(dim ?? 0), dim == nil ? 1 : 0), "squeeze")
  }

  /// A size-1 dim inserted at `dim`.
  public func unsqueezed(dim: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_unsqueeze(handle, Int64(dim)), "unsqueeze")
  }

  /// A broadcast view with `shape` (-1 keeps a size), as `torch.expand`.
  public func expanded(to shape: [Int]) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(withInt64s(shape) { unsafe ct_expand(handle, $0, $1) }, "expand")
  }

  /// A broadcast view with `shape` under NumPy broadcasting rules, as `torch.broadcast_to`.
  public func broadcasted(to shape: [Int]) throws(TorchError) -> Tensor {
    try expanded(to: shape)
  }

  /// A contiguous tensor with the same values.
  public func contiguous() throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_contiguous(handle), "contiguous")
  }
}
