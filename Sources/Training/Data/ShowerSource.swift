public import ShowerIO

/// Random access to the showers of one file (or an in-memory sample), in MeV and radians.
///
/// `ShowerFileReader` is one; `InMemoryShowerSource` serves tests and synthetic samples.
public protocol ShowerSource {
  /// Name for messages (the file path).
  var name: String { get }
  /// Number of showers.
  var count: Int { get }
  /// Shape of one shower's cells, for example `[51, 51, 25]`.
  var cellShape: [Int] { get }
  /// Reads showers `range` (MeV, radians).
  func showers(_ range: Range<Int>) throws -> ShowerBatch
  /// The file layout, for the dataset names of messages (CaloTwin unless the source says otherwise).
  var layout: ShowerLayout { get }
  /// Incident energies (MeV) and angles (rad) of showers `range`; a file reads them without the cells.
  func conditions(_ range: Range<Int>) throws -> (energy: [Double], theta: [Double])
}

extension ShowerSource {
  public var layout: ShowerLayout { .caloTwin }

  public func conditions(_ range: Range<Int>) throws -> (energy: [Double], theta: [Double]) {
    let batch = try showers(range)
    return (batch.energy, batch.theta)
  }
}

/// Showers held in memory.
public struct InMemoryShowerSource: ShowerSource, Sendable {
  public var name: String
  /// The showers.
  public var batch: ShowerBatch

  /// Wraps `batch` under `name`.
  public init(_ batch: ShowerBatch, name: String = "<memory>") {
    self.batch = batch
    self.name = name
  }

  public var count: Int { batch.count }
  public var cellShape: [Int] { batch.cellShape }

  public func showers(_ range: Range<Int>) throws -> ShowerBatch {
    var out = ShowerBatch(cellShape: batch.cellShape)
    let n = batch.cellsPerShower
    out.cells = Array(batch.cells[range.lowerBound * n..<range.upperBound * n])
    out.energy = Array(batch.energy[range])
    out.theta = Array(batch.theta[range])
    out.pdgID = Array(batch.pdgID[range])
    return out
  }
}
