public import Core
public import Torch

/// A network whose tensors have stable names, PyTorch's `state_dict` names (`convs.0.weight`,
/// `norms.1.running_mean`, …), so weights travel through safetensors and match the reference script.
public protocol Module: AnyObject {
  /// Trainable tensors in a fixed order (the optimiser's order).
  var namedParameters: [(String, Tensor)] { get }
  /// Non-trained state (batch-norm running statistics).
  var namedBuffers: [(String, Tensor)] { get }
}

extension Module {
  /// Trainable tensors in the optimiser's order.
  public var parameters: [Tensor] { namedParameters.map(\.1) }

  /// Number of trainable scalars.
  public var parameterCount: Int { namedParameters.reduce(0) { $0 + $1.1.count } }

  /// Parameters and buffers by name (shared storage; copy before changing).
  public var stateDict: [String: Tensor] {
    var out: [String: Tensor] = [:]
    for (name, tensor) in namedParameters + namedBuffers { out[name] = tensor }
    return out
  }

  /// Copies tensors into the parameters and buffers of the same name, without recording gradients.
  ///
  /// - Parameter state: Tensors by name; every parameter and buffer must be present with its shape.
  /// - Throws: `ModelsError.weightsMismatch` naming a missing or mis-shaped tensor.
  public func load(_ state: [String: Tensor]) throws(ModelsError) {
    for (name, tensor) in namedParameters + namedBuffers {
      guard let source = state[name] else {
        throw ModelsError(
          .weightsMismatch, "the weights lack this tensor; were they saved by another architecture?",
          context: name)
      }
      guard source.shape == tensor.shape else {
        throw ModelsError(
          .weightsMismatch, "shape \(source.shape) in the weights, \(tensor.shape) in the model",
          context: name)
      }
      do {
        try withNoGrad { () throws(TorchError) in try tensor.copy(from: source) }
      } catch {
        throw ModelsError(.engine, "\(error)", context: name)
      }
    }
  }
}

func prefixed(_ prefix: String, _ items: [(String, Tensor)]) -> [(String, Tensor)] {
  items.map { (prefix + $0.0, $0.1) }
}
