/// The one error type of Validation: mismatched samples, empty inputs, bad configurations.
///
/// Carries what went wrong (`code`), a `message` that says what to do, and the sample or
/// metric concerned when known.
///
/// ```swift
/// throw ValidationError(.geometryMismatch, "reference has cells [51, 51, 25], candidate [25, 25, 25]")
/// ```
public struct ValidationError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What kind of failure this is; stable across releases, for scripts and tests.
  public enum Code: String, Sendable, Equatable, Codable {
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
  }

  /// Kind of failure.
  public var code: Code
  /// What is wrong and what to do about it.
  public var message: String
  /// Sample, file or metric concerned, if any.
  public var context: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: Kind of failure.
  ///   - message: What is wrong and what to do.
  ///   - context: Sample, file or metric concerned.
  public init(_ code: Code, _ message: String, context: String? = nil) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// `context: message`, or the message alone.
  public var description: String {
    if let context { return "\(context): \(message)" }
    return message
  }
}
