internal import Foundation

extension Detector {
  /// Total depth in radiation lengths.
  public var depthInRadiationLengths: Double {
    slices.reduce(0) { $0 + ($1.z1 - $1.z0) / materials[$1.material].radiationLength }
  }

  /// Depth of the middle of each active slice, in radiation lengths, one value per readout layer.
  public var activeSliceDepths: [Double] {
    var t = 0.0
    var out: [Double] = []
    for s in slices {
      let x0 = materials[s.material].radiationLength
      if s.role == .active { out.append(t + (s.z1 - s.z0) / 2 / x0) }
      t += (s.z1 - s.z0) / x0
    }
    return out
  }

  /// A human-readable description: materials with X0, E_c, R_M, and the stack.
  public func describe(cuts: [ProductionCuts]? = nil) -> String {
    var lines: [String] = ["geometry: \(config.name)"]
    lines.append(
      String(
        format:
          "stack: %d slices, %d readout layers, depth %.2f mm = %.2f X0; window %d x %d cells of %.2f mm (%.1f x %.1f mm)",
        slices.count, readoutLayers, depth, depthInRadiationLengths, config.cellsX, config.cellsY,
        config.cellSize, 2 * halfWidthX, 2 * halfWidthY))
    lines.append("materials:")
    for (i, m) in materials.enumerated() {
      let comp = zip(m.elements, m.massFractions).map { "\($0.symbol) " + String(format: "%.4f", $1) }
        .joined(separator: ", ")
      var line = "  \(m.name.padding(toLength: 16, withPad: " ", startingAt: 0)) "
      line += String(
        format: "rho %.5g g/cm3, X0 %.4g mm, Ec %.4g MeV, RM %.4g mm, I %.1f eV",
        m.density, m.radiationLength, m.criticalEnergy, m.moliereRadius, m.meanExcitation * 1e6)
      line += "  [\(comp)]"
      if let cuts {
        line += String(format: "; cuts e- %.4g MeV, gamma %.4g MeV", cuts[i].electron, cuts[i].photon)
      }
      lines.append(line)
    }
    lines.append("layers:")
    for (i, group) in config.layers.enumerated() {
      let parts = group.slices.map { s in
        "\(s.material) " + String(format: "%.3g mm", s.thickness)
          + (s.role == .active ? " (active)" : s.role == .absorber ? " (absorber)" : "")
      }
      var x0 = 0.0
      for s in group.slices {
        if let m = materials.first(where: { $0.name == s.material }) { x0 += s.thickness / m.radiationLength }
      }
      lines.append(
        "  group \(i): \(group.repeat) x [\(parts.joined(separator: " | "))] = "
          + String(format: "%.4f X0 each", x0))
    }
    return lines.joined(separator: "\n")
  }
}
