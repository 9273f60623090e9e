internal import Foundation

/// The self-contained HTML report: summary, then one section per condition bin with inline SVG
/// plots (profiles and histograms with ratio panels) and the per-feature table.
///
/// ```swift
/// let html = HTMLReport(comparison: result, gate: gate, referenceName: "sim.h5", candidateName: "gen.h5").render()
/// ```
public struct HTMLReport: Sendable {
  /// The measured comparison.
  public var comparison: SampleComparison
  /// The gate outcome, if a gate ran.
  public var gate: GateResult?
  /// How to name the reference (file name).
  public var referenceName: String
  /// How to name the candidate.
  public var candidateName: String

  /// Creates a report.
  public init(comparison: SampleComparison, gate: GateResult?, referenceName: String, candidateName: String) {
    self.comparison = comparison
    self.gate = gate
    self.referenceName = referenceName
    self.candidateName = candidateName
  }

  static let style = """
    body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;font-size:12px;margin:.5em 0}
    td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}
    .pass{color:#1a7f37;font-weight:bold}.fail{color:#cf222e;font-weight:bold}.plots{display:flex;flex-wrap:wrap;gap:6px}
    details{margin:.5em 0}h2{border-bottom:1px solid #ddd}
    """

  /// The complete HTML document.
  public func render() -> String {
    let c = comparison
    var h =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>CaloTwin validation</title>"
    h += "<style>\(Self.style)</style></head><body><h1>CaloTwin validation report</h1>"
    h +=
      "<p>Reference: <b>\(e(referenceName))</b> (\(c.referenceCount) showers) — candidate: <b>\(e(candidateName))</b> "
    h +=
      "(\(c.candidateCount) showers) — \(e(c.geometry))"
      + (c.cellThreshold > 0 ? "; cells below \(g(c.cellThreshold)) MeV set to 0 in both" : "") + ".</p>"
    h += summary()
    for (k, bin) in c.bins.enumerated() { h += section(bin, perLayer: k == 0) }
    h +=
      "<p style=\"font-size:11px;color:#666\">Separation power: CaloChallenge triangular discrimination of "
    h +=
      c.histogramBinning == .caloChallenge
      ? "histograms with CaloChallenge evaluate.py's bins (E_layer log-spaced from the readout cut to the "
        + "reference maximum; values outside a range dropped, 'out' gives the dropped fractions, reference/"
        + "candidate; E_inc, E_sum, hits: 40 bins between pooled 0.1/99.9 % quantiles, clipped), "
        + "normalised to unit sum"
      : "histograms (40 bins between the pooled 0.1/99.9 % quantiles, outside values clipped) normalised "
        + "to unit sum"
    h += "; KS: two-sample Kolmogorov–Smirnov statistic; W1: 1-Wasserstein distance; "
    h +=
      "FPD/KPD: JetNet definitions on the CaloChallenge high-level feature vector; classifier: CaloChallenge DNN test on that vector (standardised), isotonically calibrated, AUC and JSD on held-out showers.</p></body></html>\n"
    return h
  }

