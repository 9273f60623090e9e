internal import CTorch

/// RMSprop, as `torch.optim.RMSprop` (PyTorch 1.13 semantics and defaults).
///
/// Per parameter: `v ← α·v + (1−α)·g²`; centered also tracks `ḡ ← α·ḡ + (1−α)·g` and uses
/// `v − ḡ²`; the update is `−lr·g / (√v + eps)`, or through a momentum buffer
/// `b ← μ·b + g / (√v + eps)`, `p ← p − lr·b`. Weight decay adds `wd·p` to `g` first.
///
/// ```swift
/// let optimizer = RMSprop(parameters: model.parameters, learningRate: 1e-3)
/// try loss.backward(); try optimizer.step(); try optimizer.zeroGrad()
/// ```
public final class RMSprop: Optimizer {
  public let parameters: [Tensor]
  /// Step size (default 0.01).
  public var learningRate: Double
  /// Smoothing constant α (default 0.99).
  public var alpha: Double
  /// Added to the denominator (default 1e-8).
  public var eps: Double
  /// L2 penalty added to the gradient (default 0).
  public var weightDecay: Double
  /// Momentum factor μ (default 0).
  public var momentum: Double
  /// Normalise by the estimated variance of the gradient (default false).
  public var centered: Bool

  var states: [ParameterState?]

  /// Creates the optimizer; state is created lazily at each parameter's first step.
  public init(
    parameters: [Tensor], learningRate: Double = 0.01, alpha: Double = 0.99, eps: Double = 1e-8,
    weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.alpha = alpha
    self.eps = eps
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
    self.states = Array(repeating: nil, count: parameters.count)
  }

  public func step() throws(TorchError) {
    for (index, parameter) in parameters.enumerated() where parameter.grad != nil {
      var state = states[index] ?? ParameterState()
      if states[index] == nil {
        state.buffers["square_avg"] = try Tensor.zeros(
          parameter.shape, dtype: parameter.dtype, on: parameter.device)
        if momentum > 0 {
          state.buffers["momentum_buffer"] = try Tensor.zeros(
            parameter.shape, dtype: parameter.dtype, on: parameter.device)
        }
        if centered {
          state.buffers["grad_avg"] = try Tensor.zeros(
            parameter.shape, dtype: parameter.dtype, on: parameter.device)
        }
      }
      state.step += 1
      guard let squareAverage = state.buffers["square_avg"] else {
        throw TorchError(
          code: .format, message: "missing state '\(index).square_avg'", operation: "RMSprop.step")
      }
      try check(
        unsafe ct_rmsprop_update(
          parameter.handle, squareAverage.handle, state.buffers["momentum_buffer"]?.handle,
          state.buffers["grad_avg"]?.handle, learningRate, alpha, eps, weightDecay, momentum,
          centered ? 1 : 0), "RMSprop.step")
      states[index] = state
    }
  }

  public func stateTensors() throws(TorchError) -> [String: Tensor] { try states.exported() }

  public func loadState(_ tensors: [String: Tensor]) throws(TorchError) {
    states = try [ParameterState?].imported(
      tensors, parameters: parameters, bufferNames: ["square_avg", "momentum_buffer", "grad_avg"],
      operation: "RMSprop.loadState")
  }
}
