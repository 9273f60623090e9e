/// The error type of the Models module: invalid architectures, weights that do not fit, libtorch failures.
///
/// `message` says what is wrong and what to do; `context` names the layer, tensor or config key.
public struct ModelsError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: String, Sendable {
    /// The architecture config is inconsistent (shapes that do not meet, non-positive sizes).
    case invalidConfig
    /// A weights file lacks a tensor or holds one of the wrong shape.
    case weightsMismatch
    /// The tensor engine failed.
    case engine
  }

  /// What kind of failure this is.
  public var code: Code
  /// What went wrong and what to do about it.
  public var message: String
  /// The config key, layer or tensor concerned, when known.
  public var context: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, context: String? = nil) {
    self.code = code
    self.message = message
    self.context = context
  }

  public var description: String {
    context.map { "\($0): \(message)" } ?? message
  }
}
