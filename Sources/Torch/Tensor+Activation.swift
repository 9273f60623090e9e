internal import CTorch

extension Tensor {
  /// max(x, 0).
  public func relu() throws(TorchError) -> Tensor { try unary(Int32(CT_RELU), "relu") }

  /// max(x, 0) + slope·min(x, 0) (PyTorch's default slope 0.01).
  public func leakyRelu(slope: Double = 0.01) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_leaky_relu(handle, slope), "leaky_relu")
  }

  /// 1 / (1 + e⁻ˣ).
  public func sigmoid() throws(TorchError) -> Tensor { try unary(Int32(CT_SIGMOID), "sigmoid") }

  /// Hyperbolic tangent.
  public func tanh() throws(TorchError) -> Tensor { try unary(Int32(CT_TANH), "tanh") }

  /// Softmax along `dim`.
  public func softmax(dim: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_softmax(handle, Int64(dim), 0), "softmax")
  }

  /// Log-softmax along `dim`.
  public func logSoftmax(dim: Int) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_softmax(handle, Int64(dim), 1), "log_softmax")
  }

  /// Dropout: in training, zeroes each element with probability `p` (libtorch's generator, see
  /// `Torch.manualSeed`) and scales the rest by 1/(1 − p); identity otherwise.
  ///
  /// - Throws: `TorchError` if `p` is outside [0, 1].
  public func dropout(p: Double = 0.5, training: Bool) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_dropout(handle, p, training ? 1 : 0), "dropout")
  }
}
