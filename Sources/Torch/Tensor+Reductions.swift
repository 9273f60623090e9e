internal import CTorch

extension Tensor {
  private func reduce(_ op: Int32, _ dims: [Int], _ keepDim: Bool, _ name: String)
    throws(TorchError) -> Tensor
  {
    try unsafe Self.wrap(
      unsafe withInt64s(dims) { unsafe ct_reduce(op, handle, $0, $1, keepDim ? 1 : 0) }, name)
  }

  /// Sum over `dims` (all elements when empty), keeping reduced dims as size 1 if `keepDim`.
  public func sum(dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(Int32(CT_SUM), dims, keepDim, "sum")
  }

  /// Mean over `dims` (all elements when empty).
  public func mean(dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(Int32(CT_MEAN), dims, keepDim, "mean")
  }

  /// Maximum over `dims` (all elements when empty), as `torch.amax`.
  public func max(dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(Int32(CT_AMAX), dims, keepDim, "max")
  }

  /// Minimum over `dims` (all elements when empty), as `torch.amin`.
  public func min(dims: [Int] = [], keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(Int32(CT_AMIN), dims, keepDim, "min")
  }

  /// Product of all elements, or along one dim.
  public func product(dim: Int? = nil, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try reduce(Int32(CT_PROD), dim.map { [$0] } ?? [], keepDim, "prod")
  }

  /// Variance over `dims` (all when empty); `unbiased` divides by N - 1 (PyTorch's default).
  public func variance(dims: [Int] = [], unbiased: Bool = true, keepDim: Bool = false)
    throws(TorchError) -> Tensor
  {
    try unsafe Self.wrap(
      unsafe withInt64s(dims) {
        unsafe ct_var(handle, $0, $1, unbiased ? 1 : 0, keepDim ? 1 : 0, 0)
      }, "var")
  }

  /// Standard deviation over `dims` (all when empty); `unbiased` divides by N - 1.
  public func standardDeviation(dims: [Int] = [], unbiased: Bool = true, keepDim: Bool = false)
    throws(TorchError) -> Tensor
  {
    try unsafe Self.wrap(
      unsafe withInt64s(dims) {
        unsafe ct_var(handle, $0, $1, unbiased ? 1 : 0, keepDim ? 1 : 0, 1)
      }, "std")
  }

  /// Maximum along `dim` with the int64 index of each maximum.
  public func max(dim: Int, keepDim: Bool = false) throws(TorchError) -> (
    values: Tensor, indices: Tensor
  ) {
    try extremum(dim: dim, keepDim: keepDim, isMin: false)
  }

  /// Minimum along `dim` with the int64 index of each minimum.
  public func min(dim: Int, keepDim: Bool = false) throws(TorchError) -> (
    values: Tensor, indices: Tensor
  ) {
    try extremum(dim: dim, keepDim: keepDim, isMin: true)
  }

  private func extremum(dim: Int, keepDim: Bool, isMin: Bool) throws(TorchError) -> (
    values: Tensor, indices: Tensor
  ) {
    var values: OpaquePointer? = nil
    var indices: OpaquePointer? = nil
    try check(
      unsafe ct_max_dim(handle, Int64(dim), keepDim ? 1 : 0, isMin ? 1 : 0, &values, &indices),
      isMin ? "min" : "max")
    return (try unsafe Self.wrap(values, "max"), try unsafe Self.wrap(indices, "max"))
  }

  /// Index of the maximum along `dim` (of the flattened tensor when `dim` is nil).
  public func argmax(dim: Int? = nil, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(
      unsafe ct_argmax(handle, Int64(dim ?? 0), keepDim ? 1 : 0, dim == nil ? 1 : 0, 0), "argmax")
  }

  /// Index of the minimum along `dim` (of the flattened tensor when `dim` is nil).
  public func argmin(dim: Int? = nil, keepDim: Bool = false) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(
      unsafe ct_argmax(handle, Int64(dim ?? 0), keepDim ? 1 : 0, dim == nil ? 1 : 0, 1), "argmin")
  }

  /// Running sum along `dim`.
  public func cumulativeSum(dim: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_cumsum(handle, Int64(dim)), "cumsum")
  }
}
