import ArgumentParser
import Core
import Foundation
import ShowerIO

#if canImport(Glibc)
  import Glibc
#endif

/// `calotwin convert input.root … --output showers.h5`: Geant4 ROOT ntuples of sparse cells to a
/// dense HDF5 shower file (CaloTwin or CaloChallenge layout).
struct ConvertCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Convert Geant4 ROOT ntuples (sparse cells) into an HDF5 shower file.",
    discussion: """
      The mapping (tree, branches, shape, units) is layered: the defaults or --preset, then the keys a \
      YAML --mapping file states (unknown keys are errors with their line), then flags: a file changes \
      only what it states of the preset, and flags override both. Presets: par04 (Par04's events or virtualReadout/global \
      ntuples → CaloChallenge (z, α, r) voxels, 45×50×18) and cells-xyz (EnergyMC, Theta, EnergyCell, \
      xCell, yCell, zCell → CaloTwin 51×51×25). Inputs may be globs; files are converted in parallel and \
      written in order to a temporary file that is renamed into place at the end.
      """)

  @Argument(help: "ROOT files or glob patterns ('run_*.root').")
  var inputs: [String]

  @Option(name: .shortAndLong, help: "HDF5 file to write (replaced atomically).")
  var output: String

  @Option(help: "Mapping preset: \(ConversionMapping.presetNames.joined(separator: ", ")).")
  var preset: String?

  @Option(help: "YAML mapping file (keys of ConversionMapping; only what differs from the defaults).")
  var mapping: String?

  @Option(help: "Output layout: calotwin or calochallenge.")
  var layout: String?

  @Option(help: "Tree with the cells (a path such as ntuples/events).")
  var tree: String?

  @Option(help: "Tree with the primary energy and angle, when different.")
  var energyTree: String?

  @Option(help: "Branch with the primary energy.")
  var primaryEnergy: String?

  @Option(help: "Branch with the polar angle.")
  var theta: String?

  @Option(help: "Branch with the cell energies.")
  var cellEnergy: String?

  @Option(help: "Cell index branches, slowest axis first, comma-separated (zCell,phiCell,rhoCell).")
  var indices: String?

  @Option(help: "Dense shape, one extent per index branch, comma-separated (45,50,18).")
  var shape: String?

  @Option(parsing: .unconditional, help: "Factor from stored cell energies to MeV.")
  var energyScale: Double?

  @Option(parsing: .unconditional, help: "Factor from the stored primary energy to MeV.")
  var primaryEnergyScale: Double?

  @Option(parsing: .unconditional, help: "Factor from the stored angle to radians.")
  var angleScale: Double?

  @Option(parsing: .unconditional, help: "PDG code written for every shower (-11 for positrons).")
  var pdgID: Int32?

  @Option(
    parsing: .unconditional, help: "Entries per chunk (memory: chunk × cells × 4 bytes per parallel job).")
  var chunk: Int = 500

  @Option(parsing: .unconditional, help: "Chunks converted in parallel (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "No progress bar.")
  var quiet = false

  func validate() throws {
    try OptionCheck.positive(chunk, "--chunk")
    try OptionCheck.positive(jobs, "--jobs")
    try OptionCheck.positive(energyScale, "--energy-scale")
    try OptionCheck.positive(primaryEnergyScale, "--primary-energy-scale")
    try OptionCheck.positive(angleScale, "--angle-scale")
    if let shape {
      let extents = shape.split(separator: ",", omittingEmptySubsequences: false)
        .map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard !extents.isEmpty, extents.allSatisfy({ ($0 ?? 0) > 0 }) else {
        throw ValidationError(
          "--shape must be positive integers separated by commas (45,50,18), got '\(shape)'")
      }
    }
    if let layout, ConversionMapping.Layout(rawValue: layout) == nil {
      throw ValidationError("unknown layout '\(layout)'; use calotwin or calochallenge")
    }
  }

  /// The mapping layered from the defaults or the preset, the keys of the mapping file, then the flags
  /// (each layer changes only what it states).
  func resolvedMapping() throws -> ConversionMapping {
    var m = ConversionMapping()
    if let preset { m = try ConversionMapping.preset(preset) }
    if let mapping { m = try ConversionMapping.load(contentsOf: mapping, over: m) }
    if let layout { m.layout = ConversionMapping.Layout(rawValue: layout)! }
    if let tree { m.trees = [tree] }
    if let energyTree { m.energyTrees = [energyTree] } else if tree != nil { m.energyTrees = [] }
    if let primaryEnergy { m.primaryEnergy = primaryEnergy }
    if let theta { m.theta = theta }
    if let cellEnergy { m.cellEnergy = cellEnergy }
    if let indices {
      m.indices = indices.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }
    if let shape {
      let extents = shape.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard extents.allSatisfy({ $0 != nil }) else {
        throw ShowerIOError(.badMapping, "--shape '\(shape)' is not a comma-separated list of integers")
      }
      m.shape = extents.map { $0! }
    }
    if let energyScale { m.energyScale = energyScale }
    if let primaryEnergyScale { m.primaryEnergyScale = primaryEnergyScale }
    if let angleScale { m.angleScale = angleScale }
    if let pdgID { m.pdgID = pdgID }
    try m.validate()
    return m
  }

  /// Input paths with glob patterns expanded, in the given order (each pattern's matches sorted).
  func expandedInputs() throws -> [String] {
    var paths: [String] = []
    for input in inputs {
      guard input.contains(where: { "*?[".contains($0) }) else {
        paths.append(input)
        continue
      }
      var result = glob_t()
      defer { globfree(&result) }
      guard glob(input, 0, nil, &result) == 0 else {
        throw ShowerIOError(.fileNotFound, "no file matches '\(input)'")
      }
      let matches = (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
      paths += matches.sorted()
    }
    return paths
  }

  func run() async throws {
    do {
      let paths = try expandedInputs()
      try OutputCheck.file(output, inputs: paths + [mapping].compactMap { $0 })
      let mapping = try resolvedMapping()
      let chunk = self.chunk
      let sources = try await withThrowingTaskGroup(of: (Int, ROOTShowerSource).self) { group in
        for (i, path) in paths.enumerated() {
          group.addTask { (i, try ROOTShowerSource(path: path, mapping: mapping, chunkEntries: chunk)) }
        }
        var opened = [ROOTShowerSource?](repeating: nil, count: paths.count)
        for try await (i, source) in group { opened[i] = source }
        return opened.map { $0! }
      }
      let total = sources.reduce(0) { $0 + $1.cellTree.entries }
      let bar = ProgressBar(total: total, unit: "events", quiet: quiet)
      let layout: ShowerLayout = mapping.layout == .calochallenge ? .caloChallenge : .caloTwin
      let writer = try ShowerFileWriter(
        at: URL(fileURLWithPath: output), layout: layout, cellShape: mapping.cellShape,
        generator: GeneratorInfo(program: "calotwin convert", version: CaloTwinVersion.string),
        attributes: ["source": paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")],
        inputs: paths)
      var last = 0
      let summary = try await ROOTConversion.run(
        sources: sources, concurrency: jobs,
        progress: { done in
          bar.advance(by: done - last)
          last = done
        },
        prepare: { ShowerFileWriter.prepare($0, layout: layout) },
        write: { prepared in try writer.append(prepared) })
      try writer.finish()
      bar.finish()
      var text = summary.text
      text += "\nwrote \(output) (\(mapping.layout.rawValue) layout, cells \(mapping.cellShape))"
      FileHandle.standardError.write(Data((text + "\n").utf8))
    } catch let error as any CaloTwinError {
      throw reportError(error)
    }
  }
}
