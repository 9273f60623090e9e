import ArgumentParser
import Core
import Foundation
import Generation
import ShowerIO
import Simulation

/// `calotwin simulate`: electromagnetic showers in the SiW ECAL from the built-in Monte Carlo,
/// written in the CaloTwin HDF5 layout with `E_si`, `E_abs`, `E_other` and `cpu_s`.
///
/// By default the file is byte-identical for the same seed and options with any `--threads`
/// (`cpu_s` is 0; `--cpu-time` records measured CPU seconds instead and gives up that identity).
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Simulate electromagnetic showers in the SiW ECAL (pure-Swift Monte Carlo) into an HDF5 file.")

  @Option(help: "Primary particle: e-, e+ or gamma.")
  var particle = "e-"

  @OptionGroup var primary: ConditionOptions

  @Option(help: "Distribution over --energy-range: uniform or log.")
  var energyDist = "uniform"

  @Option(parsing: .unconditional, help: "Gaussian smearing of the entry point in x and y, mm.")
  var smear: Double = 0

  @Option(parsing: .unconditional, help: "Number of showers.")
  var events = 100

  @Option(parsing: .unconditional, help: "Random seed; the same seed gives the same file for any --threads.")
  var seed: UInt64 = 1

  @Option(parsing: .unconditional, help: "Concurrent tasks (default: all cores).")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "Output HDF5 file.")
  var output: String?

  @Option(help: "Geometry YAML file (fields of GeometryConfig; omitted fields keep the CLIC-like default).")
  var geometry: String?

  @Option(parsing: .unconditional, help: "Production cut as a range, mm.")
  var rangeCut: Double = 0.7

  @Option(parsing: .unconditional, help: "Showers simulated and written per batch.")
  var batchSize = 100

  @Flag(help: "Print the geometry (materials with X0, Ec, RM and cuts; layers) and exit.")
  var describeGeometry = false

  @Flag(
    help: ArgumentHelp(
      "Record each shower's measured CPU seconds in cpu_s (default 0).",
      discussion:
        "Timings vary from run to run, so with this flag the same seed no longer gives a byte-identical file."
    ))
  var cpuTime = false

  @Flag(help: "No progress bar.")
  var quiet = false

  func validate() throws {
    try OptionCheck.positive(events, "--events")
    try OptionCheck.positive(threads, "--threads")
    try OptionCheck.positive(batchSize, "--batch-size")
    try OptionCheck.nonNegative(smear, "--smear", unit: "mm")
    try OptionCheck.positive(rangeCut, "--range-cut", unit: "mm")
    guard ParticleKind(name: particle) != nil else {
      throw ValidationError("unknown particle '\(particle)'; use e-, e+ or gamma")
    }
    guard ["uniform", "log"].contains(energyDist) else {
      throw ValidationError("unknown --energy-dist '\(energyDist)'; use uniform or log")
    }
    if !describeGeometry, output == nil { throw ValidationError("give --output FILE.h5") }
  }

  func run() async throws {
    if let output { try OutputCheck.file(output, inputs: [geometry].compactMap { $0 }) }
    let config = try loadGeometry()
    var settings = PhysicsSettings()
    settings.rangeCut = rangeCut
    if let overrides = ProcessInfo.processInfo.environment["CALOTWIN_PHYSICS"] {
      settings = try Self.override(settings, json: overrides)
    }
    let simulator = try runReporting {
      try ShowerSimulator(geometry: config, generator: try generator(), settings: settings, seed: seed)
    }
    if describeGeometry {
      print(simulator.detector.describe(cuts: simulator.cuts))
      return
    }
    let detector = simulator.detector
    let shape = [detector.config.cellsX, detector.config.cellsY, detector.readoutLayers]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let geometryJSON = String(decoding: try encoder.encode(config), as: UTF8.self)
    let physicsJSON = String(decoding: try encoder.encode(settings), as: UTF8.self)
    let writer = try runReporting {
      try ShowerFileWriter(
        at: URL(fileURLWithPath: output!), cellShape: shape,
        generator: GeneratorInfo(program: "calotwin simulate", version: CaloTwinVersion.string, seed: seed),
        geometry: geometryJSON, attributes: ["physics": physicsJSON, "production_cut_mm": "\(rangeCut)"])
    }
    let bar = ProgressBar(total: events, unit: "showers", quiet: quiet)
    var start = 0
    while start < events {
      let end = min(events, start + batchSize)
      let records = await simulator.simulate(events: start..<end, threads: threads) { bar.advance() }
      let batch = ShowerBatch(records: records, cellShape: shape, cpuTime: cpuTime)
      try runReporting { try writer.append(batch) }
      start = end
    }
    try runReporting { try writer.finish() }
    bar.finish()
  }

  /// The primary generator from the options (GeV and degrees converted to MeV and radians).
  func generator() throws(SimulationError) -> PrimaryGenerator {
    let kind = ParticleKind(name: particle)!
    let energies = try primary.energiesMeV()
    var spectrum = PrimaryGenerator.Spectrum.fixed(energies.lowerBound)
    if primary.energyRange != nil {
      spectrum =
        energyDist == "log"
        ? .logUniform(energies.lowerBound, energies.upperBound)
        : .uniform(energies.lowerBound, energies.upperBound)
    }
    let angles = try primary.anglesRadians()
    var angle = PrimaryGenerator.Spectrum.fixed(angles.lowerBound)
    if primary.thetaRange != nil { angle = .uniform(angles.lowerBound, angles.upperBound) }
    return PrimaryGenerator(particle: kind, energy: spectrum, theta: angle, positionSmearing: smear)
  }

  /// `range(_:name:)` for `validate()`: a usage error naming the option.
  static func checkedRange(_ text: String, name: String) throws -> (Double, Double) {
    do {
      return try range(text, name: name)
    } catch {
      throw ValidationError(error.message)
    }
  }

  static func range(_ text: String, name: String) throws(SimulationError) -> (Double, Double) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
      .map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let a = parts[0], let b = parts[1], a.isFinite, b.isFinite, a <= b else {
      throw SimulationError(
        code: .invalidPrimary, message: "\(name) '\(text)' is not LOW:HIGH with finite LOW <= HIGH")
    }
    return (a, b)
  }

  /// Expert override of physics settings from a JSON object (environment CALOTWIN_PHYSICS), e.g.
  /// `{"straggling": false}`; for studies only.
  static func override(_ settings: PhysicsSettings, json: String) throws -> PhysicsSettings {
    let base = try JSONSerialization.jsonObject(with: JSONEncoder().encode(settings)) as! [String: Any]
    guard let extra = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      throw ValidationError("CALOTWIN_PHYSICS is not a JSON object: \(json)")
    }
    let known = base.keys.sorted()
    for key in extra.keys.sorted() where base[key] == nil {
      throw ValidationError(
        "CALOTWIN_PHYSICS: unknown key '\(key)'\(didYouMean(key, in: known)) (keys: \(known.joined(separator: ", ")))"
      )
    }
    let merged = base.merging(extra) { $1 }
    do {
      return try JSONDecoder().decode(
        PhysicsSettings.self, from: JSONSerialization.data(withJSONObject: merged))
    } catch let DecodingError.dataCorrupted(context) {
      throw ValidationError(
        "CALOTWIN_PHYSICS: key '\(dottedPath(context.codingPath))': \(context.debugDescription)")
    } catch let DecodingError.typeMismatch(type, context) {
      throw ValidationError("CALOTWIN_PHYSICS: key '\(dottedPath(context.codingPath))' must be a \(type)")
    }
  }

  /// The geometry: the built-in CLIC-like stack or a YAML file, decoded strictly (unknown keys, wrong
  /// types and out-of-range numbers are errors with file, line and key; exit status 2).
  func loadGeometry() throws -> GeometryConfig {
    guard let geometry else { return .clicLike }
    return try runReporting { try GeometryConfig.load(contentsOf: geometry) }
  }

}
