internal import CTorch

extension Tensor {
  /// Whether autograd tracks operations on this tensor.
  public var requiresGrad: Bool { unsafe ct_requires_grad(handle) == 1 }

  /// Whether this tensor is a leaf of the autograd graph (created by the user, not by an op).
  public var isLeaf: Bool { unsafe ct_is_leaf(handle) == 1 }

  /// Turns gradient tracking on or off for this leaf, in place; returns `self` for chaining.
  ///
  /// - Throws: `TorchError` for a non-leaf or a non-floating-point tensor.
  @discardableResult
  public func requiringGrad(_ flag: Bool = true) throws(TorchError) -> Tensor {
    try check(unsafe ct_set_requires_grad(handle, flag ? 1 : 0), "requires_grad")
    return self
  }

  /// Back-propagates from this tensor, accumulating into the leaves' `grad`.
  ///
  /// - Parameters:
  ///   - gradient: d(loss)/d(self), same shape as `self`; nil for a one-element tensor (1).
  ///   - retainGraph: Keep the graph for another backward pass.
  /// - Throws: `TorchError` if nothing requires grad or the shapes disagree.
  public func backward(_ gradient: Tensor? = nil, retainGraph: Bool = false) throws(TorchError) {
    try check(
      unsafe ct_backward(handle, gradient?.handle, retainGraph ? 1 : 0), "backward")
  }

  /// Accumulated gradient (shares storage with libtorch's `.grad`), or nil if none yet.
  public var grad: Tensor? {
    var out: OpaquePointer? = nil
    guard unsafe ct_grad(handle, &out) == 0, let out = unsafe out else { return nil }
    return unsafe Tensor(owning: out)
  }

  /// Zeroes the accumulated gradient in place, or drops it when `setToNone`.
  public func zeroGrad(setToNone: Bool = false) throws(TorchError) {
    try check(unsafe ct_zero_grad(handle, setToNone ? 1 : 0), "zero_grad")
  }

  /// The same values cut from the autograd graph (shares storage).
  public func detached() throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_detach(handle), "detach")
  }
}
