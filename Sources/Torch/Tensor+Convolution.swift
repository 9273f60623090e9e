internal import CTorch

extension Tensor {
  /// 3-D convolution, as `torch.nn.functional.conv3d`.
  ///
  /// Per-dimension arguments take 1 value (all of D, H, W) or 3.
  /// - Parameters:
  ///   - weight: Shape `[Cout, Cin / groups, kD, kH, kW]`.
  ///   - bias: Shape `[Cout]`, or nil.
  /// - Returns: Shape `[N, Cout, D', H', W']` for `self` of shape `[N, Cin, D, H, W]`.
  public func conv3d(
    weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1], padding: [Int] = [0],
    dilation: [Int] = [1], groups: Int = 1
  ) throws(TorchError) -> Tensor {
    let s = triple(stride, "stride").map { Int64($0) }
    let p = triple(padding, "padding").map { Int64($0) }
    let d = triple(dilation, "dilation").map { Int64($0) }
    return try unsafe Self.wrap(
      unsafe ct_conv3d(handle, weight.handle, bias?.handle, s, p, d, Int64(groups)), "conv3d")
  }

  /// Transposed 3-D convolution, as `torch.nn.functional.conv_transpose3d`.
  ///
  /// - Parameters:
  ///   - weight: Shape `[Cin, Cout / groups, kD, kH, kW]`.
  ///   - bias: Shape `[Cout]`, or nil.
  ///   - outputPadding: Extra size added on one side of each output dim (< stride).
  /// - Returns: Shape `[N, Cout, (D-1)·s - 2p + dil·(k-1) + op + 1, ...]`.
  public func convTranspose3d(
    weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1], padding: [Int] = [0],
    outputPadding: [Int] = [0], groups: Int = 1, dilation: [Int] = [1]
  ) throws(TorchError) -> Tensor {
    let s = triple(stride, "stride").map { Int64($0) }
    let p = triple(padding, "padding").map { Int64($0) }
    let o = triple(outputPadding, "outputPadding").map { Int64($0) }
    let d = triple(dilation, "dilation").map { Int64($0) }
    return try unsafe Self.wrap(
      unsafe ct_conv_transpose3d(handle, weight.handle, bias?.handle, s, p, o, Int64(groups), d),
      "conv_transpose3d")
  }
}
