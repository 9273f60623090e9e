internal import Foundation

/// A xoshiro256** random stream, seeded through SplitMix64.
///
/// One stream per event, derived from the run seed and the event index, so a shower does not
/// depend on which task simulates it.
///
/// ```swift
/// var rng = RandomStream(seed: 42, stream: 7)
/// let u = rng.uniform()  // in (0, 1]
/// ```
public struct RandomStream: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates the stream for event `stream` of a run with seed `seed`.
  public init(seed: UInt64, stream: UInt64) {
    var sm = SplitMix64(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
    _ = sm.next()
    var mixed = SplitMix64(state: sm.next() &+ stream)
    s0 = mixed.next()
    s1 = mixed.next()
    s2 = mixed.next()
    s3 = mixed.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  /// The next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform double in (0, 1]; never 0, so `log(uniform())` is finite.
  @inline(__always)
  public mutating func uniform() -> Double {
    Double((next() >> 11) &+ 1) * 0x1.0p-53
  }

  /// (cos φ, sin φ) of a uniform azimuth, without trigonometric calls (von Neumann).
  @inline(__always)
  public mutating func azimuth() -> (Double, Double) {
    while true {
      let u = 2 * uniform() - 1
      let v = 2 * uniform() - 1
      let r2 = u * u + v * v
      if r2 <= 1, r2 > 1e-12 { return ((u * u - v * v) / r2, 2 * u * v / r2) }
    }
  }

  /// A standard normal deviate (Box–Muller, one value per call).
  @inline(__always)
  public mutating func normal() -> Double {
    let r = (-2 * log(uniform())).squareRoot()
    return r * cos(2 * Double.pi * uniform())
  }
}

/// SplitMix64, used only to expand seeds.
struct SplitMix64 {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
