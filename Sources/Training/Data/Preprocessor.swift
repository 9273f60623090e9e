internal import Foundation
internal import Models
internal import ShowerIO

/// Pre-processing of 3dgan.md §2.3 in explicit units: threshold (MeV), total-deposit cut (MeV),
/// filters on primary energy (MeV) and angle (rad), scale to network cell units, power transform.
public struct Preprocessor: Sendable {
  /// Settings with units.
  public var settings: PreprocessingConfig
  /// Power of the transform (model config).
  public var power: Double
  /// Primary-energy filter in MeV.
  public var energyRange: ClosedRange<Double>?
  /// Angle filter in radians.
  public var thetaRange: ClosedRange<Double>?

  /// Creates the pre-processor of a training config.
  public init(config: TrainingConfig) {
    settings = config.preprocessing
    power = config.model.power
    energyRange = config.data.energyRangeMeV.map { $0[0]...$0[1] }
    thetaRange = config.data.thetaRange.map { $0[0]...$0[1] }
  }

  /// Shower `index` of `batch` ready for the network, or nil when a filter or the cut drops it.
  func prepare(_ batch: ShowerBatch, _ index: Int) -> PreparedShower? {
    let energy = batch.energy[index]
    let theta = batch.theta[index]
    if let r = energyRange, !r.contains(energy) { return nil }
    if let r = thetaRange, !r.contains(theta) { return nil }
    let threshold = Float(settings.cellThresholdMeV)
    var total = 0.0
    var cells = Array(batch.shower(index))
    for i in cells.indices {
      if cells[i] < threshold { cells[i] = 0 }
      total += Double(cells[i])
    }
    guard total > settings.minTotalDepositMeV else { return nil }
    let scale = Float(settings.cellScalePerMeV)
    let p = Float(power)
    for i in cells.indices where cells[i] > 0 { cells[i] = powf(cells[i] * scale, p) }
    return PreparedShower(
      cells: cells, energy: Float(energy / settings.energyUnitMeV), theta: Float(theta),
      ecalSum: Float(total * settings.cellScalePerMeV))
  }
}
