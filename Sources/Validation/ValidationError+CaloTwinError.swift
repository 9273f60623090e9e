public import Core

extension ValidationError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(context: context) }
  /// 2 for inputs that cannot be compared (the validate command's documented status), 1 for failed writes.
  public var exitStatus: Int32 { code == .writeFailed ? 1 : 2 }
}
