public import Foundation
internal import Models
internal import Yams

extension TrainingConfig {
  /// Decodes a config from YAML text with `key=value` overrides applied first.
  ///
  /// - Parameters:
  ///   - yaml: The file's text; empty means all defaults.
  ///   - overrides: `--set` items such as `epochs=3` or `model.discriminator.dropout=0`; the value is read
  ///     as YAML (`data.files=[a.h5, b.h5]`).
  ///   - source: Name of the file, for messages.
  /// - Throws: `TrainingError.invalidConfig` naming the key path for an unknown key, a wrong type or a
  ///   malformed override.
  public static func decode(
    yaml: String, overrides: [String] = [], source: String = "config"
  ) throws(TrainingError) -> TrainingConfig {
    var root: Node
    do {
      root = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
    } catch {
      throw TrainingError(.invalidConfig, "not valid YAML: \(error)", context: source)
    }
    if case .scalar = root, yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      root = .mapping(Node.Mapping([]))
    }
    for item in overrides { try apply(override: item, to: &root) }
    do {
      return try YAMLDecoder().decode(TrainingConfig.self, from: root)
    } catch let error as DecodingError {
      throw TrainingError(.invalidConfig, describe(error), context: "\(source): \(path(of: error))")
    } catch {
      throw TrainingError(.invalidConfig, "\(error)", context: source)
    }
  }

  /// Reads and decodes a YAML config file.
  ///
  /// - Throws: `TrainingError.invalidConfig` naming the file when it cannot be read, or the key as in
  ///   `decode(yaml:overrides:source:)`.
  public static func load(contentsOf url: URL, overrides: [String] = []) throws(TrainingError)
    -> TrainingConfig
  {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw TrainingError(
        .invalidConfig, "cannot read the config file: \(error.localizedDescription)", context: url.path)
    }
    return try decode(yaml: text, overrides: overrides, source: url.lastPathComponent)
  }

  /// The config as YAML, every key written out (for the run folder).
  public func yaml() throws -> String { try YAMLEncoder().encode(self) }

  private static func apply(override item: String, to root: inout Node) throws(TrainingError) {
    guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
      throw TrainingError(
        .invalidConfig, "write overrides as key=value, e.g. epochs=3", context: "--set \(item)")
    }
    let keys = item[..<equals].split(separator: ".").map(String.init)
    let valueText = String(item[item.index(after: equals)...])
    let value: Node
    do {
      value = try Yams.compose(yaml: valueText) ?? Node("")
    } catch {
      throw TrainingError(.invalidConfig, "value is not valid YAML: \(error)", context: "--set \(item)")
    }
    guard case .mapping = root else {
      throw TrainingError(.invalidConfig, "the config file must be a mapping", context: "--set \(item)")
    }
    set(value, at: keys[...], in: &root)
  }

  private static func set(_ value: Node, at keys: ArraySlice<String>, in node: inout Node) {
    guard let first = keys.first else {
      node = value
      return
    }
    var child = node[first] ?? .mapping(Node.Mapping([]))
    if case .mapping = child {} else if keys.count > 1 { child = .mapping(Node.Mapping([])) }
    set(value, at: keys.dropFirst(), in: &child)
    node[first] = child
  }

  private static func path(of error: DecodingError) -> String {
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
      let text = dottedPath(c.codingPath)
      if case .keyNotFound(let key, _) = error {
        return text.isEmpty ? key.stringValue : text + "." + key.stringValue
      }
      return text.isEmpty ? "(top level)" : text
    @unknown default: return "?"
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, let c): return "expected \(type): \(c.debugDescription)"
    case .valueNotFound(let type, let c): return "missing \(type) value: \(c.debugDescription)"
    case .keyNotFound(let key, _): return "required key '\(key.stringValue)' is missing"
    case .dataCorrupted(let c): return c.debugDescription
    @unknown default: return "\(error)"
    }
  }
}
