internal import Foundation

/// A log-uniform kinetic-energy grid shared by every table: 1 keV to 10 TeV, 50 points a decade.
struct EnergyGrid: Sendable {
  static let minEnergy = 1e-3
  static let maxEnergy = 1e7
  static let perDecade = 50
  static let count = 10 * perDecade + 1
  // Literal values, so that the hot path reads constants instead of lazily initialised globals
  // (swift_once on every access); they are bit for bit log(minEnergy), log(10)/perDecade and
  // 1/step (checked by a test).
  /// ln(minEnergy).
  static let lnMin = -0x1.ba18a998fffap+2
  /// Node spacing in ln E.
  static let step = 0x1.79416b2d3a01cp-5
  /// 1 / step.
  static let invStep = 0x1.5b6f8288662f3p+4

  /// Energy of node `i`, MeV.
  static func energy(_ i: Int) -> Double { exp(lnMin + Double(i) * step) }

  /// Node index and fraction for a linear interpolation in ln E.
  @inline(__always)
  static func locate(_ e: Double) -> (Int, Double) {
    let x = (log(max(e, minEnergy)) - lnMin) * invStep
    let i = min(Int(x), count - 2)
    return (i, x - Double(i))
  }
}

/// A table on `EnergyGrid`.
struct EnergyTable: Sendable {
  var values: [Double]

  init(_ f: (Double) -> Double) {
    values = (0..<EnergyGrid.count).map { f(EnergyGrid.energy($0)) }
  }

  @inline(__always)
  func at(_ i: Int, _ f: Double) -> Double {
    values.withUnsafeBufferPointer { v in v[i] + f * (v[i + 1] - v[i]) }
  }

  @inline(__always)
  func callAsFunction(_ e: Double) -> Double {
    let (i, f) = EnergyGrid.locate(e)
    return at(i, f)
  }
}
