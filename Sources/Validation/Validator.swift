public import Core
public import Foundation
internal import ShowerIO

/// The whole `calotwin validate` pipeline: read both files, compare, gate, write the report.
///
/// ```swift
/// let outcome = try await Validator(configuration: .init()).run(reference: sim, candidate: gen, report: out)
/// if outcome.gate?.passed == false { exit(1) }
/// ```
public struct Validator: Sendable {
  /// Settings; the initialiser holds the defaults, so a YAML file states only changes.
  public struct Configuration: Sendable, Codable, Equatable {
    /// Comparison settings.
    public var comparison = Comparator.Configuration()
    /// Gate settings; `nil` runs no gate.
    public var gate: GateConfiguration? = nil
    /// Cell pitch in mm.
    public var cellSize = 5.1
    /// Cell energy in MeV below which cells count as empty (set to 0 before any feature); `nil`
    /// (the default) means none for Cartesian files and the CaloChallenge readout cut for voxel
    /// files (`CaloChallengeBinning.readoutThreshold`).
    public var cellThreshold: Float? = nil
    /// Showers read at a time.
    public var chunkSize = 256
    /// Classifier test settings; `nil` (the default) skips it, since it trains a DNN. It runs once on
    /// all showers of both samples (like FPD/KPD) with the `cls-high` inputs
    /// (`ClassifierTest.highLevelInputs`), and its AUC and JSD go to metrics.json and the report.
    public var classifier: ClassifierTest.Configuration? = nil
    /// Which inputs the classifier test uses when it runs: `cls-high` (default), `cls-low`,
    /// `cls-low-normed`, `cls-low` and `cls-high` (`.both`) or all three.
    public var classifierInputs: ClassifierInputs = .high
    /// Voxel geometry for CaloChallenge files; `nil` picks a built-in binning by voxel count
    /// (dataset 2 or 3) and reports it through `run`'s `notice`. A binning with a Cartesian file is an error.
    public var binning: CaloChallengeBinning? = nil
    /// What to do with events holding unusable numbers (non-finite or negative cells, non-finite or
    /// non-positive incident energies, non-finite angles): stop naming file, dataset and event (`.fail`,
    /// the default) or leave them out, count them per file and say so (`.skip`).
    public var badEvents: BadEventPolicy = .fail
    /// How CaloChallenge voxel sums are formed: `.float32` (default; numpy's float32 pairwise sums, so the
    /// histograms equal evaluate.py's) or `.double` (Double sums in file order).
    public var summation: CellSummation = .float32

    /// The defaults above.
    public init() {}
  }

  /// What a run produced.
  public struct Outcome: Sendable {
    /// The comparison.
    public var comparison: SampleComparison
    /// The gate result, when a gate ran.
    public var gate: GateResult?
  }

  /// Settings.
  public var configuration: Configuration

  /// Creates a validator.
  public init(configuration: Configuration = .init()) { self.configuration = configuration }

  /// Runs the pipeline and writes `index.html` and `metrics.json` into `report`.
  ///
  /// - Parameters:
  ///   - reference: Reference (simulation) shower file.
  ///   - candidate: Candidate (generated) shower file.
  ///   - report: Output folder.
  ///   - notice: Called with lines worth logging (a binning picked by voxel count).
  ///   - progress: Called with a stage name and showers done / total while reading.
  /// - Throws: `ValidationError` for unreadable, empty or mismatched files, and write failures.
  public func run(
    reference: URL, candidate: URL, report: URL, notice: (@Sendable (String) -> Void)? = nil,
    progress: (@Sendable (String, Int, Int) -> Void)? = nil
  ) async throws(ValidationError) -> Outcome {
    let c = configuration
    let low = c.classifier != nil && c.classifierInputs.needsCells
    let ref = try await FeatureTable.load(
      reference, cellSize: c.cellSize, cellThreshold: c.cellThreshold, binning: c.binning,
      chunkSize: c.chunkSize,
      keepsLowLevel: low, badEvents: c.badEvents, summation: c.summation, notice: notice,
      progress: { progress?("reference", $0, $1) }
    )
    let cand = try await FeatureTable.load(
      candidate, cellSize: c.cellSize, cellThreshold: c.cellThreshold,
      binning: c.binning, chunkSize: c.chunkSize, keepsLowLevel: low, badEvents: c.badEvents,
      summation: c.summation,
      // An automatic pick for the candidate is worth a notice only when the reference had none.
      notice: ref.schema.binning == nil ? notice : nil, progress: { progress?("candidate", $0, $1) })
    guard ref.schema.geometry == cand.schema.geometry else {
      throw ValidationError(
        .geometryMismatch,
        "reference \(reference.lastPathComponent) has \(ref.schema.geometryDescription), candidate "
          + "\(candidate.lastPathComponent) has \(cand.schema.geometryDescription); compare files of one geometry"
      )
    }
    for (url, table) in [(reference, ref), (candidate, cand)] {
      guard let first = table.skippedEvents.first else { continue }
      notice?(
        "\(url.lastPathComponent): skipped \(table.skippedEvents.count) of "
          + "\(table.skippedEvents.count + table.count) events with unusable numbers (first: \(first.description))"
      )
    }
    var comparison = try await Comparator(configuration: c.comparison).compare(
      reference: ref, candidate: cand)
    if comparison.histogramBinning == .caloChallenge {
      comparison.voxelEnergy = try VoxelEnergyComparison.compute(
        reference: reference, ref, candidate: candidate, cand, chunkSize: c.chunkSize)
    }
    comparison.referenceSkippedEvents = ref.skippedEvents.count
    comparison.candidateSkippedEvents = cand.skippedEvents.count
    if let classifier = c.classifier {
      try Self.runClassifiers(classifier, c.classifierInputs, ref, cand, &comparison, progress)
    }
    var gate: GateResult? = nil
    if let gateConfiguration = c.gate {
      gate = try await Gate(configuration: gateConfiguration, comparison: c.comparison)
        .evaluate(comparison, reference: ref, candidate: cand)
    }
    try ReportWriter.write(
      HTMLReport(
        comparison: comparison, gate: gate, referenceName: reference.lastPathComponent,
        candidateName: candidate.lastPathComponent), to: report)
    return Outcome(comparison: comparison, gate: gate)
  }
}
