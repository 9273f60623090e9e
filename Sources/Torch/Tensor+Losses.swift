internal import CTorch

/// How a loss combines its per-element values.
public enum LossReduction: Int32, Sendable {
  /// Per-element losses, same shape as the input.
  case none = 0
  /// Mean over all elements (PyTorch's default).
  case mean = 1
  /// Sum over all elements.
  case sum = 2
}

extension Tensor {
  /// Binary cross-entropy on probabilities, as `F.binary_cross_entropy`.
  ///
  /// - Parameters:
  ///   - prediction: Probabilities in [0, 1] (log is clamped at −100 as in PyTorch).
  ///   - target: Same shape, values in [0, 1].
  ///   - weight: Per-element rescaling (broadcast), or nil.
  public static func binaryCrossEntropy(
    prediction: Tensor, target: Tensor, weight: Tensor? = nil, reduction: LossReduction = .mean
  ) throws(TorchError) -> Tensor {
    try unsafe wrap(
      unsafe ct_bce(prediction.handle, target.handle, weight?.handle, reduction.rawValue), "bce")
  }

  /// Binary cross-entropy on logits (numerically stable), as `F.binary_cross_entropy_with_logits`.
  public static func binaryCrossEntropyWithLogits(
    logits: Tensor, target: Tensor, weight: Tensor? = nil, positiveWeight: Tensor? = nil,
    reduction: LossReduction = .mean
  ) throws(TorchError) -> Tensor {
    try unsafe wrap(
      unsafe ct_bce_with_logits(
        logits.handle, target.handle, weight?.handle, positiveWeight?.handle, reduction.rawValue),
      "bce_with_logits")
  }

  /// Mean squared error, as `F.mse_loss`.
  public static func mseLoss(
    prediction: Tensor, target: Tensor, reduction: LossReduction = .mean
  ) throws(TorchError) -> Tensor {
    try unsafe wrap(ct_mse(prediction.handle, target.handle, reduction.rawValue), "mse_loss")
  }

  /// Mean absolute error, as `F.l1_loss`.
  public static func l1Loss(
    prediction: Tensor, target: Tensor, reduction: LossReduction = .mean
  ) throws(TorchError) -> Tensor {
    try unsafe wrap(ct_l1(prediction.handle, target.handle, reduction.rawValue), "l1_loss")
  }

  /// Mean absolute percentage error with Keras semantics:
  /// `100 · mean(|target − prediction| / max(|target|, 1e-7))`.
  ///
  /// - Returns: A 0-dimensional tensor, in percent.
  public static func mapeLoss(prediction: Tensor, target: Tensor) throws(TorchError) -> Tensor {
    let difference = try (target - prediction).abs()
    let scale = try target.abs().clamped(min: 1e-7)
    return try (difference / scale).mean() * 100
  }
}
