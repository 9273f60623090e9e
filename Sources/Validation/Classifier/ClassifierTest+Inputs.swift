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

  /// The CaloChallenge `cls-low` inputs of both samples: per shower `log10(E_inc / MeV)` and every cell
  /// energy divided by `E_inc` (`FeatureTable.lowLevel`; both tables need `keepsLowLevel`).
  ///
  /// - Returns: Row-major reference and candidate inputs and their width (1 + cells per shower).
  /// - Throws: `ValidationError.invalidInput` when a table kept no low-level inputs.
  public static func lowLevelInputs(reference: FeatureTable, candidate: FeatureTable) throws(ValidationError)
    -> (
      reference: [Float], candidate: [Float], dimension: Int
    )
  {
    guard reference.keepsLowLevel, candidate.keepsLowLevel else {
      throw ValidationError(
        .invalidInput, "the low-level classifier needs tables made with keepsLowLevel", context: "classifier")
    }
    return (reference.lowLevel, candidate.lowLevel, reference.lowLevelWidth)
  }
}
