public import Core

/// The kinds of failure of Validation (`ValidationError.code`).
public enum ValidationErrorCode: String, ModuleErrorCode, Codable {
  /// Reference and candidate have different cell shapes or layouts.
  case geometryMismatch
  /// A sample holds no shower.
  case emptySample
  /// No energy/angle bin holds enough showers of both samples.
  case noOverlappingBins
  /// A configuration value is out of range.
  case invalidConfiguration
  /// A metric received inputs it cannot use (too few values, wrong dimensions).
  case invalidInput
  /// An event of a shower file holds a number validation cannot use (non-finite or negative cell,
  /// non-finite or non-positive incident energy, non-finite angle).
  case badEvent
  /// Writing the report failed.
  case writeFailed

  public var exitStatus: Int32 { self == .writeFailed ? 1 : 2 }
}

/// The one error type of Validation: mismatched samples, empty inputs, bad configurations.
///
/// Carries what went wrong (`code`), a `message` that says what to do, and the sample or
/// metric concerned when known.
///
/// ```swift
/// throw ValidationError(.geometryMismatch, "reference has cells [51, 51, 25], candidate [25, 25, 25]")
/// ```
///
/// `ModuleError` (Core) with `ValidationErrorCode`: code, message, context, and the `CaloTwinError` report.
public typealias ValidationError = ModuleError<ValidationErrorCode>
