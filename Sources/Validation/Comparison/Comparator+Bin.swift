internal import Foundation

extension Comparator {
  /// Per-layer observables whose layer-by-layer means become profiles for CaloChallenge voxels
  /// (positive quantities; the centroids EC_x/EC_y scatter around 0 and stay histograms only).
  static let meanPerLayer: Set<String> = ["W_x", "W_y", "EC_r", "W_r", "sparsity"]

  @_optimize(speed)
  static func compareBin(
    _ bin: ConditionBin, _ reference: FeatureTable, _ refRows: [Int], _ candidate: FeatureTable,
    _ candRows: [Int], _ c: Configuration
  ) -> BinComparison {
    let schema = reference.schema
    var features: [FeatureComparison] = []
    var profiles: [ProfileComparison] = []
    for group in schema.groups {
      switch group.kind {
      case .scalar, .perLayer:
        for k in 0..<group.count {
          let column = group.offset + k
          let rule = featureBinning(
            group: group.name, index: k, schema: schema, cellThreshold: reference.cellThreshold,
            mode: c.histogramBinning, bin: bin)
          features.append(
            compareFeature(
              name: schema.columnName(column), group: group.name, unit: group.unit,
              reference: reference.column(column, rows: refRows),
              candidate: candidate.column(column, rows: candRows), binning: rule, configuration: c))
        }
        if group.name == "E_layer" {
          profiles.append(profile(group, reference, refRows, candidate, candRows))
        } else if schema.binning != nil, group.kind == .perLayer, Self.meanPerLayer.contains(group.name) {
          // CaloChallenge voxels: the mean of each per-layer observable, layer by layer, as a profile.
          var p = profile(group, reference, refRows, candidate, candRows)
          p.name = "\(group.name) per layer"
          profiles.append(p)
        }
      case .profile:
        profiles.append(profile(group, reference, refRows, candidate, candRows))
      }
    }
    let r = reference.spectrum(rows: refRows).map { $0 / Double(refRows.count) }
    let s = candidate.spectrum(rows: candRows).map { $0 / Double(candRows.count) }
    profiles.append(profileComparison(name: "cell_spectrum", unit: "cells", r, s))
    let layers = schema.group("E_layer")!
    let pr = pearson(reference, refRows, layers), pc = pearson(candidate, candRows, layers)
    let maxDifference = zip(pr, pc).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
    return BinComparison(
      bin: bin, referenceCount: refRows.count, candidateCount: candRows.count, features: features,
      profiles: profiles, pearsonReference: pr, pearsonCandidate: pc, pearsonMaxDifference: maxDifference)
  }

  /// Histogram range shared by both samples: the `q` and `1 − q` quantiles over both.
  @_optimize(speed)
  static func binning(_ a: [Double], _ b: [Double], bins: Int, quantile q: Double) -> Histogram {
    var lo = min(SampleStatistics.quantile(sorted: a, q), SampleStatistics.quantile(sorted: b, q))
    var hi = max(SampleStatistics.quantile(sorted: a, 1 - q), SampleStatistics.quantile(sorted: b, 1 - q))
    if !(hi > lo) {
      let pad = max(abs(lo) * 1e-6, 0.5)
      lo -= pad
      hi += pad
    }
    return Histogram.uniform(from: lo, to: hi, bins: bins)
  }

  /// Separation power of two unsorted samples under a histogram rule.
  @_optimize(speed)
  static func separationPower(_ a: [Double], _ b: [Double], _ rule: FeatureBinning, _ c: Configuration)
    -> Double
  {
    histogram(rule, a.sorted(), b.sorted(), c).separationPower
  }

  /// Compares one feature column of two samples; `binning` picks the histogram (see `featureBinning`).
  ///
  /// - Parameters:
  ///   - name, group, unit: Labels of the column.
  ///   - reference, candidate: Values of the column, any order.
  ///   - binning: Histogram rule (`.quantile` by default).
  ///   - configuration: Quantile-binning settings.
  @_optimize(speed)
  public static func compareFeature(
    name: String, group: String, unit: String, reference: [Double], candidate: [Double],
    binning rule: FeatureBinning = .quantile, configuration c: Configuration
  ) -> FeatureComparison {
    let a = reference.sorted(), b = candidate.sorted()
    let h = histogram(rule, a, b, c)
    let ks = SampleStatistics.kolmogorovSmirnov(sorted: a, sorted: b)
    return FeatureComparison(
      name: name, group: group, unit: unit, referenceMean: SampleStatistics.mean(a),
      candidateMean: SampleStatistics.mean(b),
      relativeMeanError: SampleStatistics.relativeMeanError(reference: a, candidate: b),
      separationPower: h.separationPower, ks: ks,
      ksPValue: SampleStatistics.kolmogorovPValue(statistic: ks, counts: a.count, b.count),
      wasserstein: SampleStatistics.wasserstein1(sorted: a, sorted: b), histogram: h.histogram,
      referenceCounts: h.reference, candidateCounts: h.candidate, referenceOutside: h.referenceOutside,
      candidateOutside: h.candidateOutside)
  }

  /// Mean of a column group over the rows listed.
  @_optimize(speed)
  static func meanProfile(_ table: FeatureTable, _ rows: [Int], _ group: FeatureSchema.Group) -> [Double] {
    var sum = [Double](repeating: 0, count: group.count)
    let w = table.schema.width
    for r in rows {
      for k in 0..<group.count { sum[k] += table.values[r * w + group.offset + k] }
    }
    return sum.map { $0 / Double(max(1, rows.count)) }
  }

  static func profile(
    _ group: FeatureSchema.Group, _ reference: FeatureTable, _ refRows: [Int], _ candidate: FeatureTable,
    _ candRows: [Int]
  ) -> ProfileComparison {
    profileComparison(
      name: group.name, unit: group.unit, meanProfile(reference, refRows, group),
      meanProfile(candidate, candRows, group))
  }

  @_optimize(speed)
  static func profileComparison(name: String, unit: String, _ r: [Double], _ c: [Double])
    -> ProfileComparison
  {
    let peak = r.map(abs).max() ?? 0
    var errors = [Double](repeating: 0, count: r.count)
    var sum = 0.0, used = 0
    for i in r.indices where abs(r[i]) > 1e-3 * peak && peak > 0 {
      errors[i] = (c[i] - r[i]) / abs(r[i])
      sum += abs(errors[i])
      used += 1
    }
    return ProfileComparison(
      name: name, unit: unit, reference: r, candidate: c, relativeErrors: errors,
      meanAbsoluteRelativeError: used > 0 ? sum / Double(used) : 0)
  }

  @_optimize(speed)
  static func pearson(_ table: FeatureTable, _ rows: [Int], _ group: FeatureSchema.Group) -> [Double] {
    guard rows.count > 1 else { return [Double](repeating: 0, count: group.count * group.count) }
    var flat = [Double]()
    flat.reserveCapacity(rows.count * group.count)
    let w = table.schema.width
    for r in rows {
      flat.append(contentsOf: table.values[(r * w + group.offset)..<(r * w + group.offset + group.count)])
    }
    return PhysicsDistances.pearson(flat, dimension: group.count)
  }
}
