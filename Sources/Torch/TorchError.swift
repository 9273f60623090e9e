/// The one error type of the Torch module.
///
/// Carries libtorch's own message (without its C++ backtrace) for engine failures, or a
/// description of what went wrong with a file, plus the operation that failed.
///
/// ```swift
/// do { _ = try x.matmul(y) } catch { print(error.message) }  // "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"
/// ```
public struct TorchError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What kind of failure this is.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    let name: String
    /// libtorch raised an exception (shape mismatch, bad argument, device error, ...).
    public static let engine = Code(name: "engine")
    /// A file could not be read or written.
    public static let io = Code(name: "io")
    /// A file's contents are not valid (for example a malformed safetensors header).
    public static let format = Code(name: "format")
    /// An argument the caller passed is not supported (for example an unknown dtype).
    public static let invalidArgument = Code(name: "invalidArgument")
    public var description: String { name }
  }

  /// Kind of failure.
  public var code: Code
  /// Human-readable message; for `.engine`, libtorch's message.
  public var message: String
  /// The Torch operation that failed, for example `"conv3d"`.
  public var operation: String

  /// Creates an error.
  public init(code: Code, message: String, operation: String) {
    self.code = code
    self.message = message
    self.operation = operation
  }

  public var description: String { "\(operation): \(message)" }
}
