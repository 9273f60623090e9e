public import Foundation

/// The one seeded random-number scheme of CaloTwin: a xoshiro256** stream named by (seed, stream, index).
///
/// Every random draw of a run comes from a stream derived from the run's seed and a key that says what the
/// draw is for, never from shared state, so results do not depend on thread count, rank count, scheduling or
/// where a run was resumed:
///
/// | user | `stream` | `index` |
/// |---|---|---|
/// | Simulation | event number | 0 |
/// | Training | purpose (noise, flips, shuffle, split, dropout) | step, epoch or row key |
/// | Validation resampling | seeded `SplitMix64` per round | — |
///
/// A sharded or multi-threaded run takes the same (seed, stream, index) keys that one process would, so it
/// stays bit-identical. The key is expanded by SplitMix64 (Vigna's seeding recommendation); for `index == 0`
/// the derivation is the one CaloTwin's simulator has always used, so simulated files are unchanged.
///
/// ```swift
/// var rng = RandomStream(seed: 42, stream: 7)
/// let u = rng.uniform()  // in (0, 1]
/// ```
@frozen
public struct RandomStream: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates stream (`stream`, `index`) of a run with seed `seed`.
  ///
  /// - Parameters:
  ///   - seed: The run's seed.
  ///   - stream: The first key: the event number (simulation) or the purpose (training).
  ///   - index: The second key: the step, epoch or row key; 0 for the simulator's event streams.
  public init(seed: UInt64, stream: UInt64, index: UInt64 = 0) {
    var sm = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (index &* 0xD1B5_4A32_D192_ED03))
    _ = sm.next()
    var mixed = SplitMix64(seed: sm.next() &+ stream &+ (index &* 0x8CB9_2BA7_2F3D_8DD7))
    s0 = mixed.next()
    s1 = mixed.next()
    s2 = mixed.next()
    s3 = mixed.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  /// The next 64 random bits.
  @inlinable @inline(__always)
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

  /// A uniform double in (0, 1]: never 0, so `log(uniform())` is finite; 53 random bits.
  @inlinable @inline(__always)
  public mutating func uniform() -> Double {
    Double((next() >> 11) &+ 1) * 0x1.0p-53
  }

  /// (cos φ, sin φ) of a uniform azimuth, without trigonometric calls (von Neumann).
  @inlinable @inline(__always)
  public mutating func azimuth() -> (Double, Double) {
    while true {
      let u = 2 * uniform() - 1
      let v = 2 * uniform() - 1
      let r2 = u * u + v * v
      if r2 <= 1, r2 > 1e-12 { return ((u * u - v * v) / r2, 2 * u * v / r2) }
    }
  }

  /// A standard normal deviate (Box–Muller, one value per call).
  @inlinable @inline(__always)
  public mutating func normal() -> Double {
    let r = (-2 * log(uniform())).squareRoot()
    return r * cos(2 * Double.pi * uniform())
  }

  /// `count` standard-normal draws as float32 (Box–Muller, both values of each pair used).
  public mutating func normals(_ count: Int) -> [Float] {
    var out: [Float] = []
    out.reserveCapacity(count + 1)
    while out.count < count {
      let r = (-2 * log(uniform())).squareRoot()
      let phi = 2 * Double.pi * uniform()
      out.append(Float(r * cos(phi)))
      out.append(Float(r * sin(phi)))
    }
    return Array(out.prefix(count))
  }
}

/// SplitMix64 (Steele, Lea and Flood): expands seeds for `RandomStream`, and serves as a small generator of
/// its own where a few draws per seed are needed (bootstrap resampling, shuffles).
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
  @usableFromInline var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `count` indices drawn uniformly with replacement from `0..<population`.
  public mutating func indices(count: Int, population: Int) -> [Int] {
    (0..<count).map { _ in Int.random(in: 0..<population, using: &self) }
  }
}
