internal import CHDF5
internal import Core
public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes showers to an HDF5 file in the CaloTwin or CaloChallenge layout, batch by batch.
///
/// Datasets are created chunked and extendible along the event axis, so a simulation or a
/// conversion can append as it goes without holding the file in memory. Everything is written through
/// Core's `AtomicFile`: a hidden temporary beside the target (`.name.tmp-PID-RANDOM`) that `finish()`
/// flushes and renames into place. A writer that is dropped unfinished (after an error, for example), or
/// a process stopped by SIGINT/SIGTERM, removes the temporary file, so a half-written file never carries
/// the final name. The output obeys `OutputTarget`'s rules: no FIFO or device replaced, a symbolic link
/// written through, never one of the inputs.
///
/// CaloTwin layout: `ECAL` float32 `[N, 51, 51, 25]` MeV (chunks of one shower, gzip 4, attribute
/// `unit = "MeV"`), `energy` float32 `[N]` GeV, `theta` float32 `[N]` rad, `pdgID` int32 `[N]`,
/// the batch's extras as float64 `[N]`, and string file attributes (`unit`, `energy_unit`,
/// `theta_unit`, `generator` as JSON, `geometry` and any others given).
/// CaloChallenge layout: `showers` float32 `[N, voxels]` MeV (gzip 4) and `incident_energies`
/// float32 `[N, 1]` MeV; angles, PDG codes and extras are not stored.
///
/// ```swift
/// let writer = try ShowerFileWriter(at: url, generator: GeneratorInfo(program: "calotwin", version: "0.1.0"))
/// try writer.append(batch); try writer.finish()
/// ```
public final class ShowerFileWriter {
  /// Final location of the file.
  public let url: URL
  /// Layout written: `.caloTwin` or `.caloChallenge`.
  public let layout: ShowerLayout
  /// Shape of one shower, for example `[51, 51, 25]`, or `[voxels]` for CaloChallenge.
  public let cellShape: [Int]
  /// Number of showers appended so far.
  public internal(set) var count = 0

  /// The temporary file and its commit.
  let atomic: AtomicFile
  /// Path of the temporary file.
  var temporaryPath: String { atomic.temporary.path }
  /// The open temporary file; `nil` once finished.
  var currentFile: HDF5File?
  /// Extras fixed by the first non-empty batch.
  var extraNamesSoFar: [String]?
  /// `true` once the file has been renamed into place.
  var finished = false

  /// gzip level of the cell datasets.
  static let gzipLevel = 4

  /// Starts a new file.
  ///
  /// - Parameters:
  ///   - url: Where the finished file goes; an existing file is replaced on `finish()`.
  ///   - layout: `.caloTwin` (default) or `.caloChallenge`; `.lcd` is read-only.
  ///   - cellShape: Shape of one shower; `[51, 51, 25]` by default.
  ///   - generator: Program, version and seed, stored as JSON in the attribute `generator`.
  ///   - geometry: Detector description, stored in the attribute `geometry`.
  ///   - attributes: Further file attributes (strings).
  ///   - inputs: Files the command reads; the output may not be one of them (by path or link).
  /// - Throws: `invalidArgument` for the LCD layout, an empty shape or an output that is an input or
  ///   not a regular file; `writeFailed` when the temporary file cannot be created.
  public init(
    at url: URL, layout: ShowerLayout = .caloTwin, cellShape: [Int] = [51, 51, 25],
    generator: GeneratorInfo? = nil, geometry: String? = nil, attributes: [String: String] = [:],
    inputs: [String] = []
  ) throws(ShowerIOError) {
    guard layout != .lcd else {
      throw ShowerIOError(
        .invalidArgument, "the LCD layout is read-only; write .caloTwin or .caloChallenge", file: url.path)
    }
    guard !cellShape.isEmpty, cellShape.allSatisfy({ $0 > 0 }) else {
      throw ShowerIOError(
        .invalidArgument, "cell shape \(cellShape) must have positive sizes", file: url.path)
    }
    self.url = url
    self.layout = layout
    self.cellShape = layout == .caloChallenge ? [cellShape.reduce(1, *)] : cellShape
    do {
      atomic = try AtomicFile(url, inputs: inputs)
    } catch {
      throw ShowerIOError(error)
    }
    let file = try HDF5File.create(atomic.temporary.path, shownAs: url.path)
    currentFile = file
    var all = attributes
    if let generator { all["generator"] = generator.json }
    if let geometry { all["geometry"] = geometry }
    try createDatasets(in: file, attributes: all)
  }

  deinit {
    guard !finished else { return }
    currentFile = nil  // closes the HDF5 file
    atomic.discard()
  }

  private func createDatasets(in file: HDF5File, attributes: [String: String]) throws(ShowerIOError) {
    let layout = layout
    let cellShape = cellShape
    try HDF5Library.locked { () throws(ShowerIOError) in
      switch layout {
      case .caloChallenge:
        let voxels = cellShape[0]
        try file.createGrowingDataset(
          "showers", rowShape: [voxels], fileType: swh5_ieee_f32le(),
          chunkRows: max(1, min(1024, 65536 / voxels)), gzipLevel: Self.gzipLevel)
        try file.createGrowingDataset(
          "incident_energies", rowShape: [1], fileType: swh5_ieee_f32le(), chunkRows: 1024, gzipLevel: nil)
      case .caloTwin, .lcd:
        try file.createGrowingDataset(
          "ECAL", rowShape: cellShape, fileType: swh5_ieee_f32le(), chunkRows: 1, gzipLevel: Self.gzipLevel)
        let ecal = try file.openDataset("ECAL")
        try file.writeAttribute("unit", "MeV", on: ecal.id, dataset: "ECAL")
        for (name, type) in [
          ("energy", swh5_ieee_f32le()), ("theta", swh5_ieee_f32le()), ("pdgID", swh5_std_i32le()),
        ] {
          try file.createGrowingDataset(name, rowShape: [], fileType: type, chunkRows: 1024, gzipLevel: nil)
        }
        var fileAttributes = ["unit": "MeV", "energy_unit": "GeV", "theta_unit": "rad"]
        fileAttributes.merge(attributes) { $1 }
        for (name, value) in fileAttributes.sorted(by: { $0.key < $1.key }) {
          try file.writeAttribute(name, value, on: file.id)
        }
      }
      if layout == .caloChallenge {
        for (name, value) in attributes.sorted(by: { $0.key < $1.key }) {
          try file.writeAttribute(name, value, on: file.id)
        }
      }
    }
  }
}
