extension ClassifierTest {
  /// The CaloChallenge `cls-high` inputs of both samples: the high-level feature vector
  /// (`HighLevelFeatures.rows`, `HighLevelFeatures.dimension` columns) of every shower,
  /// standardised column by column with the reference's mean and standard deviation (a column with
  /// zero spread is only centred), so that both samples see the same affine map.
  ///
  /// - Returns: Row-major reference and candidate inputs and their width.
  public static func highLevelInputs(reference: FeatureTable, candidate: FeatureTable) -> (
    reference: [Double], candidate: [Double], dimension: Int
  ) {
    let d = HighLevelFeatures.dimension(reference.schema)
    let x = HighLevelFeatures.rows(reference), y = HighLevelFeatures.rows(candidate)
    let n = Double(max(1, x.count / d))
    var mean = [Double](repeating: 0, count: d), spread = [Double](repeating: 0, count: d)
    for (i, v) in x.enumerated() { mean[i % d] += v / n }
    for (i, v) in x.enumerated() { spread[i % d] += (v - mean[i % d]) * (v - mean[i % d]) / n }
    let scale = spread.map { $0 > 0 && $0.isFinite ? 1 / $0.squareRoot() : 1 }
    func standardise(_ rows: [Double]) -> [Double] {
      rows.enumerated().map { i, v in
        let z = (v - mean[i % d]) * scale[i % d]
        return z.isFinite ? z : 0
      }
    }
    return (standardise(x), standardise(y), d)
  }
}
