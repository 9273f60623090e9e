internal import CTorch

/// Adam, as `torch.optim.Adam` (PyTorch 1.13 semantics and defaults).
///
/// Per parameter at step t: `m ← β₁·m + (1−β₁)·g`, `v ← β₂·v + (1−β₂)·g²`,
/// `p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + eps)`; AMSGrad uses the running maximum of `v`.
/// Weight decay adds `wd·p` to `g` first (L2, not AdamW).
///
/// ```swift
/// let optimizer = Adam(parameters: generator.parameters, learningRate: 2e-4, betas: (0.5, 0.999))
/// try loss.backward(); try optimizer.step(); try optimizer.zeroGrad()
/// ```
public final class Adam: Optimizer {
  public let parameters: [Tensor]
  /// Step size (default 1e-3).
  public var learningRate: Double
  /// Decay rates (β₁, β₂) of the moment estimates (default (0.9, 0.999)).
  public var betas: (Double, Double)
  /// Added to the denominator (default 1e-8).
  public var eps: Double
  /// L2 penalty added to the gradient (default 0).
  public var weightDecay: Double
  /// Use the AMSGrad variant (default false).
  public var amsgrad: Bool

  var states: [ParameterState?]

  /// Creates the optimizer; state is created lazily at each parameter's first step.
  public init(
    parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
    eps: Double = 1e-8, weightDecay: Double = 0, amsgrad: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.betas = betas
    self.eps = eps
    self.weightDecay = weightDecay
    self.amsgrad = amsgrad
    self.states = Array(repeating: nil, count: parameters.count)
  }

  public func step() throws(TorchError) {
    for (index, parameter) in parameters.enumerated() where parameter.grad != nil {
      var state = states[index] ?? ParameterState()
      if states[index] == nil {
        for name in ["exp_avg", "exp_avg_sq"] + (amsgrad ? ["max_exp_avg_sq"] : []) {
          state.buffers[name] = try Tensor.zeros(
            parameter.shape, dtype: parameter.dtype, on: parameter.device)
        }
      }
      state.step += 1
      guard let average = state.buffers["exp_avg"], let squares = state.buffers["exp_avg_sq"]
      else {
        throw TorchError(
          code: .format, message: "missing state '\(index).exp_avg'", operation: "Adam.step")
      }
      try check(
        unsafe ct_adam_update(
          parameter.handle, average.handle, squares.handle,
          state.buffers["max_exp_avg_sq"]?.handle, Int64(state.step), learningRate, betas.0,
          betas.1, eps, weightDecay, amsgrad ? 1 : 0), "Adam.step")
      states[index] = state
    }
  }

  public func stateTensors() throws(TorchError) -> [String: Tensor] { try states.exported() }

  public func loadState(_ tensors: [String: Tensor]) throws(TorchError) {
    states = try [ParameterState?].imported(
      tensors, parameters: parameters, bufferNames: ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
      operation: "Adam.loadState")
  }
}
