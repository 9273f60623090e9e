import ArgumentParser
import Core
import Foundation
import Generation
import ShowerIO
import Simulation
import Torch

/// `calotwin generate`: showers from a trained model directory (3DGAN) or the Monte Carlo, for fixed
/// conditions, conditions in ranges or those of a shower file, into an HDF5 file (GeV and degrees on
/// the command line, MeV and radians in the file).
struct GenerateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Generate showers with a trained model (--model DIR) or the Monte Carlo (--backend mc).",
    discussion: """
      Conditions are fixed (--energy, --theta), uniform in ranges (--energy-range, --theta-range) or the
      (E, θ) of each shower of --conditions FILE.h5. The same seed gives the same showers for any
      --batch-size and --threads; with --backend mc and fixed conditions they are the showers
      `calotwin simulate` writes for the same seed. Conditions outside the model card's range are
      refused unless --allow-extrapolation.

        calotwin generate --model runs/a/model --energy 50 --events 1000 --output gen.h5
        calotwin generate --backend mc --conditions sim.h5 --output mc.h5
      """)

  @Option(help: "Model directory (generator.safetensors, config.json, model-card.json) for the gan backend.")
  var model: String?

  @Option(help: "Backend: gan (needs --model) or mc (the built-in Monte Carlo).")
  var backend: String?

  @Option(help: "Geometry YAML file for --backend mc (default: the CLIC-like stack).")
  var geometry: String?

  @OptionGroup var primary: ConditionOptions

  @Option(help: "Shower file whose (E, θ) per event are the conditions (overrides energy and angle options).")
  var conditions: String?

  @Option(parsing: .unconditional, help: "Number of showers (default 100, or all of --conditions).")
  var events: Int?

  @Option(parsing: .unconditional, help: "Showers generated and written per batch.")
  var batchSize = 100

  @Option(parsing: .unconditional, help: "Threads (tensor engine or simulator).")
  var threads = 1

  @Option(parsing: .unconditional, help: "Random seed; the same seed gives the same showers.")
  var seed: UInt64 = 1

  @Option(help: "Output HDF5 file.")
  var output: String

  @Flag(help: "Accept conditions outside the model card's range.")
  var allowExtrapolation = false

  @Flag(help: "No progress bar.")
  var quiet = false

  func validate() throws {
    try OptionCheck.positive(events, "--events")
    try OptionCheck.positive(threads, "--threads")
    try OptionCheck.positive(batchSize, "--batch-size")
    switch backend ?? (model == nil ? nil : "gan") {
    case "gan": if model == nil { throw ValidationError("--backend gan needs --model DIR") }
    case "mc": if model != nil { throw ValidationError("--backend mc takes no --model") }
    case nil: throw ValidationError("give --model DIR or --backend mc")
    case let other?: throw ValidationError("unknown --backend '\(other)'; use gan or mc")
    }
    if geometry != nil, model != nil { throw ValidationError("--geometry is for --backend mc only") }
  }

  func run() async throws {
    let inputs = [conditions, geometry].compactMap { $0 } + modelFiles
    try OutputCheck.file(output, inputs: inputs)
    let requests = try runReporting { try conditionList() }
    let (generator, attributes) = try runReporting { try makeGenerator() }
    try runReporting { try generator.checkConditions(requests) }
    let writer = try runReporting {
      try ShowerFileWriter(
        at: URL(fileURLWithPath: output), cellShape: generator.cellShape,
        generator: GeneratorInfo(program: "calotwin generate", version: CaloTwinVersion.string, seed: seed),
        geometry: attributes.geometry, attributes: attributes.other, inputs: inputs)
    }
    let bar = ProgressBar(total: requests.count, unit: "showers", quiet: quiet)
    try runReporting {
      try generator.generate(requests, seed: seed, batchSize: batchSize) { batch in
        try writer.append(batch)
        bar.advance(by: batch.count)
      }
      try writer.finish()
    }
    bar.finish()
  }

  /// The model directory's files (inputs the output may not alias).
  var modelFiles: [String] {
    guard let model else { return [] }
    return [ModelDirectory.weightsFile, ModelDirectory.configFile, ModelDirectory.cardFile].map {
      URL(fileURLWithPath: model).appendingPathComponent($0).path
    }
  }

  /// The conditions from the options (GeV and degrees converted to MeV and radians).
  func conditionList() throws -> [ShowerCondition] {
    if let conditions {
      return try ConditionSampler.fromFile(URL(fileURLWithPath: conditions), count: events)
    }
    return ConditionSampler.uniform(
      count: events ?? 100, energyMeV: try primary.energiesMeV(), thetaRad: try primary.anglesRadians(),
      seed: seed)
  }

  /// The backend and the file attributes it records.
  func makeGenerator() throws -> (any ShowerGenerator, (geometry: String?, other: [String: String])) {
    if let model {
      Torch.threadCount = threads
      let gan = try GANGenerator(
        directory: URL(fileURLWithPath: model), allowExtrapolation: allowExtrapolation)
      return (gan, (gan.card.geometry, ["model": model, "backend": "gan"]))
    }
    let config = try geometry.map { try GeometryConfig.load(contentsOf: $0) } ?? .clicLike
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let geometryJSON = String(decoding: try encoder.encode(config), as: UTF8.self)
    let physicsJSON = String(decoding: try encoder.encode(PhysicsSettings()), as: UTF8.self)
    let mc = try MonteCarloGenerator(geometry: config, seed: seed, threads: threads)
    return (mc, (geometryJSON, ["physics": physicsJSON, "production_cut_mm": "0.7", "backend": "mc"]))
  }
}
