internal import Foundation
internal import Yams

extension StrictDecoding {
  /// A composed config: the node tree, its source name and the key paths that `--set` items replaced.
  struct Document {
    var root: Node
    let source: String
    /// Key paths of the overrides, in order, with the item's key text.
    var overridden: [(path: [String], key: String)] = []

    /// Composes `text` and applies `overrides`.
    ///
    /// - Throws: `CoreError.invalidConfig` for text that is not YAML or JSON, a document that is not a
    ///   mapping, a malformed override or a non-finite number.
    init(text: String, source: String, overrides: [String]) throws(CoreError) {
      self.source = source
      do {
        root = try Yams.compose(yaml: text) ?? .mapping(Node.Mapping([]))
      } catch let error as YamlError {
        throw Self.syntaxError(error, source: source)
      } catch {
        throw CoreError(
          .invalidConfig, "not valid YAML or JSON", where: ErrorLocation(file: source), cause: "\(error)")
      }
      if case .scalar(let scalar) = root, scalar.string.isEmpty || root.null != nil {
        root = .mapping(Node.Mapping([]))
      }
      guard case .mapping = root else {
        throw CoreError(
          .invalidConfig, "the config is not a mapping of keys to values",
          where: Self.location(source, root.mark), remedy: "write key: value lines")
      }
      try Self.rejectNonFinite(root, path: [], source: source)
      for item in overrides { try apply(item) }
    }

    /// Runs `body` on the tree and maps its decoding errors to file, line, column and key path.
    func decode<T>(_ body: (Node) throws -> T) throws(CoreError) -> T {
      do {
        return try body(root)
      } catch let error as DecodingError {
        throw describe(error)
      } catch let error as CoreError {
        throw error
      } catch {
        throw CoreError(.invalidConfig, "\(error)", where: ErrorLocation(file: source))
      }
    }

    // MARK: Overrides

    private mutating func apply(_ item: String) throws(CoreError) {
      guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
        throw CoreError(
          .invalidConfig, "'\(item)' is not key=value", where: ErrorLocation(key: "--set"),
          remedy: "write overrides as key=value, e.g. --set epochs=3")
      }
      let key = String(item[..<equals])
      let keys = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      let flag = ErrorLocation(key: "--set \(key)")
      guard keys.allSatisfy({ !$0.isEmpty }) else {
        throw CoreError(
          .invalidConfig, "'\(key)' is not a dotted key path", where: flag, remedy: "write a.b.c=value")
      }
      let value: Node
      do {
        value = try Yams.compose(yaml: String(item[item.index(after: equals)...])) ?? Node("")
      } catch {
        throw CoreError(.invalidConfig, "the value is not valid YAML", where: flag, cause: "\(error)")
      }
      try Self.rejectNonFinite(value, path: keys, source: nil, flag: flag)
      Self.set(value, at: keys[...], in: &root)
      overridden.append((keys, key))
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

    // MARK: Checks

    /// Refuses every plain scalar that reads as a non-finite number (`.nan`, `.inf`, `1e999`).
    private static func rejectNonFinite(
      _ node: Node, path: [String], source: String?, flag: ErrorLocation? = nil
    ) throws(CoreError) {
      switch node {
      case .scalar(let scalar):
        guard scalar.style == .plain || scalar.style == .any,
          let number = Double.construct(from: scalar), !number.isFinite
        else { return }
        var location = flag ?? location(source, scalar.mark)
        if flag == nil { location.key = path.isEmpty ? nil : render(path) }
        throw CoreError(
          .invalidConfig, "'\(scalar.string)' is not a finite number", where: location,
          remedy: "give a finite value")
      case .mapping(let mapping):
        for (key, value) in mapping {
          try rejectNonFinite(value, path: path + [key.string ?? "?"], source: source, flag: flag)
        }
      case .sequence(let sequence):
        for (i, value) in sequence.enumerated() {
          try rejectNonFinite(value, path: path + ["[\(i)]"], source: source, flag: flag)
        }
      case .alias:
        return
      }
    }

    // MARK: Error mapping

