import Foundation

/// Which program made a shower file: stored as JSON in the file attribute `generator`.
///
/// ```swift
/// let info = GeneratorInfo(program: "calotwin simulate", version: "0.1.0", seed: 42)
/// let writer = try ShowerFileWriter(at: url, generator: info)
/// ```
public struct GeneratorInfo: Sendable, Equatable, Codable {
  /// Program and subcommand, for example `"calotwin simulate"` or `"Geant4 11.4.0"`.
  public var program: String
  /// Program version.
  public var version: String
  /// Random seed of the run, if any.
  public var seed: UInt64?

  /// Creates a record.
  public init(program: String, version: String, seed: UInt64? = nil) {
    self.program = program
    self.version = version
    self.seed = seed
  }

  /// Compact JSON with sorted keys, the form stored in the file.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Parses the `generator` attribute; `nil` when it is not GeneratorInfo JSON.
  public init?(json: String) {
    guard let value = try? JSONDecoder().decode(GeneratorInfo.self, from: Data(json.utf8)) else { return nil }
    self = value
  }
}
