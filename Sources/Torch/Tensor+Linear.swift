internal import CTorch

extension Tensor {
  /// Matrix product with `torch.matmul`'s rules (1-D vectors, batched broadcasting).
  ///
  /// - Throws: `TorchError` ("mat1 and mat2 shapes cannot be multiplied ...") on a mismatch.
  public func matmul(_ other: Tensor) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_matmul(handle, other.handle), "matmul")
  }

  /// Affine map `self · weightᵀ + bias`, as `torch.nn.functional.linear`.
  ///
  /// - Parameters:
  ///   - weight: Shape `[out, in]`.
  ///   - bias: Shape `[out]`, or nil.
  /// - Returns: Shape `[*, out]` for `self` of shape `[*, in]`.
  public func linear(weight: Tensor, bias: Tensor? = nil) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_linear(handle, weight.handle, bias?.handle), "linear")
  }
}
