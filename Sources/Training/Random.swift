internal import Foundation

/// A small, fast, seedable generator (xoshiro256**), seeded through SplitMix64.
///
/// Training derives one stream per purpose and step (`RandomStream(seed:, stream:, index:)`), so
/// nothing random has to be saved in a checkpoint: resuming at step n redraws exactly what the
/// uninterrupted run drew.
public struct RandomStream: RandomNumberGenerator, Sendable {
  private var s: (UInt64, UInt64, UInt64, UInt64)

  /// A stream for `(seed, stream, index)`; different triples give independent-looking sequences.
  public init(seed: UInt64, stream: UInt64 = 0, index: UInt64 = 0) {
    var x = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (index &* 0xD1B5_4A32_D192_ED03)
    func next() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s = (next(), next(), next(), next())
  }

  public mutating func next() -> UInt64 {
    let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
    let t = s.1 << 17
    s.2 ^= s.0
    s.3 ^= s.1
    s.1 ^= s.2
    s.0 ^= s.3
    s.2 ^= t
    s.3 = s.3 << 45 | s.3 >> 19
    return result
  }

  /// A uniform draw in [0, 1).
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// `count` standard-normal draws (Box–Muller).
  public mutating func normals(_ count: Int) -> [Float] {
    var out: [Float] = []
    out.reserveCapacity(count + 1)
    while out.count < count {
      let u1 = max(uniform(), 1e-300)
      let u2 = uniform()
      let r = (-2 * log(u1)).squareRoot()
      out.append(Float(r * cos(2 * .pi * u2)))
      out.append(Float(r * sin(2 * .pi * u2)))
    }
    return Array(out.prefix(count))
  }
}

/// Purposes of the random streams, so that each gets its own sequence.
enum Streams {
  static let noise: UInt64 = 1
  static let flips: UInt64 = 2
  static let shuffle: UInt64 = 3
  static let split: UInt64 = 4
  static let dropout: UInt64 = 5
}
