internal import Foundation

/// Small inline-SVG plots for the HTML report: two overlaid series with a ratio panel.
///
/// Reference is drawn in black, candidate in orange; the ratio panel shows candidate/reference
/// between 0.5 and 1.5. Output is a standalone `<svg>` element, no scripts, no external resources.
public enum SVGPlot {
  /// Plot width in pixels.
  static let width = 360.0
  /// Main panel height in pixels.
  static let mainHeight = 190.0
  /// Ratio panel height in pixels.
  static let ratioHeight = 60.0
  static let left = 48.0, right = 8.0, top = 22.0, gap = 8.0, bottom = 28.0

  /// Overlaid step histograms (normalised to unit area) with a ratio panel.
  ///
  /// - Parameters:
  ///   - title: Title above the plot.
  ///   - xLabel: Axis label, with unit.
  ///   - edges: Bin edges, `bins + 1`.
  ///   - reference, candidate: Counts per bin.
  ///   - legend: Extra legend text, for example the separation power.
  ///   - logX: Logarithmic x axis (positive edges, for example CaloChallenge's log-spaced `E_layer`
  ///     bins, which are then equally wide on the plot); the axis labels stay in the feature's unit.
  public static func histogram(
    title: String, xLabel: String, edges: [Double], reference: [Double], candidate: [Double],
    legend: String, logX: Bool = false
  ) -> String {
    let sr = max(reference.reduce(0, +), 1), sc = max(candidate.reduce(0, +), 1)
    let log = logX && (edges.first ?? 0) > 0
    return plot(
      title: title, xLabel: log ? xLabel + ", log scale" : xLabel, xs: log ? edges.map(log10) : edges,
      reference: reference.map { $0 / sr }, candidate: candidate.map { $0 / sc }, steps: true, logY: false,
      legend: legend, logX: log)
  }

  /// Overlaid profiles (points joined by lines) with a ratio panel.
  ///
  /// - Parameters:
  ///   - xs: Positions of the points (bin index or centre).
  ///   - logY: Logarithmic y axis (non-positive values are dropped).
  public static func profile(
    title: String, xLabel: String, xs: [Double], reference: [Double], candidate: [Double], logY: Bool,
    legend: String
  ) -> String {
    plot(
      title: title, xLabel: xLabel, xs: xs, reference: reference, candidate: candidate, steps: false,
      logY: logY, legend: legend)
  }

  static func plot(
    title: String, xLabel: String, xs: [Double], reference: [Double], candidate: [Double], steps: Bool,
    logY: Bool, legend: String, logX: Bool = false
  ) -> String {
    let height = top + mainHeight + gap + ratioHeight + bottom
    let x0 = xs.first ?? 0, x1 = max(xs.last ?? 1, x0 + 1e-12)
    let transform: (Double) -> Double? = { v in logY ? (v > 0 ? log10(v) : nil) : v }
    let values = (reference + candidate).compactMap(transform)
    var y0 = values.min() ?? 0, y1 = values.max() ?? 1
    if !logY { y0 = min(0, y0) }
    if !(y1 > y0) { y1 = y0 + 1 }
    y1 += 0.05 * (y1 - y0)
    func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (width - left - right) }
    func py(_ y: Double) -> Double { top + mainHeight - (y - y0) / (y1 - y0) * mainHeight }
    func pr(_ r: Double) -> Double {
      let c = min(1.5, max(0.5, r))
      return top + mainHeight + gap + ratioHeight - (c - 0.5) * ratioHeight
    }
    func path(_ series: [Double]) -> String {
      var d = ""
      for (i, v) in series.enumerated() {
        guard let t = transform(v) else { continue }
        if steps {
          d += "\(d.isEmpty ? "M" : "L")\(f(px(xs[i]))),\(f(py(t)))L\(f(px(xs[i + 1]))),\(f(py(t)))"
        } else {
          d += "\(d.isEmpty ? "M" : "L")\(f(px(xs[i]))),\(f(py(t)))"
        }
      }
      return d
    }
    var ratio = ""
    for i in reference.indices where reference[i] > 0 {
      let x = steps ? 0.5 * (xs[i] + xs[i + 1]) : xs[i]
      ratio +=
        "<circle cx=\"\(f(px(x)))\" cy=\"\(f(pr(candidate[i] / reference[i])))\" r=\"1.6\" fill=\"#d95f02\"/>"
    }
    let bottomMain = top + mainHeight, ratioTop = bottomMain + gap
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
    svg += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"10\">"
    svg +=
      "<text x=\"\(f(width / 2))\" y=\"13\" text-anchor=\"middle\" font-weight=\"bold\">\(escape(title))</text>"
    svg +=
      "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(width - left - right))\" height=\"\(f(mainHeight))\" fill=\"none\" stroke=\"#999\"/>"
    svg +=
      "<rect x=\"\(f(left))\" y=\"\(f(ratioTop))\" width=\"\(f(width - left - right))\" height=\"\(f(ratioHeight))\" fill=\"none\" stroke=\"#999\"/>"
    svg +=
      "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(pr(1)))\" y2=\"\(f(pr(1)))\" stroke=\"#bbb\" stroke-dasharray=\"3,3\"/>"
    svg += "<path d=\"\(path(reference))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.3\"/>"
    svg += "<path d=\"\(path(candidate))\" fill=\"none\" stroke=\"#d95f02\" stroke-width=\"1.3\"/>"
    svg += ratio
    let yTop = logY ? "1e\(f(y1))" : g(y1), yBottom = logY ? "1e\(f(y0))" : g(y0)
    svg += "<text x=\"\(f(left - 3))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(yTop)</text>"
    svg += "<text x=\"\(f(left - 3))\" y=\"\(f(bottomMain))\" text-anchor=\"end\">\(yBottom)</text>"
    svg += "<text x=\"\(f(left - 3))\" y=\"\(f(ratioTop + 8))\" text-anchor=\"end\">1.5</text>"
    svg += "<text x=\"\(f(left - 3))\" y=\"\(f(ratioTop + ratioHeight))\" text-anchor=\"end\">0.5</text>"
    // xs are log10 values on a log axis: label the ends in the feature's unit.
    let xLow = logX ? pow(10, x0) : x0, xHigh = logX ? pow(10, x1) : x1
    svg += "<text x=\"\(f(left))\" y=\"\(f(height - 14))\">\(g(xLow))</text>"
    svg += "<text x=\"\(f(width - right))\" y=\"\(f(height - 14))\" text-anchor=\"end\">\(g(xHigh))</text>"
    svg +=
      "<text x=\"\(f(width / 2))\" y=\"\(f(height - 3))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
    svg += "<text x=\"\(f(width - right - 4))\" y=\"\(f(top + 12))\" text-anchor=\"end\">"
    svg += "<tspan fill=\"#000\">— reference</tspan> <tspan fill=\"#d95f02\">— candidate</tspan></text>"
    svg +=
      "<text x=\"\(f(width - right - 4))\" y=\"\(f(top + 25))\" text-anchor=\"end\">\(escape(legend))</text>"
    return svg + "</svg>"
  }

  static func f(_ v: Double) -> String { String(format: "%.1f", v) }
  static func g(_ v: Double) -> String { String(format: "%.3g", v) }

  /// Escapes text for HTML and SVG.
  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
