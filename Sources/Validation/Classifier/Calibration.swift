internal import Foundation

/// Isotonic calibration, ROC AUC and the CaloChallenge JSD of classifier outputs.
public enum Calibration {
  /// An isotonic (non-decreasing) fit of labels against scores, evaluated by linear interpolation
  /// between the fitted points and clipped at both ends (`sklearn.isotonic.IsotonicRegression`
  /// with `out_of_bounds="clip"`), by pool-adjacent-violators over the distinct scores.
  public struct Isotonic: Sendable {
    /// Distinct scores, ascending.
    public let x: [Double]
    /// Fitted values at `x`, non-decreasing.
    public let y: [Double]

    /// Fits labels (0 or 1, or any targets) against scores.
    @_optimize(speed)
    public init(scores: [Double], targets: [Double]) {
      precondition(scores.count == targets.count && !scores.isEmpty, "isotonic fit needs matching inputs")
      let order = scores.indices.sorted { scores[$0] < scores[$1] }
      var xs: [Double] = [], sums: [Double] = [], weights: [Double] = []
      for i in order {
        if let last = xs.last, last == scores[i] {
          sums[sums.count - 1] += targets[i]
          weights[weights.count - 1] += 1
        } else {
          xs.append(scores[i]); sums.append(targets[i]); weights.append(1)
        }
      }
      // Pool adjacent violators over blocks (value, weight, count of distinct x).
      var values: [Double] = [], blockWeights: [Double] = [], sizes: [Int] = []
      for k in xs.indices {
        values.append(sums[k] / weights[k]); blockWeights.append(weights[k]); sizes.append(1)
        while values.count > 1 && values[values.count - 2] > values[values.count - 1] {
          let w = blockWeights[values.count - 2] + blockWeights[values.count - 1]
          let v =
            (values[values.count - 2] * blockWeights[values.count - 2]
              + values[values.count - 1] * blockWeights[values.count - 1]) / w
          let n = sizes[values.count - 2] + sizes[values.count - 1]
          values.removeLast(); blockWeights.removeLast(); sizes.removeLast()
          values[values.count - 1] = v; blockWeights[values.count - 1] = w; sizes[values.count - 1] = n
        }
      }
      var fitted: [Double] = []
      for (v, n) in zip(values, sizes) { fitted.append(contentsOf: repeatElement(v, count: n)) }
      x = xs
      y = fitted
    }

    /// The calibrated value of a score.
    public func callAsFunction(_ score: Double) -> Double {
      if score <= x[0] { return y[0] }
      if score >= x[x.count - 1] { return y[y.count - 1] }
      var lo = 0, hi = x.count - 1
      while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if x[mid] <= score { lo = mid } else { hi = mid }
      }
      return y[lo] + (score - x[lo]) / (x[hi] - x[lo]) * (y[hi] - y[lo])
    }
  }

  /// Area under the ROC curve: the Mann–Whitney statistic with average ranks for ties.
  @_optimize(speed)
  public static func auc(scores: [Double], labels: [Bool]) -> Double {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var ranks = [Double](repeating: 0, count: scores.count)
    var i = 0
    while i < order.count {
      var j = i
      while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
      let rank = Double(i + j) / 2 + 1
      for k in i...j { ranks[order[k]] = rank }
      i = j + 1
    }
    let positives = labels.filter { $0 }.count, negatives = labels.count - positives
    guard positives > 0, negatives > 0 else { return .nan }
    let sum = zip(ranks, labels).reduce(0.0) { $0 + ($1.1 ? $1.0 : 0) }
    return (sum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
  }

  /// CaloChallenge JSD: `(ln 2 − BCE) / ln 2` of probabilities clipped to [1e-6, 1 − 1e-6].
  public static func jsd(probabilities: [Double], labels: [Bool]) -> Double {
    var bce = 0.0
    for (p, label) in zip(probabilities, labels) {
      let q = min(1 - 1e-6, max(1e-6, p))
      bce -= label ? log(q) : log(1 - q)
    }
    bce /= Double(probabilities.count)
    return (log(2) - bce) / log(2)
  }
}
