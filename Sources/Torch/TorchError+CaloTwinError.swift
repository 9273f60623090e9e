public import Core

extension TorchError: CaloTwinError {
  public var codeName: String { code.name }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(context: operation) }
}
