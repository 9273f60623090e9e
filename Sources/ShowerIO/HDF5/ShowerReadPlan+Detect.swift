/// Layout detection from the datasets and attributes present.
extension ShowerReadPlan {
  /// Decides the layout: `showers` + `incident_energies` is CaloChallenge; `ECAL` with a
  /// `unit = "MeV"` attribute (on `ECAL` or the file) is CaloTwin, `ECAL` without one is LCD.
  ///
  /// - Throws: `unknownLayout` listing what the file holds and any near-miss names.
  static func detect(
    file: HDF5File, names: [String], fileAttributes: [String: String]
  ) throws(ShowerIOError) -> ShowerLayout {
    if names.contains("showers") && names.contains("incident_energies") { return .caloChallenge }
    if names.contains("ECAL") {
      let ecalUnit = (try? file.info(of: "ECAL"))?.attributes["unit"]
      let unit = ecalUnit ?? fileAttributes["unit"]
      return unit?.lowercased() == "mev" ? .caloTwin : .lcd
    }
    var found: [String] = []
    for name in names {
      if let info = try? file.info(of: name) {
        found.append("'\(name)' \(info.dtype) \(info.shape)")
      } else {
        found.append("'\(name)'")
      }
    }
    var hints: [String] = []
    for expected in ["ECAL", "energy", "showers", "incident_energies"] {
      if let near = ShowerIOError.nearMisses(of: expected, in: names).first {
        hints.append("did you mean '\(expected)' instead of '\(near)'?")
      }
    }
    let foundText = found.isEmpty ? "no datasets" : "datasets " + found.joined(separator: ", ")
    throw ShowerIOError(
      .unknownLayout,
      "no known shower layout: found \(foundText); expected 'ECAL' + 'energy' (CaloTwin, LCD) or "
        + "'showers' + 'incident_energies' (CaloChallenge)"
        + (hints.isEmpty ? "" : "; " + hints.joined(separator: " ")),
      file: file.path)
  }
}
