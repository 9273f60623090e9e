internal import Core

/// The one error type of ShowerIO: HDF5 and ROOT reading, writing and conversion.
///
/// Carries what went wrong (`code`), a `message` that says what to do, and where: the file,
/// the dataset, branch or key, and the event when known.
///
/// ```swift
/// throw ShowerIOError(.missingDataset, "no dataset 'ECAL'; did you mean 'ecal'?", file: path, dataset: "ECAL")
/// ```
public struct ShowerIOError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What kind of failure this is; stable across releases, for scripts and tests.
  public enum Code: String, Sendable, Equatable {
    case fileNotFound
    case notHDF5
    case notROOT
    case missingDataset
    case wrongShape
    case wrongType
    case truncated
    case corrupt
    case unsupportedVersion
    case unsupportedCompression
    case decompressionFailed
    case unknownLayout
    case badMapping
    case writeFailed
    case hdf5Failure
    case invalidArgument
  }

  /// Kind of failure.
  public var code: Code
  /// What is wrong and what to do about it.
  public var message: String
  /// File path concerned, if any.
  public var file: String?
  /// Dataset, branch, key or attribute concerned, if any.
  public var dataset: String?
  /// Event (entry, shower) index concerned, if any.
  public var event: Int?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: Kind of failure.
  ///   - message: What is wrong and what to do.
  ///   - file: File path concerned.
  ///   - dataset: Dataset, branch or key concerned.
  ///   - event: Event index concerned.
  public init(
    _ code: Code, _ message: String, file: String? = nil, dataset: String? = nil,
    event: Int? = nil
  ) {
    self.code = code
    self.message = message
    self.file = file
    self.dataset = dataset
    self.event = event
  }

  /// `file: dataset 'X': event N: message`, with the parts that are known.
  public var description: String {
    var parts: [String] = []
    if let file { parts.append(file) }
    if let dataset { parts.append("'\(dataset)'") }
    if let event { parts.append("event \(event)") }
    parts.append(message)
    return parts.joined(separator: ": ")
  }
}

extension ShowerIOError {
  /// Names from `candidates` close to `name` (case-insensitive; Core's `nearMisses(of:in:)`), closest
  /// first: the near misses to offer in a "did you mean" message.
  public static func nearMisses(of name: String, in candidates: [String]) -> [String] {
    Core.nearMisses(of: name, in: candidates)
  }

  /// "; did you mean 'X'?" or an empty string when nothing is close (Core's `didYouMean(_:in:)`).
  public static func didYouMean(_ name: String, in candidates: [String]) -> String {
    Core.didYouMean(name, in: candidates)
  }
}
