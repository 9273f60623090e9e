internal import Foundation

/// Distances between two one-dimensional samples and their summary statistics.
///
/// Functions take samples sorted ascending (`sorted()`), as several metrics share one sort.
public enum SampleStatistics {
  /// Two-sample Kolmogorov–Smirnov statistic `sup |F_a − F_b|` (as `scipy.stats.ks_2samp`).
  ///
  /// - Precondition: both samples sorted ascending and non-empty.
  @_optimize(speed)
  public static func kolmogorovSmirnov(sorted a: [Double], sorted b: [Double]) -> Double {
    precondition(!a.isEmpty && !b.isEmpty, "KS needs two non-empty samples")
    var i = 0, j = 0, d = 0.0
    let na = Double(a.count), nb = Double(b.count)
    while i < a.count && j < b.count {
      let v = min(a[i], b[j])
      while i < a.count && a[i] <= v { i += 1 }
      while j < b.count && b[j] <= v { j += 1 }
      d = max(d, abs(Double(i) / na - Double(j) / nb))
    }
    return d
  }

  /// Asymptotic p-value of a two-sample KS statistic: the Kolmogorov distribution's survival
  /// function at `sqrt(n_a n_b / (n_a + n_b)) · d` (`scipy.stats.kstwobign.sf`).
  public static func kolmogorovPValue(statistic d: Double, counts na: Int, _ nb: Int) -> Double {
    let x = (Double(na) * Double(nb) / Double(na + nb)).squareRoot() * d
    guard x > 0.2 else { return 1 }
    var sum = 0.0
    for k in 1...100 {
      let term = exp(-2 * Double(k * k) * x * x)
      sum += (k % 2 == 1 ? term : -term)
      if term < 1e-17 { break }
    }
    return min(1, max(0, 2 * sum))
  }

  /// 1-Wasserstein distance `∫ |F_a − F_b| dx` (as `scipy.stats.wasserstein_distance`).
  ///
  /// - Precondition: both samples sorted ascending and non-empty.
  @_optimize(speed)
  public static func wasserstein1(sorted a: [Double], sorted b: [Double]) -> Double {
    precondition(!a.isEmpty && !b.isEmpty, "W1 needs two non-empty samples")
    var i = 0, j = 0, total = 0.0
    let na = Double(a.count), nb = Double(b.count)
    var previous = min(a[0], b[0])
    while i < a.count || j < b.count {
      let v: Double
      if j >= b.count || (i < a.count && a[i] <= b[j]) { v = a[i] } else { v = b[j] }
      total += abs(Double(i) / na - Double(j) / nb) * (v - previous)
      while i < a.count && a[i] <= v { i += 1 }
      while j < b.count && b[j] <= v { j += 1 }
      previous = v
    }
    return total
  }

  /// Linear-interpolation quantile of a sorted sample (numpy's default method).
  @_optimize(speed)
  public static func quantile(sorted a: [Double], _ q: Double) -> Double {
    precondition(!a.isEmpty, "quantile of an empty sample")
    let position = q * Double(a.count - 1)
    let lo = Int(position.rounded(.down)), hi = min(lo + 1, a.count - 1)
    return a[lo] + (position - Double(lo)) * (a[hi] - a[lo])
  }

  /// Arithmetic mean (0 for an empty sample).
  @_optimize(speed)
  public static func mean(_ a: [Double]) -> Double {
    a.isEmpty ? 0 : a.reduce(0, +) / Double(a.count)
  }

  /// Relative error of the means, `(mean(candidate) − mean(reference)) / |mean(reference)|`;
  /// the absolute difference when the reference mean is 0.
  @_optimize(speed)
  public static func relativeMeanError(reference: [Double], candidate: [Double]) -> Double {
    let r = mean(reference), c = mean(candidate)
    return r == 0 ? c - r : (c - r) / abs(r)
  }
}
