public import Core
public import Foundation
internal import Models
internal import Yams

extension TrainingConfig {
  /// Decodes a config from YAML (or JSON) text with `key=value` overrides applied over it.
  ///
  /// Decoding is Core's `StrictDecoding`: an unknown key, a wrong type or a non-finite number is an
  /// error naming the file, line, column and key path (with the nearest valid key); a problem in what an
  /// override sets names `--set KEY` instead of the file.
  ///
  /// - Parameters:
  ///   - yaml: The file's text; empty means all defaults.
  ///   - overrides: `--set` items such as `epochs=3` or `model.discriminator.dropout=0`; the value is read
  ///     as YAML (`data.files=[a.h5, b.h5]`).
  ///   - source: Name of the file, for messages.
  /// - Throws: `TrainingError.invalidConfig` whose context is the location (`train.yaml:3:1: key 'epoch'`
  ///   or `--set epoch`).
  public static func decode(
    yaml: String, overrides: [String] = [], source: String = "config"
  ) throws(TrainingError) -> TrainingConfig {
    do {
      return try StrictDecoding.decode(TrainingConfig.self, yaml: yaml, source: source, overrides: overrides)
    } catch {
      throw TrainingError(error)
    }
  }

  /// Reads and decodes a YAML config file.
  ///
  /// - Parameters:
  ///   - url: The file; its path, as given, names it in messages.
  ///   - overrides: `--set` items, as in `decode(yaml:overrides:source:)`.
  /// - Throws: `TrainingError.invalidConfig` naming `--config` and the path when the file is missing or
  ///   unreadable, or the location as in `decode(yaml:overrides:source:)`.
  public static func load(contentsOf url: URL, overrides: [String] = []) throws(TrainingError)
    -> TrainingConfig
  {
    do {
      let text = try StrictDecoding.read(url.relativePath, option: "--config")
      return try StrictDecoding.decode(
        TrainingConfig.self, yaml: text, source: url.relativePath, overrides: overrides)
    } catch {
      throw TrainingError(error)
    }
  }

  /// The text of a config file, for `decode(yaml:overrides:source:)` and `validate(locatingIn:…)`.
  ///
  /// - Throws: `TrainingError.invalidConfig` naming `--config` and the path when the file is missing or
  ///   unreadable.
  public static func text(ofConfig path: String) throws(TrainingError) -> String {
    do {
      return try StrictDecoding.read(path, option: "--config")
    } catch {
      throw TrainingError(error)
    }
  }

  /// Checks the config as `validate(baseDirectory:)` does; a value out of range is reported where the
  /// config text states it (`train.yaml:4:12: key 'batchSize'`) or as `--set KEY`.
  ///
  /// - Parameters:
  ///   - yaml: The config file's text the config was decoded from ("" for none).
  ///   - source: The file name, or nil without a file.
  ///   - overrides: The `--set` items it was decoded with.
  ///   - baseDirectory: Folder that relative file names are resolved against.
  /// - Throws: `TrainingError` as `validate(baseDirectory:)`, with the location in `context`.
  public func validate(
    locatingIn yaml: String, source: String?, overrides: [String] = [], baseDirectory: URL? = nil
  ) throws(TrainingError) {
    do {
      try validate(baseDirectory: baseDirectory)
    } catch  where error.code == .invalidConfig && error.context != nil {
      let location = StrictDecoding.location(
        ofKeyPath: error.context!, yaml: yaml, source: source, overrides: overrides)
      throw TrainingError(.invalidConfig, error.message, context: location.description)
    }
  }

  /// The config as YAML, every key written out (for the run folder).
  public func yaml() throws -> String { try YAMLEncoder().encode(self) }
}

extension TrainingError {
  /// A config error of Core's strict decoder as a training error: the location becomes the context,
  /// what and remedy the message.
  init(_ error: CoreError) {
    let message = [error.what, error.cause.map { "(\($0))" }, error.remedy.map { "; \($0)" }]
      .compactMap { $0 }.joined(separator: " ").replacingOccurrences(of: " ; ", with: "; ")
    self.init(.invalidConfig, message, context: error.location.isEmpty ? nil : error.location.description)
  }
}
