/// The kinds of failure of one module: a string-backed enum, stable across releases for scripts and tests.
public protocol ModuleErrorCode: RawRepresentable, Hashable, Sendable where RawValue == String {
  /// The exit status a command ends with for this kind of failure (1 unless the module says otherwise).
  var exitStatus: Int32 { get }
}

extension ModuleErrorCode {
  public var exitStatus: Int32 { 1 }
}

/// The error type of a module whose failures are a code, a message that says what to do and a context
/// (config key, file, sample, layer, step): `TrainingError`, `ValidationError` and `ModelsError` are
/// `ModuleError` with their own code enums, so the three share one implementation and one report format.
///
/// ```swift
/// public typealias TrainingError = ModuleError<TrainingErrorCode>
/// throw TrainingError(.checkpoint, "no checkpoint to resume from; run without --resume", context: path)
/// ```
public struct ModuleError<Code: ModuleErrorCode>: CaloTwinError, Equatable {
  /// What kind of failure this is.
  public var code: Code
  /// What went wrong and what to do about it.
  public var message: String
  /// The config key, file, sample, layer or step concerned, when known.
  public var context: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: Kind of failure.
  ///   - message: What is wrong and what to do.
  ///   - context: Key, file, sample or step concerned.
  public init(_ code: Code, _ message: String, context: String? = nil) {
    self.code = code
    self.message = message
    self.context = context
  }

  /// `context: message`, or the message alone.
  public var description: String { context.map { "\($0): \(message)" } ?? message }
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(context: context) }
  public var exitStatus: Int32 { code.exitStatus }
}
