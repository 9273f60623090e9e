/// The error type of the Training module.
///
/// `message` says what is wrong and what to do; `context` names the config key (`data.files[1]`), file,
/// epoch or step.
public struct TrainingError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: String, Sendable {
    /// The YAML or a `--set` override is malformed, has an unknown key or a value of the wrong type.
    case invalidConfig
    /// A data file is missing, unreadable or does not match the model.
    case data
    /// A checkpoint is missing or unusable.
    case checkpoint
    /// Training diverged or collapsed (non-finite losses, all-empty generated showers).
    case diverged
    /// The tensor engine or the model failed.
    case engine
  }

  /// What kind of failure this is.
  public var code: Code
  /// What went wrong and what to do about it.
  public var message: String
  /// Key, file, epoch or step concerned.
  public var context: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, context: String? = nil) {
    self.code = code
    self.message = message
    self.context = context
  }

  public var description: String { context.map { "\($0): \(message)" } ?? message }
}
