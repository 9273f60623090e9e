internal import CTorch

extension Tensor {
  /// Batch normalisation over dim 1, as `torch.nn.functional.batch_norm`.
  ///
  /// In training the batch statistics normalise, and the running statistics (if given) are
  /// updated in place with PyTorch's convention `r ← (1 − momentum)·r + momentum·stat`, using
  /// the unbiased batch variance. In evaluation the running statistics normalise.
  /// - Parameters:
  ///   - weight: Scale γ, shape `[C]`, or nil.
  ///   - bias: Shift β, shape `[C]`, or nil.
  ///   - runningMean: Shape `[C]`, or nil (required when not training).
  ///   - runningVar: Shape `[C]`, or nil (required when not training).
  ///   - training: Use batch statistics and update the running ones.
  ///   - momentum: Running-average factor (PyTorch default 0.1).
  ///   - eps: Added to the variance (default 1e-5).
  /// - Returns: Same shape as `self` (`[N, C, ...]`).
  public func batchNorm(
    weight: Tensor? = nil, bias: Tensor? = nil, runningMean: Tensor? = nil,
    runningVar: Tensor? = nil, training: Bool, momentum: Double = 0.1, eps: Double = 1e-5
  ) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(
      unsafe ct_batch_norm(
        handle, weight?.handle, bias?.handle, runningMean?.handle, runningVar?.handle,
        training ? 1 : 0, momentum, eps), "batch_norm")
  }
}
