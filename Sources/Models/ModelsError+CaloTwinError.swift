public import Core

extension ModelsError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(context: context) }
  public var exitStatus: Int32 { code == .invalidConfig ? 2 : 1 }
}
