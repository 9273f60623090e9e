public import Core

/// The kinds of failure of Generation (`GenerationError.code`).
public enum GenerationErrorCode: String, ModuleErrorCode {
  /// A model directory is missing, incomplete or corrupt.
  case modelDirectory
  /// A condition (energy, angle) is outside the model's range, or not a finite number.
  case condition
  /// The tensor engine or the simulator failed.
  case engine

  /// 2 for input the command cannot use (model directory, conditions), 1 otherwise.
  public var exitStatus: Int32 { self == .engine ? 1 : 2 }
}

/// The error type of the Generation module: `ModuleError` (Core) with `GenerationErrorCode`.
///
/// `message` says what is wrong and what to do; `context` names the file, key or event.
public typealias GenerationError = ModuleError<GenerationErrorCode>
