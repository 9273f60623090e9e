public import Core

extension TrainingError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(context: context) }
  /// 2 for a config that cannot be used (the train command's documented status), 1 otherwise.
  public var exitStatus: Int32 { code == .invalidConfig ? 2 : 1 }
}
