internal import Foundation
public import ShowerIO

extension ShowerFileReader: ShowerSource {
  /// The file's path.
  public var name: String { url.path }

  /// Reads showers `range` (MeV, radians).
  public func showers(_ range: Range<Int>) throws -> ShowerBatch { try read(range) }
}

/// Opens a shower file (CaloTwin, LCD or CaloChallenge layout, detected) as a `ShowerSource`.
///
/// - Throws: `ShowerIOError` naming the file and what is wrong.
func openShowerFile(_ url: URL) throws -> any ShowerSource {
  try ShowerFileReader(at: url)
}
