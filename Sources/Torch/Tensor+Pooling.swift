internal import CTorch

extension Tensor {
  /// 3-D average pooling of `[N, C, D, H, W]`, as `torch.nn.functional.avg_pool3d`.
  ///
  /// - Parameters:
  ///   - kernel: Window size, 1 or 3 values.
  ///   - stride: Step, 1 or 3 values; nil means the kernel size (PyTorch's default).
  ///   - padding: Implicit zero padding, 1 or 3 values.
  public func avgPool3d(
    kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0], ceilMode: Bool = false,
    countIncludePad: Bool = true
  ) throws(TorchError) -> Tensor {
    let k = triple(kernel, "kernel").map { Int64($0) }
    let s = triple(stride ?? kernel, "stride").map { Int64($0) }
    let p = triple(padding, "padding").map { Int64($0) }
    return try unsafe Self.wrap(
      unsafe ct_avg_pool3d(handle, k, s, p, ceilMode ? 1 : 0, countIncludePad ? 1 : 0),
      "avg_pool3d")
  }

  /// 3-D max pooling of `[N, C, D, H, W]`, as `torch.nn.functional.max_pool3d`.
  public func maxPool3d(kernel: [Int], stride: [Int]? = nil, padding: [Int] = [0])
    throws(TorchError) -> Tensor
  {
    let k = triple(kernel, "kernel").map { Int64($0) }
    let s = triple(stride ?? kernel, "stride").map { Int64($0) }
    let p = triple(padding, "padding").map { Int64($0) }
    return try unsafe Self.wrap(ct_max_pool3d(handle, k, s, p), "max_pool3d")
  }
}
