import Foundation
import TestSupport
import Testing
import Validation

/// CaloChallenge histogram binning (`HistogramBinning.caloChallenge`) against a numpy re-implementation
/// of evaluate.py's histograms and `_separation_power` (Fixtures/calochallenge_histograms.json, made by
/// Scripts/fixtures/make_calochallenge_histogram_fixtures.py): separation powers within 1e-6 relative,
/// edges within 1e-12, out-of-range values dropped (not clipped), E_layer edges log-spaced. The synthetic
/// values are Double, so these use `CellSummation.double`; CaloChallengeParityTests checks `.float32`.
@Suite struct CaloChallengeHistogramTests {
  let fixture: [String: Any]
  init() throws { fixture = try FixtureLoader.json("calochallenge_histograms") }

  /// A dataset-1-like pion binning: layers 1 and 12 angularly binned (EC_x[1] is layer 12).
  static let pions = CaloChallengeBinning(
    particle: "pion", pid: 211,
    layers: [
      .init(id: 0, rEdges: [0, 5, 10], alphaBins: 1), .init(id: 1, rEdges: [0, 1, 4, 7], alphaBins: 10),
      .init(id: 12, rEdges: [0, 100, 200], alphaBins: 10),
    ], source: "test pions")

  /// `E_layer[3]` → (`E_layer`, 3); `E_sum/E_inc` → (`E_sum/E_inc`, 0).
  static func split(_ name: String) -> (String, Int) {
    guard let open = name.firstIndex(of: "[") else { return (name, 0) }
    return (String(name[..<open]), Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!)
  }

