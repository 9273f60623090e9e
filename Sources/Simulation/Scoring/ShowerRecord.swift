/// One simulated shower: cell energies and per-class totals. Energies in MeV.
///
/// `cells` has `cellsX * cellsY * layers` values in (x, y, layer) row-major order, the CaloTwin
/// layout, ready for `ShowerBatch.append(cells:…)`.
public struct ShowerRecord: Sendable, Equatable {
  /// Index of the event in its run.
  public var event: Int
  /// Primary kinetic energy, MeV.
  public var energy: Double
  /// Polar angle, radians.
  public var theta: Double
  /// PDG code of the primary.
  public var pdgID: Int32
  /// Energy in each active cell, MeV, shape [cellsX, cellsY, layers].
  public var cells: [Float]
  /// Deposit in all active slices (exact sum, not from the Float cells), MeV.
  public var energySi: Double
  /// Deposit in absorber slices, MeV.
  public var energyAbsorber: Double
  /// Deposit in all other slices, MeV.
  public var energyOther: Double
  /// Energy leaving the stack (back, sides, albedo), MeV; positrons count T + 2m.
  public var energyEscaped: Double
  /// CPU time spent on this event, seconds (thread CPU clock).
  public var cpuSeconds: Double

  /// Total deposited energy, MeV.
  public var energyDeposited: Double { energySi + energyAbsorber + energyOther }

  /// Creates a record, for example from a shower file, to summarise it with `ShowerStatistics`.
  ///
  /// Energies in MeV, `theta` in radians, `cells` as `[cellsX, cellsY, layers]` row-major.
  public init(
    event: Int, energy: Double, theta: Double, pdgID: Int32, cells: [Float], energySi: Double,
    energyAbsorber: Double, energyOther: Double, energyEscaped: Double, cpuSeconds: Double
  ) {
    self.event = event
    self.energy = energy
    self.theta = theta
    self.pdgID = pdgID
    self.cells = cells
    self.energySi = energySi
    self.energyAbsorber = energyAbsorber
    self.energyOther = energyOther
    self.energyEscaped = energyEscaped
    self.cpuSeconds = cpuSeconds
  }
}
