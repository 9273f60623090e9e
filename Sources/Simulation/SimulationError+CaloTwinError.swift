public import Core

extension SimulationError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation() }
}
