internal import Core
import Foundation

extension ShowerFileSummary {
  /// A human-readable report, one fact per line, as `calotwin inspect` prints it.
  ///
  /// Long attribute values are cut at 100 characters; `--json` gives them whole.
  public var text: String {
    var lines: [String] = []
    lines.append("\(file) (\(Self.bytes(fileSize)), \(layout) layout)")
    lines.append("  \(count) showers of \(cellShape.map(String.init).joined(separator: " × ")) cells")
    if count > 0 {
      var energy = "  energy:            \(Self.gev(energyMin)) – \(Self.gev(energyMax)) GeV"
      if let values = energyValues, values.count > 1 {
        energy += " (values: \(values.map { Self.gev($0) }.joined(separator: ", ")) GeV)"
      }
      lines.append(energy)
      let degrees = { (radians: Double) in String(format: "%.2f°", Units.degrees(fromRadians: radians)) }
      lines.append(
        "  theta:             \(String(format: "%.6g", thetaMin)) – \(String(format: "%.6g", thetaMax)) rad"
          + " (\(degrees(thetaMin)) – \(degrees(thetaMax)))")
      lines.append(
        "  pdgID:             " + pdgIDs.map { "\($0.pdgID) (\($0.count) showers)" }.joined(separator: ", "))
      lines.append(
        "  mean total energy: \(String(format: "%.6g", meanTotalEnergy)) MeV per shower (sum of cells;"
          + " range \(String(format: "%.6g", totalEnergyMin)) – \(String(format: "%.6g", totalEnergyMax)) MeV)"
      )
    }
    lines.append("datasets:")
    let width = datasets.map(\.name.count).max() ?? 0
    for info in datasets {
      var line = "  " + info.name.padding(toLength: width, withPad: " ", startingAt: 0)
      line += "  \(info.dtype)  [\(info.shape.map(String.init).joined(separator: ", "))]"
      if let chunks = info.chunks {
        line += "  chunks [\(chunks.map(String.init).joined(separator: ", "))]"
      } else {
        line += "  contiguous"
      }
      if !info.filters.isEmpty { line += "  " + info.filters.joined(separator: ", ") }
      for (key, value) in info.attributes.sorted(by: { $0.key < $1.key }) {
        line += "  \(key)=\(Self.short(value, 40))"
      }
      lines.append(line)
    }
    if !attributes.isEmpty {
      lines.append("attributes:")
      for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(key): \(Self.short(value, 100))")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `10`, `100`, `0.5`: MeV shown in GeV with up to 6 significant digits.
  static func gev(_ mev: Double) -> String { String(format: "%.6g", Units.gev(fromMeV: mev)) }

  static func bytes(_ count: Int) -> String {
    if count >= 1 << 30 { return String(format: "%.2f GiB", Double(count) / Double(1 << 30)) }
    if count >= 1 << 20 { return String(format: "%.1f MiB", Double(count) / Double(1 << 20)) }
    if count >= 1 << 10 { return String(format: "%.1f kiB", Double(count) / Double(1 << 10)) }
    return "\(count) bytes"
  }

  static func short(_ text: String, _ limit: Int) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
  }
}
