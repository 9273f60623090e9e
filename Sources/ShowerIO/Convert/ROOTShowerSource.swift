/// One input file prepared for conversion: its trees resolved, its entries cut into chunks.
///
/// ```swift
/// let source = try ROOTShowerSource(path: "run.root", mapping: .par04())
/// for range in source.chunks { let (batch, summary) = try source.convert(range) }
/// ```
public struct ROOTShowerSource: Sendable {
  /// Path of the input file.
  public let path: String
  /// The mapping in use.
  public let mapping: ConversionMapping
  /// Tree with the cells.
  public let cellTree: ROOTTree
  /// Tree with the primary energy (may be `cellTree`).
  public let energyTree: ROOTTree
  /// Entry ranges, aligned with the baskets of the cell-energy branch.
  public let chunks: [Range<Int>]
  /// Size of the file in bytes.
  public let fileSize: Int

  /// Opens `path` and checks that the mapping's trees and branches exist.
  ///
  /// - Parameters:
  ///   - chunkEntries: Most entries per chunk (memory: chunk × cells per shower × 4 bytes).
  /// - Throws: `ShowerIOError` naming the file and the missing tree or branch.
  public init(path: String, mapping: ConversionMapping, chunkEntries: Int = 1000) throws {
    try mapping.validate()
    let file = try ROOTFile(path: path)
    let names = file.trees.map(\.path)
    func pick(_ candidates: [String]) throws -> ROOTTree {
      // An exact path first; else a tree of that name in a subdirectory ("ntuples/events"),
      // as Geant4 writes with SetNtupleDirectoryName, when only one matches.
      let nested = candidates.lazy.compactMap { candidate in
        let matches = names.filter { $0.hasSuffix("/" + candidate) }
        return matches.count == 1 ? matches[0] : nil
      }
      guard let name = candidates.first(where: { names.contains($0) }) ?? nested.first else {
        throw ShowerIOError(
          .missingDataset,
          "no tree \(candidates.map { "'\($0)'" }.joined(separator: " or ")) in the file\(ShowerIOError.didYouMean(candidates[0], in: names)); trees: \(names.isEmpty ? "none" : names.joined(separator: ", ")). Set 'tree' in the mapping",
          file: path)
      }
      return try file.tree(name)
    }
    cellTree = try pick(mapping.trees)
    let energyCandidates = mapping.energyTrees.isEmpty ? [cellTree.path] : mapping.energyTrees
    energyTree = energyCandidates.contains(cellTree.path) ? cellTree : try pick(energyCandidates)
    guard energyTree.entries == cellTree.entries else {
      throw ShowerIOError(
        .badMapping,
        "tree '\(energyTree.path)' has \(energyTree.entries) entries but '\(cellTree.path)' has \(cellTree.entries); they must match entry by entry",
        file: path)
    }
    for name in [mapping.cellEnergy] + mapping.indices { _ = try cellTree.column(name) }
    for name in [mapping.primaryEnergy] + (mapping.theta.map { [$0] } ?? []) {
      _ = try energyTree.column(name)
    }
    self.path = path
    self.mapping = mapping
    self.fileSize = file.source.size
    chunks = cellTree.entryChunks(maxEntries: max(1, chunkEntries), aligningWith: mapping.cellEnergy)
  }

  /// Converts the entries `range` into dense showers.
  ///
  /// Entries whose cell branches have different lengths, or whose primary energy is not a finite
  /// non-negative number, are skipped and counted in the summary.
  ///
  /// - Returns: The showers, in entry order, and what was read and skipped.
  /// - Throws: `ShowerIOError` for unreadable data, naming the file, branch and basket.
  public func convert(_ range: Range<Int>) throws -> (ShowerBatch, ConversionSummary) {
    let m = mapping
    let energies = try cellTree.jagged(m.cellEnergy, as: Double.self, entries: range)
    let indices = try m.indices.map { try cellTree.jagged($0, as: Int32.self, entries: range) }
    let primary = try energyTree.array(m.primaryEnergy, as: Double.self, entries: range)
    let theta = try m.theta.map { try energyTree.array($0, as: Double.self, entries: range) }

    var summary = ConversionSummary()
    summary.eventsRead = range.count
    var batch = ShowerBatch(cellShape: m.cellShape)
    let n = m.cellsPerShower
    var cells = [Float](repeating: 0, count: range.count * n)
    var dense = SparseCells(shape: m.shape)
    var kept = 0
    let indexValues = indices.map(\.values)
    for event in 0..<range.count {
      let span = energies.offsets[event]..<energies.offsets[event + 1]
      guard
        indices.allSatisfy({
          $0.offsets[event] == span.lowerBound && $0.offsets[event + 1] == span.upperBound
        })
      else {
        summary.skipped["cell branches of different lengths", default: 0] += 1
        continue
      }
      let e = primary[event] * m.primaryEnergyScale
      guard e.isFinite, e >= 0 else {
        summary.skipped["primary energy not a finite non-negative number", default: 0] += 1
        continue
      }
      summary.cellsOutOfRange += dense.fill(
        energies: energies.values, indices: indexValues, range: span, scale: m.energyScale,
        into: &cells, base: kept * n)
      batch.energy.append(e)
      batch.theta.append(theta.map { $0[event] * m.angleScale } ?? m.defaultTheta)
      batch.pdgID.append(m.pdgID)
      kept += 1
    }
    cells.removeLast((range.count - kept) * n)
    batch.cells = cells
    summary.showersWritten = kept
    return (batch, summary)
  }
}
