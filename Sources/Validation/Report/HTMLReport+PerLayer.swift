internal import Foundation

extension HTMLReport {
  /// Per-layer groups whose histograms the report draws layer by layer: those CaloChallenge's
  /// `evaluate.py` plots (energy, centre of energy and width in x/η and y/φ per layer).
  static let perLayerGroups = ["E_layer", "EC_x", "EC_y", "W_x", "W_y"]

  /// One collapsed block per group of `perLayerGroups` present in `bin`, holding a grid of its
  /// per-layer histograms (each with its separation power and KS statistic in the legend).
  func perLayerHistograms(_ bin: BinComparison) -> String {
    var h = ""
    for group in Self.perLayerGroups {
      let features = bin.features.filter { $0.group == group && $0.name.contains("[") }
      guard !features.isEmpty else { continue }
      let worst = features.max { $0.separationPower < $1.separationPower }!
      h += "<details><summary>\(e(group)) histograms per layer (\(features.count); largest S "
      h += "\(g(worst.separationPower)) in \(e(worst.name)))</summary><div class=\"plots\">"
      for f in features { h += histogram(f) }
      h += "</div></details>"
    }
    return h
  }

  /// The histogram plot of one feature with reference and candidate overlaid and a ratio panel.
  func histogram(_ f: FeatureComparison) -> String {
    SVGPlot.histogram(
      title: f.name, xLabel: f.unit.isEmpty ? f.name : "\(f.name) (\(f.unit))", edges: f.histogram.edges,
      reference: f.referenceCounts, candidate: f.candidateCounts,
      legend: "S=\(g(f.separationPower)) KS=\(g(f.ks))" + outside(f), logX: f.histogram.isLogarithmic)
  }
}
