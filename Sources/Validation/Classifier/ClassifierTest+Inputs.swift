public import Core
internal import Foundation

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

  /// The CaloChallenge `cls-low-normed` inputs of both samples: per shower `log10(E_inc / MeV)`, every
  /// cell energy divided by its layer's energy (`E / (E_layer + 1e-16)`), then `log10(E_layer + 1e-8)` of
  /// every relevant layer (`evaluate.py`, `prepare_low_data_for_classifier(normed=True)`); both tables
  /// need `keepsLowLevel`.
  ///
  /// - Returns: Row-major inputs and their width (1 + cells + layers).
  /// - Throws: `ValidationError.invalidInput` when a table kept no low-level inputs.
  public static func lowLevelNormedInputs(reference: FeatureTable, candidate: FeatureTable)
    throws(ValidationError)
    -> (reference: [Float], candidate: [Float], dimension: Int)
  {
    let (x, y, w) = try lowLevelInputs(reference: reference, candidate: candidate)
    let layers = reference.schema.group("E_layer")!
    let layerOfCell = Self.layerOfCell(reference.schema), incident = reference.schema.column("E_inc")
    @_optimize(speed)
    func normed(_ low: [Float], _ table: FeatureTable) -> [Float] {
      let d = w + layers.count
      var out = [Float](repeating: 0, count: table.count * d)
      for i in 0..<table.count {
        let energy = table.values[i * table.schema.width + incident],
          row = i * table.schema.width + layers.offset
        out[i * d] = low[i * w]
        for c in 0..<(w - 1) {
          let layerEnergy = table.values[row + layerOfCell[c]]
          out[i * d + 1 + c] = Float(Double(low[i * w + 1 + c]) * energy / (layerEnergy + 1e-16))
        }
        for l in 0..<layers.count { out[i * d + w + l] = Float(log10(table.values[row + l] + 1e-8)) }
      }
      return out
    }
    return (normed(x, reference), normed(y, candidate), w + layers.count)
  }

  /// The `E_layer` index of every cell of a shower.
  static func layerOfCell(_ schema: FeatureSchema) -> [Int] {
    switch schema.geometry {
    case .cartesian(let layout): return (0..<layout.cellCount).map { $0 % layout.layers }
    case .cylindrical(let binning):
      return binning.relevantLayers.enumerated().flatMap { l, layer in
        Array(repeating: l, count: layer.voxelCount)
      }
    }
  }
}
