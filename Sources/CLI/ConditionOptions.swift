import ArgumentParser
import Core
import Simulation

/// `--energy`, `--energy-range`, `--theta`, `--theta-range`: the primary conditions `simulate` and `generate`
/// share, in GeV and degrees on the command line and MeV and radians once read.
struct ConditionOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Fixed primary energy in GeV.")
  var energy: Double = 100

  @Option(parsing: .unconditional, help: "Energy range LOW:HIGH in GeV (overrides --energy).")
  var energyRange: String?

  @Option(parsing: .unconditional, help: "Fixed polar angle in degrees (90 = normal incidence).")
  var theta: Double = 90

  @Option(
    parsing: .unconditional, help: "Polar-angle range LOW:HIGH in degrees, uniform (overrides --theta).")
  var thetaRange: String?

  func validate() throws {
    try OptionCheck.positive(energy, "--energy", unit: "GeV")
    try OptionCheck.finite(theta, "--theta", "in (0, 180)", unit: "degrees") { $0 > 0 && $0 < 180 }
    if let energyRange {
      let (a, _) = try SimulateCommand.checkedRange(energyRange, name: "--energy-range")
      try OptionCheck.positive(a, "--energy-range LOW", unit: "GeV")
    }
    if let thetaRange {
      let (a, b) = try SimulateCommand.checkedRange(thetaRange, name: "--theta-range")
      try OptionCheck.finite(a, "--theta-range LOW", "in (0, 180)", unit: "degrees") { $0 > 0 && $0 < 180 }
      try OptionCheck.finite(b, "--theta-range HIGH", "in (0, 180)", unit: "degrees") { $0 > 0 && $0 < 180 }
    }
  }

  /// The energies in MeV: `--energy-range` or the single `--energy`.
  func energiesMeV() throws(SimulationError) -> ClosedRange<Double> {
    guard let energyRange else { return Units.mev(fromGeV: energy)...Units.mev(fromGeV: energy) }
    let (a, b) = try SimulateCommand.range(energyRange, name: "--energy-range")
    return Units.mev(fromGeV: a)...Units.mev(fromGeV: b)
  }

  /// The polar angles in radians: `--theta-range` or the single `--theta`.
  func anglesRadians() throws(SimulationError) -> ClosedRange<Double> {
    guard let thetaRange else { return Units.radians(fromDegrees: theta)...Units.radians(fromDegrees: theta) }
    let (a, b) = try SimulateCommand.range(thetaRange, name: "--theta-range")
    return Units.radians(fromDegrees: a)...Units.radians(fromDegrees: b)
  }
}
