/// A gradient-descent optimizer over a fixed list of parameter tensors.
///
/// Implementations follow `torch.optim` 1.13 (single-tensor path) exactly; their state can be
/// exported as named tensors (for a checkpoint, e.g. through `SafeTensors`) and imported into a
/// fresh optimizer over the same parameters to resume bit-identically.
public protocol Optimizer: AnyObject {
  /// The tensors updated in place by `step()`, in a fixed order (state names use the index).
  var parameters: [Tensor] { get }

  /// Updates every parameter that has a gradient; parameters without one are skipped.
  func step() throws(TorchError)

  /// The per-parameter buffers and step counts, named `"<index>.<buffer>"`
  /// (e.g. `"0.exp_avg"`, `"0.step"`). The tensors share storage with the optimizer.
  func stateTensors() throws(TorchError) -> [String: Tensor]

  /// Replaces the state with copies of `tensors` as produced by `stateTensors()`.
  ///
  /// - Throws: `TorchError` (`.format`) if a buffer's shape does not match its parameter.
  func loadState(_ tensors: [String: Tensor]) throws(TorchError)
}

extension Optimizer {
  /// Zeroes (or with `setToNone`, drops) every parameter's gradient.
  public func zeroGrad(setToNone: Bool = false) throws(TorchError) {
    for parameter in parameters { try parameter.zeroGrad(setToNone: setToNone) }
  }
}

/// Per-parameter state storage shared by the optimizers: named buffers plus a step count.
struct ParameterState {
  var step: Int = 0
  var buffers: [String: Tensor] = [:]
}

extension [ParameterState?] {
  /// Flattens the states into `"<index>.<name>"` tensors; the step is an int64 scalar.
  func exported() throws(TorchError) -> [String: Tensor] {
    var out: [String: Tensor] = [:]
    for (index, state) in enumerated() {
      guard let state else { continue }
      out["\(index).step"] = try Tensor.scalar(Double(state.step), dtype: .int64)
      for (name, buffer) in state.buffers { out["\(index).\(name)"] = buffer }
    }
    return out
  }

  /// Rebuilds states for `parameters` from `"<index>.<name>"` tensors (cloned, detached).
  static func imported(
    _ tensors: [String: Tensor], parameters: [Tensor], bufferNames: [String], operation: String
  ) throws(TorchError) -> [ParameterState?] {
    var states: [ParameterState?] = Array(repeating: nil, count: parameters.count)
    for (index, parameter) in parameters.enumerated() {
      guard let step = tensors["\(index).step"] else { continue }
      var state = ParameterState(step: Int(try step.item()))
      for name in bufferNames {
        guard let buffer = tensors["\(index).\(name)"] else { continue }
        guard buffer.shape == parameter.shape else {
          throw TorchError(
            code: .format,
            message:
              "state '\(index).\(name)' has shape \(buffer.shape), parameter \(index) has \(parameter.shape)",
            operation: operation)
        }
        state.buffers[name] = try buffer.detached().to(parameter.dtype, on: parameter.device)
          .clone()
      }
      states[index] = state
    }
    return states
  }
}
