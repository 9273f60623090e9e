internal import Foundation

/// A fixed-binning histogram of values, with the CaloChallenge separation power.
///
/// `edges` are ascending; like `numpy.histogram`, bin i holds `edges[i] ≤ v < edges[i+1]` and the
/// last bin also holds its right edge. `counts(of:clipping:)` can put values outside the range
/// into the first or last bin instead of dropping them.
///
/// ```swift
/// let h = Histogram.uniform(from: 0, to: 1, bins: 40)
/// let s = Histogram.separationPower(h.counts(of: a), h.counts(of: b))
/// ```
public struct Histogram: Sendable, Equatable, Codable {
  /// Bin edges, ascending, `bins + 1` values.
  public var edges: [Double]

  /// Creates a histogram over explicit edges (precondition: at least two, ascending).
  public init(edges: [Double]) {
    precondition(edges.count >= 2, "a histogram needs at least two edges")
    self.edges = edges
  }

  /// `bins` equal-width bins over `[low, high]`.
  public static func uniform(from low: Double, to high: Double, bins: Int) -> Histogram {
    precondition(bins > 0 && high > low, "empty histogram range [\(low), \(high)]")
    let width = (high - low) / Double(bins)
    return Histogram(edges: (0...bins).map { $0 == bins ? high : low + Double($0) * width })
  }

  /// `edges` log-spaced edges from `low` to `high`, as `np.logspace(log10(low), log10(high), edges)`
  /// computes them (exponents `k · step + log10(low)`, the last exactly `log10(high)`, then `10^e`);
  /// `nil` unless `0 < low < high` and the edges come out strictly ascending.
  ///
  /// As in numpy, `10^log10(high)` can come out an ulp below `high`, and the sample maximum the edges were
  /// made for then falls outside and is dropped (about a third of all maxima). Swift on Linux uses glibc's
  /// `log10`/`pow`, as numpy does without AVX-512; numpy's AVX-512 (SVML) loops round differently in about
  /// 15 % of the cases, so on such CPUs evaluate.py keeps or drops that one value where this does not.
  ///
  /// With `float32Maximum` the last exponent is `log10` computed in float32 of `Float(high)` (numpy's
  /// `np.log10` of a float32 maximum; `high` should be a float32 value), widened to Double; the lower
  /// exponent stays Double (`np.log10` of a Python float).
  public static func logarithmic(
    from low: Double, to high: Double, edges: Int, float32Maximum: Bool = false
  ) -> Histogram? {
    guard edges >= 2, low > 0, high > low, high.isFinite else { return nil }
    let top = float32Maximum ? Double(log10(Float(high))) : log10(high)
    guard top > log10(low) else { return nil }
    let exponents = uniform(from: log10(low), to: top, bins: edges - 1).edges
    let values = exponents.map { pow(10, $0) }
    guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
    return Histogram(edges: values)
  }

  /// Number of bins.
  public var bins: Int { edges.count - 1 }

  /// Whether the edges are log-spaced (positive, at least two bins, equal ratios within 1e-9): the
  /// report draws such histograms on a logarithmic x axis.
  public var isLogarithmic: Bool {
    guard bins >= 2, edges[0] > 0 else { return false }
    let ratio = edges[1] / edges[0]
    return ratio > 1 + 1e-9
      && (1..<bins).allSatisfy { abs(edges[$0 + 1] / edges[$0] / ratio - 1) < 1e-9 }
  }

  /// Bin index of `value`, or `nil` outside `[edges.first, edges.last]`.
  @_optimize(speed)
  public func bin(of value: Double) -> Int? {
    guard value >= edges[0], value <= edges[bins] else { return nil }
    if value == edges[bins] { return bins - 1 }
    var lo = 0, hi = bins
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if value >= edges[mid] { lo = mid } else { hi = mid }
    }
    return lo
  }

  /// Counts of `values` per bin.
  ///
  /// - Parameters:
  ///   - values: Values to count; NaN is dropped.
  ///   - clipping: When `true`, values below (above) the range count in the first (last) bin.
  @_optimize(speed)
  public func counts(of values: [Double], clipping: Bool = false) -> [Double] {
    var counts = [Double](repeating: 0, count: bins)
    for v in values where !v.isNaN {
      if let b = bin(of: v) {
        counts[b] += 1
      } else if clipping {
        counts[v < edges[0] ? 0 : bins - 1] += 1
      }
    }
    return counts
  }

  /// Separation power (triangular discrimination) of two histograms over the same bins.
  ///
  /// `S = ½ Σ (h1 − h2)² / (h1 + h2 + 1e-16)` with each histogram normalised to unit sum
  /// (CaloChallenge `_separation_power`: density × bin width). 0 for identical shapes, 1 for
  /// disjoint ones. When a histogram holds nothing (every value outside a dropping range) numpy gives
  /// NaN; here both empty give 0 and one empty gives 1 (complete separation).
  @_optimize(speed)
  public static func separationPower(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "histograms have different bin counts")
    let sa = a.reduce(0, +), sb = b.reduce(0, +)
    guard sa > 0, sb > 0 else { return sa > 0 || sb > 0 ? 1 : 0 }
    var s = 0.0
    for i in a.indices {
      let h1 = a[i] / sa, h2 = b[i] / sb
      s += (h1 - h2) * (h1 - h2) / (h1 + h2 + 1e-16)
    }
    return 0.5 * s
  }
}
