internal import Foundation

/// The CaloChallenge high-level feature vector (`cls-high` without the label) of each shower.
///
/// `[log10 E_inc, log10(E_layer + 1e-8)…, EC_x/100…, EC_y/100…, W_x/100…, W_y/100…,
/// log10(E_sum + 1e-8), sparsity…, EC_r/100…, W_r/100…]`, energies in MeV, lengths in mm. For
/// CaloChallenge voxels x and y are η and φ of the angularly binned layers (`2 + 4 L + 4 L_α` values:
/// 362 for datasets 2 and 3); for a Cartesian layout every layer has them (`2 + 8 · layers`: 202 for
/// CaloTwin).
public enum HighLevelFeatures {
  /// Length of the vector for a schema.
  public static func dimension(_ schema: FeatureSchema) -> Int {
    2 + 4 * schema.group("E_layer")!.count + 4 * schema.group("EC_x")!.count
  }

  /// Row-major vectors of all showers of a table, `count * dimension` values.
  @_optimize(speed)
  public static func rows(_ table: FeatureTable) -> [Double] {
    let s = table.schema
    let d = dimension(s), w = s.width
    let eInc = s.column("E_inc"), eSum = s.column("E_sum")
    let groups = ["E_layer", "EC_x", "EC_y", "W_x", "W_y", "sparsity", "EC_r", "W_r"].map { s.group($0)! }
    var out = [Double](repeating: 0, count: table.count * d)
    for i in 0..<table.count {
      let row = i * w
      var c = i * d
      func put(_ v: Double) { out[c] = v; c += 1 }
      put(log10(table.values[row + eInc]))
      for k in 0..<groups[0].count { put(log10(table.values[row + groups[0].offset + k] + 1e-8)) }
      for g in 1...4 { for k in 0..<groups[g].count { put(table.values[row + groups[g].offset + k] / 100) } }
      put(log10(table.values[row + eSum] + 1e-8))
      for k in 0..<groups[5].count { put(table.values[row + groups[5].offset + k]) }
      for g in 6...7 { for k in 0..<groups[g].count { put(table.values[row + groups[g].offset + k] / 100) } }
    }
    return out
  }
}
