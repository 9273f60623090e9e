public import Foundation

/// An overview of a shower file: layout, datasets, attributes and shower statistics.
///
/// The statistics are computed in one streaming pass of `chunkSize` showers at a time, so any
/// file size works. Energies are in MeV, angles in radians. `calotwin inspect` prints it.
///
/// ```swift
/// let summary = try ShowerFileSummary(contentsOf: url)
/// print(summary.text)
/// ```
public struct ShowerFileSummary: Sendable, Equatable, Codable {
  /// How many showers had each primary PDG code.
  public struct PDGCount: Sendable, Equatable, Codable {
    /// PDG code (11 = e−, 22 = γ; 0 when the file does not say).
    public var pdgID: Int32
    /// Number of showers.
    public var count: Int

    /// Creates a count.
    public init(pdgID: Int32, count: Int) {
      self.pdgID = pdgID
      self.count = count
    }
  }

  /// File path.
  public var file: String
  /// File size in bytes.
  public var fileSize: Int
  /// Layout found.
  public var layout: ShowerLayout
  /// Number of showers.
  public var count: Int
  /// Shape of one shower.
  public var cellShape: [Int]
  /// Every dataset of the root group.
  public var datasets: [ShowerDatasetInfo]
  /// File attributes as text.
  public var attributes: [String: String]
  /// Smallest and largest primary energy in MeV (0 for an empty file).
  public var energyMin: Double
  /// Largest primary energy in MeV.
  public var energyMax: Double
  /// The distinct primary energies in MeV, ascending, when there are at most 12; otherwise `nil`.
  public var energyValues: [Double]?
  /// Smallest polar angle in radians.
  public var thetaMin: Double
  /// Largest polar angle in radians.
  public var thetaMax: Double
  /// Mean over showers of the summed cell energy, in MeV.
  public var meanTotalEnergy: Double
  /// Smallest and largest summed cell energy of one shower, in MeV.
  public var totalEnergyMin: Double
  /// Largest summed cell energy of one shower, in MeV.
  public var totalEnergyMax: Double
  /// Showers per PDG code, most frequent first.
  public var pdgIDs: [PDGCount]

  /// Reads a file and summarises it.
  ///
  /// - Parameters:
  ///   - url: Shower file.
  ///   - options: See `ShowerReadOptions`.
  ///   - chunkSize: Showers read at a time (memory ≈ chunkSize × cells × 4 bytes).
  /// - Throws: `ShowerIOError` from opening or reading.
  public init(
    contentsOf url: URL, options: ShowerReadOptions = ShowerReadOptions(), chunkSize: Int = 64
  ) throws(ShowerIOError) {
    let reader = try ShowerFileReader(at: url, options: options)
    try self.init(reader: reader, chunkSize: chunkSize)
  }

  /// Summarises an open reader's file (reads every shower once).
  public init(reader: ShowerFileReader, chunkSize: Int = 64) throws(ShowerIOError) {
    file = reader.url.path
    fileSize = (try? FileManager.default.attributesOfItem(atPath: reader.url.path)[.size] as? Int) ?? 0
    layout = reader.layout
    count = reader.count
    cellShape = reader.cellShape
    datasets = try reader.datasets()
    attributes = reader.attributes
    var energies = Set<Double>()
    var pdg: [Int32: Int] = [:]
    var (eMin, eMax, tMin, tMax) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
    var (sum, sMin, sMax) = (0.0, Double.infinity, -Double.infinity)
    for range in reader.chunkRanges(size: chunkSize) {
      let batch = try reader.read(range)
      for (i, total) in batch.totalEnergies.enumerated() {
        sum += total
        sMin = min(sMin, total)
        sMax = max(sMax, total)
        eMin = min(eMin, batch.energy[i])
        eMax = max(eMax, batch.energy[i])
        tMin = min(tMin, batch.theta[i])
        tMax = max(tMax, batch.theta[i])
        pdg[batch.pdgID[i], default: 0] += 1
        if energies.count <= 12 { energies.insert(batch.energy[i]) }
      }
    }
    let empty = count == 0
    energyMin = empty ? 0 : eMin
    energyMax = empty ? 0 : eMax
    energyValues = energies.count <= 12 ? energies.sorted() : nil
    thetaMin = empty ? 0 : tMin
    thetaMax = empty ? 0 : tMax
    meanTotalEnergy = empty ? 0 : sum / Double(count)
    totalEnergyMin = empty ? 0 : sMin
    totalEnergyMax = empty ? 0 : sMax
    pdgIDs = pdg.map { PDGCount(pdgID: $0.key, count: $0.value) }
      .sorted { ($0.count, -$0.pdgID) > ($1.count, -$1.pdgID) }
  }
}
