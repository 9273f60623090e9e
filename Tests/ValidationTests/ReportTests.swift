import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The HTML report and metrics.json: written atomically, well-formed, complete.
@Suite struct ReportTests {
  static func report(scale: Float) async throws -> HTMLReport {
    let layout = CalorimeterLayout(nx: 11, ny: 11, layers: 9, cellSize: 5.1)
    var model = ToyShowerModel(layout: layout)
    var reference = FeatureTable(schema: FeatureSchema(layout: layout))
    try await reference.append(model.showers(energies: GateTests.twoEnergies(200), seed: 1))
    model.cellScale = scale
    var candidate = FeatureTable(schema: FeatureSchema(layout: layout))
    try await candidate.append(model.showers(energies: GateTests.twoEnergies(200), seed: 2))
    var configuration = Comparator.Configuration()
    configuration.physics.fpdMinSamples = 200
    configuration.physics.fpdMaxSamples = 400
    configuration.physics.fpdPoints = 3
    configuration.physics.fpdBatches = 2
    configuration.physics.kpdBatchSize = 100
    configuration.physics.kpdBatches = 3
    let result = try await Comparator(configuration: configuration).compare(
      reference: reference, candidate: candidate)
    let gate = try await Gate(comparison: configuration).evaluate(
      result, reference: reference, candidate: candidate)
    return HTMLReport(comparison: result, gate: gate, referenceName: "sim <1>.h5", candidateName: "gen.h5")
  }

  @Test func reportIsWellFormedAndComplete() async throws {
    let report = try await Self.report(scale: 1.05)
    let directory = try TemporaryDirectory()
    try ReportWriter.write(report, to: directory.url)
    let html = try String(contentsOf: directory.file("index.html"), encoding: .utf8)
    #expect(html.contains("sim &lt;1&gt;.h5"))
    #expect(html.contains("FAIL"))
    #expect(html.components(separatedBy: "<svg").count - 1 >= 3 * (5 + 20) + 5 * 9)
    // Per-layer histograms (E_layer, EC_x, EC_y, W_x, W_y; 9 layers) in the first bin only.
    for group in ["E_layer", "EC_x", "EC_y", "W_x", "W_y"] {
      #expect(html.components(separatedBy: "\(group) histograms per layer (9;").count - 1 == 1, "\(group)")
    }
    #expect(html.contains("font-weight=\"bold\">E_layer[8]</text>"))
    let parser = XMLParser(data: Data(html.utf8))
    #expect(parser.parse(), "HTML is not well-formed XML: \(String(describing: parser.parserError))")
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: directory.file("metrics.json")))
      as! [String: Any]
    #expect(json["passed"] as? Bool == false)
    let comparison = json["comparison"] as! [String: Any]
    #expect((comparison["bins"] as! [Any]).count == 3)
    #expect(comparison["fpd"] != nil && comparison["kpd"] != nil)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
    #expect(leftovers == ["index.html", "metrics.json"])
  }
}
