public import Core

extension ShowerIOError: CaloTwinError {
  public var codeName: String { code.rawValue }
  public var what: String { message }
  public var location: ErrorLocation { ErrorLocation(file: file, dataset: dataset, event: event) }

  /// `dataset 'X': event N: message`: the description without the file, for callers that name it.
  public var detail: String {
    let place = ErrorLocation(dataset: dataset, event: event)
    return place.isEmpty ? message : "\(place): \(message)"
  }

  /// The ShowerIO form of a Core error (atomic writes, output checks), keeping its location and advice.
  public init(_ error: CoreError) {
    let code: Code =
      switch error.code {
      case .notFound, .writeFailed, .interrupted: .writeFailed  // Core's errors here concern outputs
      case .readFailed: .corrupt
      case .notRegularFile, .outputAliasesInput, .invalidConfig, .invalidValue: .invalidArgument
      }
    var message = error.what
    if let cause = error.cause { message += " (\(cause))" }
    if let remedy = error.remedy { message += "; \(remedy)" }
    self.init(
      code, message, file: error.location.file, dataset: error.location.dataset, event: error.location.event)
  }
}
