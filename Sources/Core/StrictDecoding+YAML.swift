public import Foundation
internal import Yams

/// Strict decoding of YAML and JSON configs: unknown keys, wrong types, non-finite numbers and
/// out-of-range values are `CoreError.invalidConfig` errors that name the file, the line and column,
/// the key path and, for an unknown key, the nearest valid key.
///
/// JSON is read as YAML (a JSON document is a YAML flow mapping), so both get line numbers. The text
/// is composed to a node tree, `key=value` overrides (`--set`) are applied to that tree, every plain
/// scalar that reads as a non-finite number is refused, and the tree is decoded; the coding path of a
/// failure is mapped back to the node's position.
///
/// ```swift
/// let geometry = try StrictDecoding.load(GeometryConfig.self, contentsOf: "small-ecal.yaml", option: "--geometry")
/// // small-ecal.yaml:3:1: key 'cellsx': unknown key; did you mean 'cellsX'? known keys: …
/// ```
public enum StrictDecoding {
  /// Decodes `type` from YAML or JSON text.
  ///
  /// - Parameters:
  ///   - type: The config type; its `init(from:)` rejects unknown keys (`rejectUnknownKeys`) and checks
  ///     ranges (`KeyedDecodingContainer.check`).
  ///   - text: The file's text; empty (or only comments) means an empty mapping.
  ///   - source: The file name shown in messages.
  ///   - overrides: `key.path=value` items applied over the file (the value is read as YAML); errors in
  ///     what they set are reported as `--set key.path`.
  /// - Throws: `CoreError.invalidConfig` with file, line, column and key path.
  public static func decode<T: Decodable>(
    _ type: T.Type, yaml text: String, source: String, overrides: [String] = []
  ) throws(CoreError) -> T {
    let document = try Document(text: text, source: source, overrides: overrides)
    return try document.decode { node in try YAMLDecoder().decode(T.self, from: node) }
  }

  /// Decodes the keys of YAML or JSON text over `base`: keys the text does not state keep `base`'s
  /// values (a preset < file < flags layering).
  ///
  /// - Throws: `CoreError.invalidConfig` with file, line, column and key path.
  public static func decode<T: OverlayDecodable>(
    over base: T, yaml text: String, source: String, overrides: [String] = []
  ) throws(CoreError) -> T {
    let document = try Document(text: text, source: source, overrides: overrides)
    return try document.decode { node in
      try YAMLDecoder().decode(Layered<T>.self, from: node, userInfo: [Layered<T>.baseKey: Box(base)]).value
    }
  }

  /// Reads and decodes a config file.
  ///
  /// - Parameters:
  ///   - path: The file, as the user gave it (shown in messages).
  ///   - option: The command-line option that named the file (`--mapping`), for messages.
  /// - Throws: `CoreError.notFound` or `.readFailed` naming the option and path, or `.invalidConfig`.
  public static func load<T: Decodable>(
    _ type: T.Type, contentsOf path: String, option: String? = nil, overrides: [String] = []
  ) throws(CoreError) -> T {
    try decode(type, yaml: read(path, option: option), source: path, overrides: overrides)
  }

  /// Reads a config file and decodes its keys over `base`.
  ///
  /// - Throws: `CoreError.notFound` or `.readFailed` naming the option and path, or `.invalidConfig`.
  public static func load<T: OverlayDecodable>(
    over base: T, contentsOf path: String, option: String? = nil, overrides: [String] = []
  ) throws(CoreError) -> T {
    try decode(over: base, yaml: read(path, option: option), source: path, overrides: overrides)
  }

  /// Where a dotted key path (`data.shuffleBuffer`, `data.files[1]`) is stated: in the text (file, line,
  /// column of its value), by a `--set` item (`--set KEY`), or nowhere (file and key only), for checks
  /// that run after decoding (`TrainingConfig.validate()`).
  ///
  /// - Parameter source: The file name, or nil when there is no file (only overrides).
  public static func location(
    ofKeyPath keyPath: String, yaml text: String, source: String?, overrides: [String] = []
  ) -> ErrorLocation {
    guard let document = try? Document(text: text, source: source ?? "", overrides: overrides) else {
      return ErrorLocation(file: source, key: keyPath)
    }
    var path: [AnyCodingKey] = []
    for part in keyPath.split(separator: ".") {
      let pieces = part.split(separator: "[")
      guard let name = pieces.first else { continue }
      if !part.hasPrefix("[") { path.append(AnyCodingKey(stringValue: String(name))) }
      for piece in (part.hasPrefix("[") ? pieces[...] : pieces.dropFirst()) {
        guard let index = Int(piece.dropLast()) else { return ErrorLocation(file: source, key: keyPath) }
        path.append(AnyCodingKey(intValue: index))
      }
    }
    var location = document.locate(path, pointAtKey: false, requireFull: true)
    if source == nil, location.file == "" { location = ErrorLocation(key: keyPath) }
    return location
  }

  /// The text of a config file.
  ///
  /// - Throws: `CoreError.notFound` ("no such file"), `.notRegularFile` (a folder) or `.readFailed`
  ///   (permissions, not UTF-8), naming the option and the path.
  public static func read(_ path: String, option: String? = nil) throws(CoreError) -> String {
    let location = ErrorLocation(key: option)
    let named = option.map { "the \($0) file" } ?? "the file"
    do {
      try InputFile.check(path, option: option, what: "a YAML or JSON file")
    } catch  where error.code == .notFound {
      throw CoreError(
        .notFound, "no such file: \(path)", where: location, remedy: "check the path of \(named)")
    } catch {
      throw CoreError(
        error.code, error.what, where: ErrorLocation(file: path, key: option),
        remedy: "give a YAML or JSON file as \(option ?? "the config")")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CoreError(
        .readFailed, "cannot read \(path)", where: location, cause: (error as NSError).localizedDescription,
        remedy: "check the permissions of \(named)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CoreError(
        .invalidConfig, "\(path) is not UTF-8 text", where: location, remedy: "give a YAML or JSON file")
    }
    return text
  }
}

/// A value decoded over a base taken from the decoder's user info.
private struct Layered<T: OverlayDecodable>: Decodable {
  static var baseKey: CodingUserInfoKey { CodingUserInfoKey(rawValue: "calotwin.overlay.base")! }
  var value: T
  init(from decoder: any Decoder) throws {
    value = (decoder.userInfo[Self.baseKey] as? Box<T>)?.value ?? T()
    try value.overlay(from: decoder)
  }
}

private final class Box<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
