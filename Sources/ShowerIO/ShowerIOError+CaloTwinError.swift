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

  /// The ShowerIO form of a Core error, keeping its location and advice.
  ///
  /// - Parameters:
  ///   - error: An error of Core's output rules, atomic writer or input check.
  ///   - isOutput: Whether it concerns an output (a missing folder is then `writeFailed`, not `fileNotFound`).
  public init(_ error: CoreError, isOutput: Bool = true) {
    let code: Code =
      switch error.code {
      case .writeFailed, .interrupted: .writeFailed
      case .notFound, .readFailed: isOutput ? .writeFailed : .fileNotFound
      case .notRegularFile, .outputAliasesInput, .invalidConfig, .invalidValue: .invalidArgument
      }
    var message = error.what
    if let cause = error.cause { message += " (\(cause))" }
    if let remedy = error.remedy { message += "; \(remedy)" }
    self.init(
      code, message, file: error.location.file, dataset: error.location.dataset, event: error.location.event)
  }
}
