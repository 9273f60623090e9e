public import ShowerIO
public import Simulation

extension ShowerBatch {
  /// The showers of simulator records, in their order, with the extras `E_si`, `E_abs`, `E_other` and
  /// `cpu_s` (0 unless `cpuTime`, so equal seeds give byte-identical files).
  ///
  /// - Parameters:
  ///   - records: Simulated events, all of `cellShape`.
  ///   - cellShape: Shape of one shower.
  ///   - cpuTime: Keep each record's measured CPU seconds.
  public init(records: [ShowerRecord], cellShape: [Int], cpuTime: Bool = false) {
    self.init(cellShape: cellShape)
    for r in records {
      append(
        cells: r.cells, energy: r.energy, theta: r.theta, pdgID: r.pdgID,
        extras: [
          "E_si": r.energySi, "E_abs": r.energyAbsorber, "E_other": r.energyOther,
          "cpu_s": cpuTime ? r.cpuSeconds : 0,
        ])
    }
  }
}
