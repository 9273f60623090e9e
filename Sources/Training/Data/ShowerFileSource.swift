internal import Foundation
public import ShowerIO

extension ShowerFileReader: ShowerSource {
  /// The file's path.
  public var name: String { url.path }

  /// Reads showers `range` (MeV, radians).
  public func showers(_ range: Range<Int>) throws -> ShowerBatch { try read(range) }

  /// Energies and angles of showers `range`, without reading their cells.
  public func conditions(_ range: Range<Int>) throws -> (energy: [Double], theta: [Double]) {
    try readConditions(range)
  }
}

/// Opens a shower file (CaloTwin, LCD or CaloChallenge layout, detected) as a `ShowerSource`.
///
/// - Throws: `ShowerIOError` naming the file and what is wrong.
func openShowerFile(_ url: URL) throws -> any ShowerSource {
  try ShowerFileReader(at: url)
}
