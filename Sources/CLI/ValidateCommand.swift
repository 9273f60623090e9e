import ArgumentParser
import Core
import Foundation
import Logging
import Torch
import Validation

/// `calotwin validate`: compare generated showers with simulated ones; HTML report, metrics.json,
/// and with `--gate` an exit status 0 (pass) or 1 (fail, failing checks listed on stderr).
struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Compare a candidate shower file with a reference: report, metrics.json, optional gate.",
    discussion: """
      Exit status: 0 when the report is written (and the gate, if any, passes); 1 when the gate fails;
      2 when the inputs cannot be compared (unreadable, empty or mismatched files, or an event with a
      non-finite or negative cell, a bad incident energy or angle: the message names file, dataset and
      0-based event; --skip-bad-events leaves such events out and counts them). Nothing is written then.
      A gate file is YAML, for example:  factor: 2  /  rules: [{metric: fpd, maximum: 0.05}].
      An empty gate file or --gate default uses the default rules.
      CaloChallenge files (incident_energies, showers) need their binning XML (--binning
      Data/calochallenge/binning_dataset_2.xml); without it, 6480 voxels pick dataset 2 and 40500 dataset 3.
      --classifier [low|low-normed|high|both|all] trains the CaloChallenge classifier (a DNN on all showers)
      on the high-level feature vector (cls-high, the default and what a bare --classifier means), on every
      cell divided by the incident energy (cls-low), on every cell divided by its layer's energy plus the
      layer energies (cls-low-normed), on cls-low and cls-high (both) or on all three, and adds AUC and JSD
      to the report; gate them with rules: [{metric: classifierAUC, maximum: 0.6},
      {metric: classifierLowAUC, maximum: 0.7}] (also classifierLowNormedAUC, *JSD).
      """)

  @Option(help: "Reference (simulated) shower file, HDF5.")
  var reference: String

  @Option(help: "Candidate (generated) shower file, HDF5.")
  var candidate: String

  @Option(help: "Output folder for index.html and metrics.json.")
  var report: String

  @Option(help: "Gate settings (YAML), or 'default' for the default gate.")
  var gate: String?

  @Option(help: "CaloChallenge binning XML (binning_dataset_*.xml) for CaloChallenge files.")
  var binning: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Cell energy (MeV) below which cells are set to 0 before any observable. Default: none for CaloTwin/LCD "
        + "files; CaloChallenge's readout cut for voxel files (0.01515 for datasets 2/3, 1 for dataset 1)."))
  var cellThreshold: Float?

  @Option(
    help: ArgumentHelp(
      "Histogram binning of the separation powers: 'auto' (CaloChallenge evaluate.py's bins for voxel files, "
        + "quantile bins otherwise), 'quantile' (40 bins between pooled 0.1/99.9 % quantiles, clipped) or "
        + "'calochallenge' (voxel files only; out-of-range values dropped as np.histogram does)."))
  var histograms: HistogramMode = .auto

  @Option(
    help: ArgumentHelp(
      "How CaloChallenge voxel sums (E_sum, E_layer, centroid and width denominators) are formed: 'float32' "
        + "(numpy's float32 pairwise sums, as evaluate.py, so the histograms equal its) or 'double'."))
  var summation: SummationMode = .float32

  @Option(parsing: .unconditional, help: "Showers a bin needs in both samples to be compared.")
  var minimumShowers: Int = 50

  @Flag(help: "Skip FPD and KPD.")
  var noDistances = false

  @Option(parsing: .unconditional, help: "Showers read at a time.")
  var chunkSize: Int = 256

  @Flag(
    help: ArgumentHelp(
      "Leave out events with a non-finite or negative cell, a non-finite or non-positive incident energy or a "
        + "non-finite angle (counted per file on stderr and in metrics.json) instead of stopping with exit status 2."
    ))
  var skipBadEvents = false

  @Option(
    help:
      ArgumentHelp(
        "Run the CaloChallenge classifier test on 'high' (cls-high; a bare --classifier), 'low' (cls-low), "
          + "'low-normed' (cls-low-normed), 'both' (low and high) or 'all' inputs; trains a DNN.")
  )
  var classifier: ClassifierMode?

  @Option(
    parsing: .unconditional, help: "Classifier training epochs (the best epoch on the test split is kept).")
  var classifierEpochs: Int = 50

  @Option(parsing: .unconditional, help: "Classifier hidden width (CaloChallenge uses 2048).")
  var classifierHidden: Int = 256

  @Option(parsing: .unconditional, help: "Classifier mini-batch size.")
  var classifierBatch: Int = 1000

  @Option(parsing: .unconditional, help: "Tensor-engine threads for the classifier (default: all cores).")
  var classifierThreads: Int?

  func validate() throws {
    if let cellThreshold, !(cellThreshold >= 0 && cellThreshold.isFinite) {
      throw ArgumentParser.ValidationError(
        "--cell-threshold must be a finite energy ≥ 0 MeV, got \(cellThreshold)")
    }
    guard chunkSize > 0 else { throw ArgumentParser.ValidationError("--chunk-size must be positive") }
    guard minimumShowers > 1 else {
      throw ArgumentParser.ValidationError("--minimum-showers must be at least 2")
    }
    guard classifierEpochs > 0, classifierHidden > 0, classifierBatch > 0, (classifierThreads ?? 1) > 0 else {
      throw ArgumentParser.ValidationError(
        "--classifier-epochs, --classifier-hidden, --classifier-batch and --classifier-threads must be positive"
      )
    }
  }

  func run() async throws {
    CLILogging.bootstrap()
    try OutputCheck.directory(
      report, files: ["index.html", "metrics.json"],
      inputs: [reference, candidate, gate, binning].compactMap { $0 }.filter { $0 != "default" },
      option: "--report")
    let logger = CLILogging.logger("validate")
    var configuration = Validator.Configuration()
    configuration.cellThreshold = cellThreshold
    configuration.chunkSize = chunkSize
    configuration.badEvents = skipBadEvents ? .skip : .fail
    configuration.summation = summation.summation
    configuration.comparison.minimumShowers = minimumShowers
    configuration.comparison.histogramBinning = histograms.binning
    configuration.comparison.distances = !noDistances
    if let gate { configuration.gate = try Self.gateConfiguration(gate) }
    if let binning {
      do {
        configuration.binning = try CaloChallengeBinning(contentsOf: URL(fileURLWithPath: binning))
      } catch {
        throw Self.inputError(error)
      }
    }
    if let classifier {
      configuration.classifierInputs = classifier.inputs
      var settings = ClassifierTest.Configuration()
      settings.epochs = classifierEpochs
      settings.hidden = classifierHidden
      settings.batchSize = classifierBatch
      configuration.classifier = settings
      Torch.threadCount = classifierThreads ?? ProcessInfo.processInfo.activeProcessorCount
    }
    let outcome: Validator.Outcome
    do {
      outcome = try await Validator(configuration: configuration).run(
        reference: URL(fileURLWithPath: reference), candidate: URL(fileURLWithPath: candidate),
        report: URL(fileURLWithPath: report),
        notice: { line in logger.notice("\(line)") })
    } catch {
      throw Self.inputError(error)
    }
    print("report: \(report)/index.html, metrics: \(report)/metrics.json")
    if let fpd = outcome.comparison.fpd, let kpd = outcome.comparison.kpd {
      print(String(format: "FPD %.4g ± %.2g, KPD %.4g ± %.2g", fpd.value, fpd.error, kpd.value, kpd.error))
    }
    let c = outcome.comparison
    for (name, result) in [
      ("cls-low", c.classifierLow), ("cls-low-normed", c.classifierLowNormed), ("cls-high", c.classifier),
    ] {
      guard let r = result else { continue }
      print(String(format: "classifier (%@): AUC %.4f, JSD %.4f (epoch %d)", name, r.auc, r.jsd, r.epoch))
    }
    guard let result = outcome.gate else { return }
    if result.passed {
      print("gate: PASS (\(result.checks.count) checks)")
    } else {
      var text = "gate: FAIL, \(result.failures.count) of \(result.checks.count) checks:\n"
      for f in result.failures {
        text +=
          "  [\(f.bin)] \(f.rule) = \(String(format: "%.4g", f.value)) > \(String(format: "%.4g", f.threshold))\n"
      }
      FileHandle.standardError.write(Data(text.utf8))
      throw ExitCode(1)
    }
  }

  /// `arguments` with a bare `--classifier` (last, or followed by another option) written as
  /// `--classifier=high`, so the flag of earlier releases keeps working beside `--classifier low|high|both`.
  static func expandingBareClassifier(_ arguments: [String]) -> [String] {
    guard arguments.first == "validate" else { return arguments }
    var out = arguments
    for (k, argument) in arguments.enumerated() where argument == "--classifier" {
      let next = k + 1 < arguments.count ? arguments[k + 1] : nil
      if next == nil || next!.hasPrefix("-") { out[k] = "--classifier=high" }
    }
    return out
  }

  /// Writes a validation error to standard error; the exit status (2) for inputs that cannot be compared.
  static func inputError(_ error: Validation.ValidationError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error.description) [\(error.code.rawValue)]\n".utf8))
    return ExitCode(2)
  }

  /// Reads a gate YAML file (`default` for the built-in gate) strictly: unknown keys, unknown metrics,
  /// wrong types, negative or non-finite thresholds are errors naming the file, line and key (exit 2).
  static func gateConfiguration(_ path: String) throws -> GateConfiguration {
    if path == "default" { return GateConfiguration() }
    do {
      return try GateConfiguration.load(contentsOf: path)
    } catch {
      throw reportError(error)
    }
  }
}

/// `--histograms` values, as `HistogramBinning`.
enum HistogramMode: String, ExpressibleByArgument, CaseIterable {
  case auto, quantile, calochallenge
  var binning: HistogramBinning {
    switch self {
    case .auto: .automatic
    case .quantile: .quantile
    case .calochallenge: .caloChallenge
    }
  }
}

/// `--summation` values, as `CellSummation`.
enum SummationMode: String, ExpressibleByArgument, CaseIterable {
  case float32, double
  var summation: CellSummation { CellSummation(rawValue: rawValue)! }
}

/// `--classifier` values, as `Validator.ClassifierInputs`.
enum ClassifierMode: String, ExpressibleByArgument, CaseIterable {
  case low, high, both, all
  case lowNormed = "low-normed"
  var inputs: Validator.ClassifierInputs { Validator.ClassifierInputs(rawValue: rawValue)! }
}