  func check(
    _ cases: [[String: Any]], _ schema: FeatureSchema, threshold: Float,
    bin: ConditionBin = .init(label: "all")
  ) {
    for c in cases {
      let name = c["name"] as! String
      let (group, index) = Self.split(name)
      let rule = Comparator.featureBinning(
        group: group, index: index, schema: schema, cellThreshold: threshold, mode: .automatic, bin: bin)
      #expect(rule.dropsOutside, "\(name)")
      let f = Comparator.compareFeature(
        name: name, group: group, unit: "", reference: c.doubles("reference"),
        candidate: c.doubles("candidate"),
        binning: rule, configuration: .init())
      let edges = c.doubles("edges")
      #expect(
        firstMismatch(f.histogram.edges, edges, relative: 1e-12, absolute: 0) == nil,
        "\(name): edges \(f.histogram.edges.prefix(3))… vs \(edges.prefix(3))…")
      let expected = c.double("separationPower")
      #expect(
        isClose(f.separationPower, expected, relative: 1e-6, absolute: 0),
        "\(name): \(f.separationPower) vs \(expected)")
      #expect(
        isClose(f.referenceOutside, c.double("referenceOutside"), relative: 0, absolute: 1e-12), "\(name)")
      #expect(
        isClose(f.candidateOutside, c.double("candidateOutside"), relative: 0, absolute: 1e-12), "\(name)")
      // The fixture tells dropping from clipping and log from linear E_layer edges apart.
      if c.double("referenceOutside") + c.double("candidateOutside") > 0 {
        #expect(abs(c.double("clipped") - expected) > 1e-5, "\(name): clipping would give the same number")
      }
      if c["linear"] != nil { #expect(abs(c.double("linear") - expected) > 1e-3, "\(name)") }
      if group == "E_layer" { #expect(f.histogram.isLogarithmic && f.histogram.bins == 39) }
    }
  }

  @Test func dataset2SeparationPowersMatchNumpy() throws {
    let cases = fixture["dataset2"] as! [[String: Any]]
    #expect(cases.count == 10)
    let threshold = try #require(CaloChallengeBinning.dataset2.readoutThreshold)
    check(cases, FeatureSchema(binning: .dataset2, summation: .double), threshold: threshold)
    #expect(
      isClose(
        CaloChallengeBinning.dataset2.readoutCut!, fixture.double("minEnergy"), relative: 0, absolute: 0))
  }

  @Test func dataset1RangesMatchNumpy() {
    let cases = fixture["dataset1Pions"] as! [[String: Any]]
    check(cases, FeatureSchema(binning: Self.pions, summation: .double), threshold: 1)
  }

  @Test func dataset1PerEnergyRatiosMatchNumpy() {
    for c in fixture["dataset1PerEnergy"] as! [[String: Any]] {
      var binning = Self.pions
      if c["particle"] as! String == "photon" { (binning.particle, binning.pid) = ("photon", 22) }
      let e = c.double("energy")
      let bin = ConditionBin(label: "E=\(e)", energy: .init(0.95 * e, 1.05 * e))
      check([c], FeatureSchema(binning: binning, summation: .double), threshold: 1, bin: bin)
    }
    // The whole sample keeps the 100 bins on [0.5, 1.5]; datasets 2/3 have no per-energy binning.
    let all = Comparator.featureBinning(
      group: "E_sum/E_inc", index: 0, schema: FeatureSchema(binning: Self.pions, summation: .double),
      cellThreshold: 10,
      mode: .automatic)
    let decade = ConditionBin(label: "E=1GeV-10GeV", energy: .init(1000, 10_000))
    let ds2 = Comparator.featureBinning(
      group: "E_sum/E_inc", index: 0, schema: FeatureSchema(binning: .dataset2, summation: .double),
      cellThreshold: 0,
      mode: .automatic, bin: decade)
    #expect(all == .fixed(.uniform(from: 0.5, to: 1.5, bins: 100)) && ds2 == all)
  }

  @Test func fallbacksAndModes() {
    let schema = FeatureSchema(binning: .dataset2, summation: .double)
    let cut = CaloChallengeBinning.dataset2.readoutCut!
    // No cell cut: the binning's readout cut is the lower E_layer edge; another cut is used as given.
    #expect(
      Comparator.featureBinning(
        group: "E_layer", index: 0, schema: schema, cellThreshold: 0, mode: .automatic)
        == .logarithmic(low: cut, edges: 40))
    #expect(
      Comparator.featureBinning(
        group: "E_layer", index: 0, schema: schema, cellThreshold: 0.5, mode: .caloChallenge)
        == .logarithmic(low: 0.5, edges: 40))
    for group in ["E_inc", "E_sum", "hits>0.05MeV"] {
      #expect(
        Comparator.featureBinning(group: group, index: 0, schema: schema, cellThreshold: 0, mode: .automatic)
          == .quantile)
    }
    #expect(
      Comparator.featureBinning(group: "EC_x", index: 0, schema: schema, cellThreshold: 0, mode: .quantile)
        == .quantile)
    let cartesian = FeatureSchema(layout: .caloTwin)
    #expect(
      Comparator.featureBinning(
        group: "E_sum/E_inc", index: 0, schema: cartesian, cellThreshold: 0, mode: .automatic)
        == .quantile)
    // Dataset 1 has no published radial ranges: quantile binning.
    let pions = FeatureSchema(binning: Self.pions, summation: .double)
    #expect(
      Comparator.featureBinning(group: "EC_r", index: 0, schema: pions, cellThreshold: 10, mode: .automatic)
        == .quantile)
    // A layer that is empty in every reference shower has no log range: quantile binning, clipped.
    let f = Comparator.compareFeature(
      name: "E_layer[0]", group: "E_layer", unit: "MeV", reference: [0, 0, 0, 0.001],
      candidate: [0, 0.002, 0],
      binning: .logarithmic(low: cut, edges: 40), configuration: .init())
    #expect(f.histogram.bins == 40 && f.referenceOutside == 0 && f.referenceCounts.reduce(0, +) == 4)
    // Everything outside in one sample only: complete separation; in both: none.
    let h = Histogram.uniform(from: 0, to: 1, bins: 4)
    #expect(Histogram.separationPower(h.counts(of: [0.5]), h.counts(of: [2])) == 1)
    #expect(Histogram.separationPower(h.counts(of: [3]), h.counts(of: [2])) == 0)
  }

  @Test func logarithmicEdgesFollowLogspace() throws {
    let h = try #require(Histogram.logarithmic(from: 10, to: 1e5, edges: 5))
    #expect(firstMismatch(h.edges, [10, 100, 1000, 1e4, 1e5], relative: 1e-12, absolute: 0) == nil)
    #expect(h.isLogarithmic && !Histogram.uniform(from: 1, to: 2, bins: 10).isLogarithmic)
    #expect(Histogram.logarithmic(from: 0, to: 10, edges: 40) == nil)
    #expect(Histogram.logarithmic(from: 10, to: 10, edges: 40) == nil)
    // The report draws it on a log x axis labelled in the feature's unit.
    let svg = SVGPlot.histogram(
      title: "E_layer[0]", xLabel: "E_layer[0] (MeV)", edges: h.edges, reference: [1, 2, 3, 4],
      candidate: [1, 2, 3, 4], legend: "", logX: true)
    #expect(svg.contains("log scale") && svg.contains(">10<") && svg.contains(">1e+05<"), "\(svg)")
  }

  @Test func voxelComparisonsUseTheCaloChallengeBinning() async throws {
    let reference = try await VoxelGateTests.table(200, seed: 5)
    let candidate = try await VoxelGateTests.table(200, seed: 6)
    var configuration = Comparator.Configuration()
    configuration.distances = false
    let result = try await Comparator(configuration: configuration).compare(
      reference: reference, candidate: candidate)
    #expect(result.histogramBinning == .caloChallenge)
    let all = try #require(result.bins.first)
    let layer = try #require(all.feature("E_layer[10]"))
    #expect(layer.histogram.isLogarithmic && layer.histogram.edges.count == 40)
    #expect(all.feature("E_sum/E_inc")?.histogram == Histogram.uniform(from: 0.5, to: 1.5, bins: 100))
    #expect(all.feature("sparsity[0]")?.histogram.bins == 20)
    #expect(all.feature("E_sum")?.histogram.bins == 40)
    configuration.histogramBinning = .quantile
    let quantile = try await Comparator(configuration: configuration).compare(
      reference: reference, candidate: candidate)
    #expect(quantile.histogramBinning == .quantile)
    #expect(quantile.bins[0].feature("E_layer[10]")?.histogram.isLogarithmic == false)
    // CaloChallenge binning on Cartesian files is refused with a clear error.
    configuration.histogramBinning = .caloChallenge
    let model = ToyShowerModel()
    var a = FeatureTable(schema: FeatureSchema(layout: .caloTwin))
    try await a.append(model.showers(energies: Array(repeating: 10_000, count: 60), seed: 1), tasks: 1)
    await #expect(throws: ValidationError.self) {
      try await Comparator(configuration: configuration).compare(reference: a, candidate: a)
    }
  }
}
