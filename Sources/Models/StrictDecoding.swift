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

extension Decoder {
  /// Throws when the current mapping holds a key outside `known`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` whose coding path ends at the unknown key, with the
  ///   nearest known key as a suggestion.
  public func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_ known: Key.Type) throws {
    let container = try container(keyedBy: AnyCodingKey.self)
    let names = Key.allCases.map(\.stringValue)
    for key in container.allKeys where !names.contains(key.stringValue) {
      let near = names.min { editDistance($0, key.stringValue) < editDistance($1, key.stringValue) }
      var text = "unknown key '\(key.stringValue)'"
      if let near, editDistance(near, key.stringValue) <= max(2, key.stringValue.count / 3) {
        text += "; did you mean '\(near)'?"
      }
      text += " (known keys: \(names.joined(separator: ", ")))"
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath + [key], debugDescription: text))
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

/// Levenshtein distance between two short strings (config keys).
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.lowercased())
  let b = Array(b.lowercased())
  if a.isEmpty { return b.count }
  var row = Array(0...b.count)
  for i in 1...a.count {
    var previous = row[0]
    row[0] = i
    for j in stride(from: 1, through: b.count, by: 1) {
      let old = row[j]
      row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
      previous = old
    }
  }
  return row[b.count]
}
