internal import Foundation

/// The measured polar angle of a shower: the 3DGAN `ecal_angle` / `measPython` algorithm.
///
/// With cell centres at index + 0.5: the 3D barycentre (x_ref, y_ref, z_ref); per non-empty layer
/// z the barycentre (x_mid, y_mid); `zproj = sqrt((x_mid − x_ref)² + (z − z_ref)²)` (floored at
/// 1e-7); slope `m = (y_mid − y_ref) / zproj`, negated for layers in front of z_ref; layer angle
/// `π/2 − atan(m)`; the result is the mean over non-empty layers weighted by z = layer + 0.5.
/// A shower without energy gives 100, as in 3DGAN.
public enum MeasuredAngle {
  /// Angle in radians from per-layer sums.
  ///
  /// - Parameters:
  ///   - layerSums: Energy per layer (MeV).
  ///   - layerX: Σ x·E per layer, x in mm from the beam axis.
  ///   - layerY: Σ y·E per layer.
  ///   - layout: Geometry (for the cell size).
  /// - Returns: Measured angle in radians (π/2 = normal incidence), or 100 for an empty shower.
  public static func ecalAngle(
    layerSums: [Double], layerX: [Double], layerY: [Double], layout: CalorimeterLayout
  ) -> Double {
    var total = 0.0, sumX = 0.0, sumY = 0.0, sumZ = 0.0
    for l in layerSums.indices {
      total += layerSums[l]
      sumX += layerX[l]
      sumY += layerY[l]
      sumZ += (Double(l) + 0.5) * layerSums[l]
    }
    guard total > 0 else { return 100 }
    let cell = layout.cellSize
    let xRef = sumX / total / cell, yRef = sumY / total / cell, zRef = sumZ / total
    var weighted = 0.0, weights = 0.0
    for l in layerSums.indices where layerSums[l] > 0 {
      let z = Double(l) + 0.5
      let dx = layerX[l] / layerSums[l] / cell - xRef
      let dy = layerY[l] / layerSums[l] / cell - yRef
      let zproj = max((dx * dx + (z - zRef) * (z - zRef)).squareRoot(), 1e-7)
      var m = dy / zproj
      if z < zRef { m = -m }
      weighted += (Double.pi / 2 - atan(m)) * z
      weights += z
    }
    return weighted / weights
  }
}