    private func describe(_ error: DecodingError) -> CoreError {
      switch error {
      case .typeMismatch(let type, let c):
        let found = Self.found(at: c.codingPath, in: root).map { ", found \($0)" } ?? ""
        return CoreError(
          .invalidConfig, "expected \(Self.kind(of: type))\(found)",
          where: locate(c.codingPath, pointAtKey: false))
      case .valueNotFound(let type, let c):
        return CoreError(
          .invalidConfig, "missing value; expected \(Self.kind(of: type))",
          where: locate(c.codingPath, pointAtKey: false))
      case .keyNotFound(let key, let c):
        return CoreError(
          .invalidConfig, "required key '\(key.stringValue)' is missing",
          where: locate(c.codingPath, pointAtKey: false, extra: key.stringValue),
          remedy: "add \(key.stringValue): …")
      case .dataCorrupted(let c):
        if let unknown = c.underlyingError as? UnknownKeyError {
          return CoreError(
            .invalidConfig, "unknown key", where: locate(c.codingPath, pointAtKey: true),
            remedy: unknown.remedy)
        }
        return CoreError(.invalidConfig, c.debugDescription, where: locate(c.codingPath, pointAtKey: false))
      @unknown default:
        return CoreError(.invalidConfig, "\(error)", where: ErrorLocation(file: source))
      }
    }

    /// File, line, column and key path of `path` (or `--set KEY` when an override set it).
    /// File, line, column and key path of `path` (or `--set KEY` when an override set it).
    ///
    /// - Parameter requireFull: Give no line unless every component of `path` is in the tree (for keys
    ///   whose value may be a default the file does not state).
    func locate(
      _ path: [any CodingKey], pointAtKey: Bool, extra: String? = nil, requireFull: Bool = false
    ) -> ErrorLocation {
      let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      let full = extra.map { names + [$0] } ?? names
      for (keys, key) in overridden.reversed() {
        let n = min(keys.count, full.count)
        if n > 0, Array(keys.prefix(n)) == Array(full.prefix(n)) {
          return ErrorLocation(
            key: full.count > keys.count ? "--set \(key) (\(Self.render(full)))" : "--set \(key)")
        }
      }
      var node = root
      var mark = root.mark
      for (i, component) in path.enumerated() {
        guard let (keyNode, value) = Self.child(component, of: node) else {
          if requireFull { return ErrorLocation(file: source, key: Self.render(full)) }
          break
        }
        mark = (pointAtKey && i == path.count - 1 ? keyNode?.mark : nil) ?? value.mark ?? mark
        node = value
      }
      var location = Self.location(source, mark)
      location.key = full.isEmpty ? nil : Self.render(full)
      return location
    }

    private static func child(_ key: any CodingKey, of node: Node) -> (Node?, Node)? {
      switch node {
      case .sequence(let sequence):
        guard let i = key.intValue, sequence.indices.contains(i) else { return nil }
        return (nil, sequence[i])
      case .mapping(let mapping):
        for (k, v) in mapping where k.string == key.stringValue { return (k, v) }
        return nil
      default:
        return nil
      }
    }

    private static func found(at path: [any CodingKey], in root: Node) -> String? {
      var node = root
      for component in path {
        guard let (_, value) = child(component, of: node) else { return nil }
        node = value
      }
      switch node {
      case .scalar(let s): return "'\(s.string)'"
      case .mapping: return "a mapping"
      case .sequence: return "a list"
      case .alias: return nil
      }
    }

    private static func kind(of type: Any.Type) -> String {
      switch type {
      case is Int.Type, is Int32.Type, is Int64.Type, is UInt64.Type, is UInt32.Type, is UInt.Type:
        "an integer (\(type))"
      case is Double.Type, is Float.Type: "a number"
      case is String.Type: "a string"
      case is Bool.Type: "true or false"
      default:
        "\(type)".hasPrefix("Array<")
          ? "a list" : "\(type)".hasPrefix("Dictionary<") ? "a mapping" : "\(type)"
      }
    }

    static func render(_ names: [String]) -> String {
      var text = ""
      for name in names {
        text += name.hasPrefix("[") || text.isEmpty ? name : "." + name
      }
      return text
    }

    static func location(_ source: String?, _ mark: Mark?) -> ErrorLocation {
      ErrorLocation(file: source, line: mark?.line, column: mark?.column)
    }

    private static func syntaxError(_ error: YamlError, source: String) -> CoreError {
      switch error {
      case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
        let text = context.map { "\(problem) \($0.text)" } ?? problem
        return CoreError(
          .invalidConfig, "not valid YAML or JSON: \(text)", where: location(source, mark),
          remedy: "fix the syntax at that line")
      case .composer(let context, let problem, let mark, _):
        let text = context.map { "\(problem) \($0.text)" } ?? problem
        return CoreError(.invalidConfig, "not valid YAML: \(text)", where: location(source, mark))
      case .duplicatedKeysInMapping(let duplicates, let context):
        return CoreError(
          .invalidConfig,
          "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
          where: location(source, context.mark), remedy: "state each key once")
      default:
        return CoreError(
          .invalidConfig, "not valid YAML or JSON", where: ErrorLocation(file: source), cause: "\(error)")
      }
    }
  }
}
