internal import Core

extension Gate {
  /// Per rule, the largest value over bootstrap rounds of reference-vs-reference comparisons
  /// at the bin's sample sizes (both halves drawn with replacement from the reference's rows).
  func bootstrapFloors(_ rules: [GateRule], bin: BinComparison, reference: FeatureTable) async -> [Double] {
    let rows = bin.bin.rows(of: reference)
    let nc = bin.candidateCount
    let comparison = comparison
    let seed = configuration.seed
    let rounds = await withTaskGroup(of: [Double].self) { group in
      for round in 0..<configuration.rounds {
        group.addTask {
          var rng = SplitMix64(seed: seed &+ UInt64(round) &* 7919)
          let a = rng.indices(count: rows.count, population: rows.count).map { rows[$0] }
          let b = rng.indices(count: nc, population: rows.count).map { rows[$0] }
          return rules.map { abs(Self.metric($0, reference, a, b, comparison, bin: bin.bin)) }
        }
      }
      var all: [[Double]] = []
      for await values in group { all.append(values) }
      return all
    }
    return rules.indices.map { k in rounds.map { $0[k] }.max() ?? 0 }
  }

  /// A per-bin metric between two row selections of one table.
  @_optimize(speed)
  static func metric(
    _ rule: GateRule, _ table: FeatureTable, _ a: [Int], _ b: [Int], _ c: Comparator.Configuration,
    bin: ConditionBin = ConditionBin(label: "all")
  ) -> Double {
    let schema = table.schema
    switch rule.metric {
    case .relativeMeanError:
      let column = columnIndex(rule.feature!, schema)
      return SampleStatistics.relativeMeanError(
        reference: table.column(column, rows: a), candidate: table.column(column, rows: b))
    case .separationPower:
      let column = columnIndex(rule.feature!, schema)
      let group = schema.groups.first { column >= $0.offset && column < $0.offset + $0.count }!
      let binning = Comparator.featureBinning(
        group: group.name, index: column - group.offset, schema: schema, cellThreshold: table.cellThreshold,
        mode: c.histogramBinning, bin: bin)
      return Comparator.separationPower(
        table.column(column, rows: a), table.column(column, rows: b), binning, c)
    case .profileError:
      if rule.feature == "cell_spectrum" {
        let r = table.spectrum(rows: a).map { $0 / Double(a.count) }
        let s = table.spectrum(rows: b).map { $0 / Double(b.count) }
        return Comparator.profileComparison(name: "", unit: "", r, s).meanAbsoluteRelativeError
      }
      let group = schema.group(rule.feature!)!
      return Comparator.profile(group, table, a, table, b).meanAbsoluteRelativeError
    case .pearsonMaxDifference:
      let group = schema.group("E_layer")!
      let p = Comparator.pearson(table, a, group), q = Comparator.pearson(table, b, group)
      return zip(p, q).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
    case .fpd, .kpd, .classifierAUC, .classifierJSD, .classifierLowAUC, .classifierLowJSD,
      .classifierLowNormedAUC,
      .classifierLowNormedJSD, .voxelSeparationPower:
      return 0
    }
  }

  /// Column index of a name such as `R90` or `E_layer[3]`.
  static func columnIndex(_ name: String, _ schema: FeatureSchema) -> Int {
    for group in schema.groups {
      for k in 0..<group.count where schema.columnName(group.offset + k) == name { return group.offset + k }
    }
    preconditionFailure("unknown feature \(name)")
  }
}
