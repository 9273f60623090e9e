public import Core

extension SimulationError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation() }
  /// 2 for settings that cannot be used (a bad geometry, primary or physics setting), as for bad options.
  public var exitStatus: Int32 { 2 }
}
