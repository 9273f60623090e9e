public import Core
public import Foundation

extension CaloChallengeBinning {
  /// Reads a binning XML file.
  ///
  /// - Parameter url: A CaloChallenge `binning_dataset_*.xml` file.
  /// - Throws: `ValidationError.invalidConfiguration` naming the file when it cannot be read or
  ///   does not describe a binning.
  public init(contentsOf url: URL) throws(ValidationError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw ValidationError(
        .invalidConfiguration, "cannot read the binning file: \(error.localizedDescription)",
        context: url.path)
    }
    try self.init(xml: text, source: url.lastPathComponent)
  }

  /// Parses the text of a binning XML file: one `<Bin pid=… name=…>` element holding
  /// `<Layer id=… r_edges="0,4.65,…" n_bin_alpha=…/>` elements (comments and the XML declaration
  /// are skipped; other elements are ignored).
  ///
  /// - Parameters:
  ///   - xml: The file's text.
  ///   - source: Name used in messages and reports.
  /// - Throws: `ValidationError.invalidConfiguration` for a missing `<Bin>`, no layer, a missing or
  ///   malformed attribute, decreasing radial edges or more than one `<Bin>`.
  public init(xml: String, source: String) throws(ValidationError) {
    func fail(_ message: String) -> ValidationError {
      ValidationError(
        .invalidConfiguration, message + "; give a CaloChallenge binning_dataset_*.xml file", context: source)
    }
    var particle: String? = nil, pid = 0
    var layers: [Layer] = []
    for (name, attributes) in Self.elements(xml) {
      switch name {
      case "Bin":
        guard particle == nil else {
          throw fail("more than one <Bin> element; one particle per file is supported")
        }
        particle = attributes["name"] ?? ""
        pid = attributes["pid"].flatMap { Int($0) } ?? 0
      case "Layer":
        guard particle != nil else { throw fail("<Layer> outside a <Bin> element") }
        guard let idText = attributes["id"], let id = Int(idText) else {
          throw fail("a <Layer> lacks an integer 'id'")
        }
        guard let edgesText = attributes["r_edges"] else { throw fail("layer \(id) lacks 'r_edges'") }
        let edges = edgesText.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !edges.isEmpty, edges.allSatisfy({ $0 != nil && $0!.isFinite }) else {
          throw fail("layer \(id): r_edges '\(edgesText)' is not a comma-separated list of numbers")
        }
        let r = edges.map { $0! }
        guard zip(r, r.dropFirst()).allSatisfy({ $0 < $1 }) else {
          throw fail("layer \(id): r_edges must increase")
        }
        guard let alphaText = attributes["n_bin_alpha"], let alpha = Int(alphaText), alpha > 0 else {
          throw fail("layer \(id) lacks a positive integer 'n_bin_alpha'")
        }
        layers.append(Layer(id: id, rEdges: r, alphaBins: alpha))
      default: continue
      }
    }
    guard let particle else { throw fail("no <Bin> element") }
    guard layers.contains(where: { $0.voxelCount > 0 }) else { throw fail("no <Layer> with voxels") }
    self.init(particle: particle, pid: pid, layers: layers, source: source)
  }

  /// Start tags of `xml` with their attributes, in order (end tags, comments and `<?…?>` skipped).
  static func elements(_ xml: String) -> [(String, [String: String])] {
    var out: [(String, [String: String])] = []
    var rest = Substring(xml)
    while let open = rest.firstIndex(of: "<") {
      rest = rest[rest.index(after: open)...]
      if rest.hasPrefix("!--") {
        guard let end = rest.range(of: "-->") else { break }
        rest = rest[end.upperBound...]
        continue
      }
      guard let close = rest.firstIndex(of: ">") else { break }
      let tag = rest[..<close]
      rest = rest[rest.index(after: close)...]
      guard let first = tag.first, first != "/", first != "?", first != "!" else { continue }
      let body = tag.hasSuffix("/") ? tag.dropLast() : tag
      let name = body.prefix { !$0.isWhitespace }
      out.append((String(name), attributes(body.dropFirst(name.count))))
    }
    return out
  }

  /// `key="value"` (or single-quoted) pairs.
  static func attributes(_ text: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var rest = text
    while let eq = rest.firstIndex(of: "=") {
      let key = rest[..<eq].trimmingCharacters(in: .whitespacesAndNewlines)
      var value = rest[rest.index(after: eq)...].drop { $0.isWhitespace }
      guard let quote = value.first, quote == "\"" || quote == "'" else { break }
      value = value.dropFirst()
      guard let end = value.firstIndex(of: quote) else { break }
      result[key] = String(value[..<end])
      rest = value[value.index(after: end)...]
    }
    return result
  }
}
