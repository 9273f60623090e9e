/// The one error protocol of CaloTwin: what went wrong, where, the underlying cause, and what to do.
///
/// Each module keeps its own error type (`ShowerIOError`, `TrainingError`, `ValidationError`, …, one per
/// module as STYLE.md §5 asks) and conforms to this protocol, so the CLI, pipelines and the server report
/// every failure the same way: one line `where: what (cause); what to do [code]` and a stable exit status.
///
/// ```swift
/// throw CoreError(.invalidInput, "cell is +inf", where: ErrorLocation(file: path, dataset: "ECAL", event: 17),
///                 remedy: "fix the file or pass --skip-bad-events")
/// ```
public protocol CaloTwinError: Error, CustomStringConvertible, Sendable {
  /// A stable identifier of the kind of failure (`missingDataset`, `invalidConfig`), for scripts and tests.
  var codeName: String { get }
  /// What is wrong, in one sentence.
  var what: String { get }
  /// Where it is wrong: file, dataset, event, line, key.
  var location: ErrorLocation { get }
  /// The underlying cause (an errno text, a library message), if any.
  var cause: String? { get }
  /// What the user can do about it, if it is not already part of `what`.
  var remedy: String? { get }
  /// The process exit status a command should end with: 1 for failures, 2 for unusable inputs or configs.
  var exitStatus: Int32 { get }
}

extension CaloTwinError {
  public var cause: String? { nil }
  public var remedy: String? { nil }
  public var exitStatus: Int32 { 1 }

  /// `where: what (cause); remedy`, with the parts that are known.
  public var report: String {
    var text = location.isEmpty ? what : "\(location): \(what)"
    if let cause, !cause.isEmpty { text += " (\(cause))" }
    if let remedy, !remedy.isEmpty { text += "; \(remedy)" }
    return text
  }
}

/// Where an error happened; every part is optional.
///
/// Printed as `file: dataset 'ECAL': event 17: line 4` with the parts that are known.
public struct ErrorLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// File or folder path.
  public var file: String?
  /// HDF5 dataset, ROOT branch or tree, attribute.
  public var dataset: String?
  /// Event (entry, shower) index, 0-based.
  public var event: Int?
  /// Line in a text file (YAML, JSON, XML), 1-based.
  public var line: Int?
  /// Column in a text file, 1-based.
  public var column: Int?
  /// Config key path (`model.generator.blocks[2]`) or command-line option (`--energy`).
  public var key: String?
  /// Free-form context a module's error carries (a sample name, a step), printed as it is.
  public var context: String?

  /// Creates a location from the parts that are known.
  public init(
    file: String? = nil, dataset: String? = nil, event: Int? = nil, line: Int? = nil, column: Int? = nil,
    key: String? = nil, context: String? = nil
  ) {
    self.file = file
    self.dataset = dataset
    self.event = event
    self.line = line
    self.column = column
    self.key = key
    self.context = context
  }

  /// Whether no part is known.
  public var isEmpty: Bool {
    file == nil && dataset == nil && event == nil && line == nil && key == nil && context == nil
  }

  public var description: String {
    var parts: [String] = []
    if let file {
      if let line {
        parts.append(column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)")
      } else {
        parts.append(file)
      }
    } else if let line {
      parts.append("line \(line)")
    }
    if let dataset { parts.append("dataset '\(dataset)'") }
    if let event { parts.append("event \(event)") }
    if let key { parts.append(key.hasPrefix("-") ? key : "key '\(key)'") }
    if let context { parts.append(context) }
    return parts.joined(separator: ": ")
  }
}

/// A general-purpose error of the Core services (atomic writes, config decoding, signals), conforming to
/// `CaloTwinError`.
public struct CoreError: CaloTwinError, Equatable {
  /// Kind of failure.
  public enum Code: String, Sendable, Equatable {
    /// A file or folder that should exist does not.
    case notFound
    /// A path exists but is not what the operation needs (a FIFO, a device, a folder).
    case notRegularFile
    /// An output is one of the inputs (same path, a symlink or a hard link to it).
    case outputAliasesInput
    /// A config (YAML, JSON, flag, environment variable) is malformed or out of range.
    case invalidConfig
    /// A number is non-finite or outside its range.
    case invalidValue
    /// Writing failed (permissions, full disk).
    case writeFailed
    /// Reading failed.
    case readFailed
    /// The run was interrupted by SIGINT or SIGTERM.
    case interrupted
  }

  /// Kind of failure.
  public var code: Code
  public var what: String
  public var location: ErrorLocation
  public var cause: String?
  public var remedy: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - code: Kind of failure.
  ///   - what: What is wrong.
  ///   - location: Where (file, dataset, event, line, key).
  ///   - cause: The underlying cause, if any.
  ///   - remedy: What to do.
  public init(
    _ code: Code, _ what: String, where location: ErrorLocation = ErrorLocation(), cause: String? = nil,
    remedy: String? = nil
  ) {
    self.code = code
    self.what = what
    self.location = location
    self.cause = cause
    self.remedy = remedy
  }

  public var codeName: String { code.rawValue }
  public var exitStatus: Int32 {
    switch code {
    case .invalidConfig, .invalidValue, .outputAliasesInput, .notRegularFile, .notFound: 2
    case .interrupted: 130
    default: 1
    }
  }
  public var description: String { report }
}
