internal import Foundation

/// Log-spaced binning of single-cell energies: the cell-energy spectrum.
///
/// Ten bins per decade from 1e-4 MeV to 1e4 MeV; values below go to bin 0 and above to the last
/// bin. Only cells with energy above the extractor's threshold (and above 0) are counted.
public enum CellSpectrum {
  /// Lower edge of the first bin, log10(MeV).
  public static let lowestDecade = -4.0
  /// Bins per decade.
  public static let perDecade = 10
  /// Number of bins.
  public static let bins = 80

  /// Bin of a cell energy in MeV: 0 for energies below the first edge, 0 and NaN, the last bin for
  /// energies above the last edge and +inf (the position is clamped before it becomes an `Int`).
  public static func bin(of energy: Double) -> Int {
    let position = ((log10(energy) - lowestDecade) * Double(perDecade)).rounded(.down)
    guard position >= 0 else { return 0 }  // also NaN
    return position < Double(bins - 1) ? Int(position) : bins - 1
  }

  /// Bin edges in MeV, `bins + 1` values.
  public static var edges: [Double] {
    (0...bins).map { pow(10, lowestDecade + Double($0) / Double(perDecade)) }
  }
}