  func summary() -> String {
    var h = "<h2>Summary</h2>"
    if let gate {
      let verdict = gate.passed ? "<span class=\"pass\">PASS</span>" : "<span class=\"fail\">FAIL</span>"
      h += "<p>Gate: \(verdict) — \(gate.failures.count) of \(gate.checks.count) checks fail.</p>"
      h +=
        "<table><tr><th>bin</th><th>check</th><th>value</th><th>floor</th><th>threshold</th><th>result</th></tr>"
      for check in gate.checks.sorted(by: { !$0.passed && $1.passed }) {
        h +=
          "<tr><td>\(e(check.bin))</td><td>\(e(check.rule))</td><td>\(g(check.value))</td><td>\(g(check.floor))</td>"
        h +=
          "<td>\(g(check.threshold))</td><td class=\"\(check.passed ? "pass" : "fail")\">\(check.passed ? "pass" : "fail")</td></tr>"
      }
      h += "</table>"
    }
    if let fpd = comparison.fpd, let kpd = comparison.kpd {
      h += "<p>FPD = \(g(fpd.value * 1e3)) ± \(g(fpd.error * 1e3)) ×10⁻³, KPD = \(g(kpd.value * 1e3)) ± "
      h += "\(g(kpd.error * 1e3)) ×10⁻³ (high-level vector of \(comparison.highLevelDimension) features).</p>"
    }
    h +=
      "<table><tr><th>bin</th><th>showers ref/cand</th><th>E_sum/E_inc rel. error</th><th>S(E_sum/E_inc)</th>"
    h += "<th>max S (feature)</th><th>E_layer profile error</th><th>Pearson max Δ</th></tr>"
    for bin in comparison.bins {
      let sf = bin.feature("E_sum/E_inc")
      let worst = bin.features.max { $0.separationPower < $1.separationPower }
      h += "<tr><td>\(e(bin.bin.label))</td><td>\(bin.referenceCount)/\(bin.candidateCount)</td>"
      h += "<td>\(g(sf?.relativeMeanError ?? .nan))</td><td>\(g(sf?.separationPower ?? .nan))</td>"
      h += "<td>\(g(worst?.separationPower ?? .nan)) (\(e(worst?.name ?? "")))</td>"
      h +=
        "<td>\(g(bin.profile("E_layer")?.meanAbsoluteRelativeError ?? .nan))</td><td>\(g(bin.pearsonMaxDifference))</td></tr>"
    }
    if let r = comparison.classifier {
      h += "<tr><td>all (classifier)</td><td>\(comparison.referenceCount)/\(comparison.candidateCount)</td>"
      h +=
        "<td colspan=\"5\">classifier test (cls-high, \(comparison.highLevelDimension) inputs): AUC \(g(r.auc)), "
      h +=
        "JSD \(g(r.jsd)) (epoch \(r.epoch), test accuracy \(g(r.testAccuracy)); 0.5 and 0: indistinguishable)</td></tr>"
    }
    for (name, result) in [
      ("cls-low", comparison.classifierLow), ("cls-low-normed", comparison.classifierLowNormed),
    ] {
      guard let r = result else { continue }
      h +=
        "<tr><td>all (classifier, \(name))</td><td>\(comparison.referenceCount)/\(comparison.candidateCount)</td>"
      h +=
        "<td colspan=\"5\">classifier test (\(name): cells / \(name == "cls-low" ? "E_inc" : "layer energy") and "
      h +=
        "log10 E_inc): AUC \(g(r.auc)), JSD \(g(r.jsd)) (epoch \(r.epoch), test accuracy \(g(r.testAccuracy)); "
      h += "0.5 and 0: indistinguishable)</td></tr>"
    }
    if let v = comparison.voxelEnergy {
      h +=
        "<tr><td>all (voxel energies)</td><td>\(comparison.referenceCount)/\(comparison.candidateCount)</td>"
      h +=
        "<td colspan=\"5\">separation power of the voxel-energy distribution (evaluate.py plot_cell_dist, "
      h += "\(v.edges.count - 1) log bins from \(g(v.edges[0])) MeV): \(g(v.separationPower))</td></tr>"
    }
    h += "</table>"
    if let v = comparison.voxelEnergy {
      h += "<div class=\"plots\">"
      h += SVGPlot.histogram(
        title: "voxel energies", xLabel: "E [MeV]", edges: v.edges, reference: v.referenceCounts,
        candidate: v.candidateCounts, legend: "S = \(g(v.separationPower))", logX: true)
      h += "</div>"
    }
    return h
  }

  /// One condition bin: profiles, histograms of the scalar features, per-layer histograms (only when
  /// `perLayer`, the first bin, to keep the file small) and the table of all features.
  func section(_ bin: BinComparison, perLayer: Bool) -> String {
    var h =
      "<h2>Bin \(e(bin.bin.label))</h2><p>\(bin.referenceCount) reference, \(bin.candidateCount) candidate showers.</p>"
    h += "<div class=\"plots\">"
    for p in bin.profiles {
      let spectrum = p.name == "cell_spectrum"
      let xs = spectrum ? CellSpectrum.edges.dropLast().map { $0 } : p.reference.indices.map(Double.init)
      h += SVGPlot.profile(
        title: p.name,
        xLabel: spectrum
          ? "cell energy (MeV, lower edge)" : p.name.hasSuffix("per layer") ? "layer" : "index",
        xs: xs, reference: p.reference, candidate: p.candidate, logY: !p.name.hasSuffix("per layer"),
        legend: "mean |rel. err| \(g(p.meanAbsoluteRelativeError))")
    }
    for f in bin.features where !f.name.contains("[") { h += histogram(f) }
    h += "</div>"
    if perLayer { h += perLayerHistograms(bin) }
    h += "<details><summary>All \(bin.features.count) features</summary><table><tr><th>feature</th>"
    h +=
      "<th>ref. mean</th><th>cand. mean</th><th>rel. error</th><th>sep. power</th><th>KS</th><th>KS p</th><th>W1</th></tr>"
    for f in bin.features {
      h += "<tr><td>\(e(f.name))</td><td>\(g(f.referenceMean))</td><td>\(g(f.candidateMean))</td>"
      h += "<td>\(g(f.relativeMeanError))</td><td>\(g(f.separationPower))</td><td>\(g(f.ks))</td>"
      h += "<td>\(g(f.ksPValue))</td><td>\(g(f.wasserstein))</td></tr>"
    }
    return h
      + "</table></details><p>Pearson matrix of layer energies: largest |Δ| = \(g(bin.pearsonMaxDifference)).</p>"
  }

  /// ` out 1.2%/0.8%` when values fell outside a dropping (CaloChallenge) histogram range.
  func outside(_ f: FeatureComparison) -> String {
    guard f.referenceOutside > 0 || f.candidateOutside > 0 else { return "" }
    return String(format: " out %.1f%%/%.1f%%", 100 * f.referenceOutside, 100 * f.candidateOutside)
  }

  func e(_ s: String) -> String { SVGPlot.escape(s) }
  func g(_ v: Double) -> String { v.isNaN ? "–" : String(format: "%.4g", v) }
}
