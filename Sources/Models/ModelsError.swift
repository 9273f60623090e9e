public import Core

/// The kinds of failure of Models (`ModelsError.code`).
public enum ModelsErrorCode: String, ModuleErrorCode {
  /// The architecture config is inconsistent (shapes that do not meet, non-positive sizes).
  case invalidConfig
  /// A weights file lacks a tensor or holds one of the wrong shape.
  case weightsMismatch
  /// The tensor engine failed.
  case engine

  public var exitStatus: Int32 { self == .invalidConfig ? 2 : 1 }
}

/// The error type of the Models module: invalid architectures, weights that do not fit, libtorch failures.
///
/// `message` says what is wrong and what to do; `context` names the layer, tensor or config key.
///
/// `ModuleError` (Core) with `ModelsErrorCode`: code, message, context, and the `CaloTwinError` report.
public typealias ModelsError = ModuleError<ModelsErrorCode>
