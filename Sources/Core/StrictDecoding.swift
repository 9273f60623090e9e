/// A coding key built from any string, used to list the keys a config file actually holds.
public struct AnyCodingKey: CodingKey, Sendable {
  public var stringValue: String
  public var intValue: Int?
  public init(stringValue: String) { self.stringValue = stringValue }
  public init(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

/// Configs that decode by overlaying a file's keys on their defaults.
///
/// A file states only what it changes: `init(from:)` starts from `init()` and calls `overlay(from:)`,
/// which rejects keys it does not know (naming them with their near misses), so a typo never goes
/// unnoticed.
public protocol OverlayDecodable: Decodable {
  /// The config with its defaults.
  init()
  /// Replaces the fields the decoder holds; leaves the others unchanged.
  ///
  /// - Throws: `DecodingError` naming the key path for an unknown key or a value of the wrong type.
  mutating func overlay(from decoder: any Decoder) throws
}

extension OverlayDecodable {
  public init(from decoder: any Decoder) throws {
    self.init()
    try overlay(from: decoder)
  }
}

/// An unknown key in a config, carried as the `underlyingError` of the `DecodingError` that
/// `rejectUnknownKeys` throws, so the strict decoder can point at the key (not its value) and
/// offer the near miss.
public struct UnknownKeyError: Error, Sendable, Equatable {
  /// The key as the file spells it.
  public var key: String
  /// The keys the mapping accepts, in declaration order.
  public var known: [String]

  /// The nearest known key, if one is close.
  public var suggestion: String? {
    nearMisses(of: key, in: known).first
  }

  /// "did you mean 'X'? known keys: a, b" (or only the known keys).
  public var remedy: String {
    let list = "known keys: \(known.joined(separator: ", "))"
    return suggestion.map { "did you mean '\($0)'? \(list)" } ?? list
  }
}

extension Decoder {
  /// Throws when the current mapping holds a key outside `known`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` whose coding path ends at the unknown key, with the
  ///   nearest known key as a suggestion and an `UnknownKeyError` as the underlying error.
  public func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_ known: Key.Type) throws {
    let container = try container(keyedBy: AnyCodingKey.self)
    let names = Key.allCases.map(\.stringValue)
    for key in container.allKeys where !names.contains(key.stringValue) {
      let unknown = UnknownKeyError(key: key.stringValue, known: names)
      var text = "unknown key '\(key.stringValue)'"
      if let near = unknown.suggestion { text += "; did you mean '\(near)'?" }
      text += " (known keys: \(names.joined(separator: ", ")))"
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath + [key], debugDescription: text, underlyingError: unknown))
    }
  }
}

extension KeyedDecodingContainer {
  /// Overlays a nested config at `key` when the file holds it.
  public func overlay<T: OverlayDecodable>(_ value: inout T, forKey key: Key) throws {
    guard contains(key) else { return }
    try value.overlay(from: superDecoder(forKey: key))
  }

  /// Replaces `value` with the one at `key` when the file holds it.
  public func update<T: Decodable>(_ value: inout T, forKey key: Key) throws {
    guard contains(key) else { return }
    value = try decode(T.self, forKey: key)
  }

  /// Replaces an optional `value` with the one at `key` when the file holds it (`null` clears it).
  public func update<T: Decodable>(_ value: inout T?, forKey key: Key) throws {
    guard contains(key) else { return }
    value = try decodeIfPresent(T.self, forKey: key)
  }
}

/// The dotted path of a coding path, as a user writes it in YAML or `--set`: `model.generator.blocks[2]`.
public func dottedPath(_ path: [any CodingKey]) -> String {
  var text = ""
  for key in path {
    if let index = key.intValue {
      text += "[\(index)]"
    } else {
      text += text.isEmpty ? key.stringValue : "." + key.stringValue
    }
  }
  return text
}

extension KeyedDecodingContainer {
  /// Throws a `DecodingError.dataCorrupted` at `key` unless `condition` holds: a range check inside
  /// `init(from:)` that the strict decoder reports with the value's file, line and column.
  ///
  /// - Parameters:
  ///   - condition: Whether the value is acceptable.
  ///   - key: The key whose value is checked.
  ///   - requirement: What the value must be, e.g. "must be positive, got -3".
  public func check(_ condition: Bool, forKey key: Key, _ requirement: @autoclosure () -> String) throws {
    guard !condition else { return }
    throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: requirement())
  }
}

extension KeyedDecodingContainer {
  /// Decodes a string enum at `key`; an unknown value is an error at the value naming the cases and the
  /// near miss ("unknown value 'actve'; did you mean 'active'? (one of: active, absorber, passive)").
  ///
  /// - Parameter noun: What the value is, for the message ("metric", "role").
  public func decodeCase<E: RawRepresentable & CaseIterable>(
    _ type: E.Type, forKey key: Key, noun: String = "value"
  ) throws -> E where E.RawValue == String {
    let text = try decode(String.self, forKey: key)
    if let value = E(rawValue: text) { return value }
    let names = E.allCases.map(\.rawValue)
    throw DecodingError.dataCorruptedError(
      forKey: key, in: self,
      debugDescription:
        "unknown \(noun) '\(text)'\(didYouMean(text, in: names)) (one of: \(names.joined(separator: ", ")))")
  }

  /// `decodeCase(_:forKey:)` when the key is present, nil otherwise.
  public func decodeCaseIfPresent<E: RawRepresentable & CaseIterable>(
    _ type: E.Type, forKey key: Key, noun: String = "value"
  ) throws -> E? where E.RawValue == String {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    return try decodeCase(type, forKey: key, noun: noun)
  }
}
