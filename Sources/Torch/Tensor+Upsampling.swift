internal import CTorch

/// Interpolation used by `Tensor.upsampled`.
public enum UpsamplingMode: Sendable {
  /// Nearest neighbour (`mode="nearest"`).
  case nearest
  /// Trilinear (`mode="trilinear"`); `alignCorners` as in PyTorch (the GAN uses false).
  case trilinear(alignCorners: Bool)
}

extension Tensor {
  /// Resizes `[N, C, D, H, W]` to the spatial `size`, as `F.interpolate(x, size=size, mode=...)`.
  ///
  /// - Parameter size: Output (D, H, W).
  public func upsampled(size: [Int], mode: UpsamplingMode = .nearest) throws(TorchError) -> Tensor {
    precondition(size.count == 3, "upsampled(size:) needs 3 sizes (D, H, W)")
    return try upsample(size.map { Int64($0) }, nil, mode)
  }

  /// Resizes `[N, C, D, H, W]` by scale factors, as `F.interpolate(x, scale_factor=scale, ...)`.
  ///
  /// The output size is `floor(input × scale)` per dim, and the scales themselves are passed to
  /// the kernel (as PyTorch does when `recompute_scale_factor` is not set).
  /// - Parameter scale: 1 or 3 factors (D, H, W).
  public func upsampled(scale: [Double], mode: UpsamplingMode = .nearest) throws(TorchError)
    -> Tensor
  {
    precondition(scale.count == 1 || scale.count == 3, "upsampled(scale:) needs 1 or 3 factors")
    let factors = scale.count == 1 ? Array(repeating: scale[0], count: 3) : scale
    let spatial = shape.suffix(3)
    precondition(spatial.count == 3, "upsampling needs a [N, C, D, H, W] tensor")
    let size = zip(spatial, factors).map { Int64((Double($0) * $1).rounded(.down)) }
    return try upsample(size, factors, mode)
  }

  private func upsample(_ size: [Int64], _ scales: [Double]?, _ mode: UpsamplingMode)
    throws(TorchError) -> Tensor
  {
    let (code, align): (Int32, Int32) =
      switch mode {
      case .nearest: (0, 0)
      case .trilinear(let alignCorners): (1, alignCorners ? 1 : 0)
      }
    let handle =
      if let scales {
        unsafe ct_upsample3d(self.handle, code, size, scales, align)
      } else {
        unsafe ct_upsample3d(self.handle, code, size, nil, align)
      }
    return try unsafe Self.wrap(handle, "upsample")
  }
}
