import Foundation
import Testing

@testable import Core

/// The one random-number scheme: xoshiro256** against the reference outputs of Blackman and Vigna's C code,
/// SplitMix64 against its reference, the key derivation, intervals and the normal deviates.
@Suite struct RandomStreamTests {
  @Test func xoshiroMatchesTheReferenceImplementation() {
    // State {1, 2, 3, 4}: the first outputs of xoshiro256starstar.c (computed with Python integers).
    var rng = RandomStream(seed: 0, stream: 0)
    rng.s0 = 1
    rng.s1 = 2
    rng.s2 = 3
    rng.s3 = 4
    #expect(
      [rng.next(), rng.next(), rng.next(), rng.next()] == [
        11520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
      ])
  }

  @Test func splitMixMatchesItsReference() {
    var sm = SplitMix64(seed: 0)
    #expect(sm.next() == 16_294_208_416_658_607_535)
  }

  @Test func eventStreamsKeepTheSimulatorsDerivation() {
    // The simulator's historical derivation, written out: files simulated before Core keep their showers.
    func legacy(seed: UInt64, stream: UInt64) -> [UInt64] {
      var sm = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
      _ = sm.next()
      var mixed = SplitMix64(seed: sm.next() &+ stream)
      return [mixed.next(), mixed.next(), mixed.next(), mixed.next()]
    }
    for (seed, stream) in [(UInt64(42), UInt64(7)), (0, 0), (2026, 123_456)] {
      let rng = RandomStream(seed: seed, stream: stream)
      #expect([rng.s0, rng.s1, rng.s2, rng.s3] == legacy(seed: seed, stream: stream))
    }
  }

  @Test func distinctKeysGiveDistinctStreams() {
    var seen = Set<UInt64>()
    for stream in 0..<20 {
      for index in 0..<20 {
        var rng = RandomStream(seed: 9, stream: UInt64(stream), index: UInt64(index))
        seen.insert(rng.next())
      }
    }
    #expect(seen.count == 400)
    var a = RandomStream(seed: 1, stream: 2, index: 3)
    var b = RandomStream(seed: 1, stream: 2, index: 3)
    #expect((0..<100).allSatisfy { _ in a.next() == b.next() })
  }

  @Test func uniformIsInTheHalfOpenUnitIntervalWithTheRightMoments() {
    var rng = RandomStream(seed: 5, stream: 1)
    let n = 200_000
    var sum = 0.0
    var sumSquares = 0.0
    for _ in 0..<n {
      let u = rng.uniform()
      #expect(u > 0 && u <= 1)
      sum += u
      sumSquares += u * u
    }
    // Mean 1/2 and variance 1/12, within 5 standard errors.
    #expect(abs(sum / Double(n) - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
    #expect(abs(sumSquares / Double(n) - sum * sum / Double(n * n) - 1.0 / 12) < 0.002)
  }

  @Test func normalsHaveZeroMeanAndUnitVariance() {
    var rng = RandomStream(seed: 11, stream: 3, index: 4)
    let values = rng.normals(100_001)
    #expect(values.count == 100_001)
    let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    let variance =
      values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    #expect(abs(mean) < 5 / Double(values.count).squareRoot())
    #expect(abs(variance - 1) < 0.02)
    #expect(values.allSatisfy { $0.isFinite })
  }
}
