extension Validator {
  /// Inputs of the classifier test (CaloChallenge modes `cls-low`, `cls-low-normed`, `cls-high`).
  public enum ClassifierInputs: String, Sendable, Codable, Equatable, CaseIterable {
    /// `cls-low`: every cell / E_inc and log10 E_inc (keeps all cells of both samples in memory).
    case low
    /// `cls-low-normed`: every cell / its layer's energy, log10 E_inc and log10 of the layer energies.
    case lowNormed = "low-normed"
    /// `cls-high`: the standardised high-level feature vector.
    case high
    /// `cls-low` and `cls-high`, one after the other.
    case both
    /// `cls-low`, `cls-low-normed` and `cls-high`.
    case all

    /// Whether the `cls-low` test runs.
    public var runsLow: Bool { [.low, .both, .all].contains(self) }
    /// Whether the `cls-low-normed` test runs.
    public var runsLowNormed: Bool { [.lowNormed, .all].contains(self) }
    /// Whether the `cls-high` test runs.
    public var runsHigh: Bool { [.high, .both, .all].contains(self) }
    /// Whether the tables must keep the cells (`FeatureTable.keepsLowLevel`).
    public var needsCells: Bool { runsLow || runsLowNormed }
  }

  /// Runs the selected classifier tests on all showers and stores their results in `comparison`.
  static func runClassifiers(
    _ settings: ClassifierTest.Configuration, _ inputs: ClassifierInputs, _ ref: FeatureTable,
    _ cand: FeatureTable, _ comparison: inout SampleComparison,
    _ progress: (@Sendable (String, Int, Int) -> Void)?
  ) throws(ValidationError) {
    let test = ClassifierTest(configuration: settings)
    /// Trains on the inputs of one mode, reporting progress under `stage`.
    func run<Value: BinaryFloatingPoint & Sendable>(
      _ stage: String, _ x: (reference: [Value], candidate: [Value], dimension: Int)
    ) throws(ValidationError) -> ClassifierTest.Result {
      progress?(stage, 0, 1)
      let result = try test.run(reference: x.reference, candidate: x.candidate, dimension: x.dimension)
      progress?(stage, 1, 1)
      return result
    }
    if inputs.runsLow {
      comparison.classifierLow = try run(
        "classifier (cls-low)", try ClassifierTest.lowLevelInputs(reference: ref, candidate: cand))
    }
    if inputs.runsLowNormed {
      comparison.classifierLowNormed = try run(
        "classifier (cls-low-normed)",
        try ClassifierTest.lowLevelNormedInputs(reference: ref, candidate: cand))
    }
    if inputs.runsHigh {
      comparison.classifier = try run(
        "classifier", ClassifierTest.highLevelInputs(reference: ref, candidate: cand))
    }
  }
}
