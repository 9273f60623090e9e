public import Core

/// The kinds of failure of Training (`TrainingError.code`).
public enum TrainingErrorCode: String, ModuleErrorCode {
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

  /// 2 for a config or data the run cannot use (the train command's documented status), 1 otherwise.
  public var exitStatus: Int32 { self == .invalidConfig || self == .data ? 2 : 1 }
}

/// The error type of the Training module.
///
/// `message` says what is wrong and what to do; `context` names the config key (`data.files[1]`), file,
/// epoch or step.
///
/// `ModuleError` (Core) with `TrainingErrorCode`: code, message, context, and the `CaloTwinError` report.
public typealias TrainingError = ModuleError<TrainingErrorCode>
