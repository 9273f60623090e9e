/// The Simulation module's error: a code and a message that says what to do.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, broadly.
  public enum Code: String, Sendable {
    /// The geometry configuration cannot be built.
    case invalidGeometry
    /// A primary-generator setting is out of range.
    case invalidPrimary
    /// A physics setting (`PhysicsSettings`, `CALOTWIN_PHYSICS`, `--range-cut`) is out of range.
    case invalidSettings
  }

  public let code: Code
  public let message: String

  public init(code: Code, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code.rawValue): \(message)" }
}
