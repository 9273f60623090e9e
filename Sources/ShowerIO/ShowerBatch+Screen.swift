/// Unusable numbers in shower files: non-finite or negative cells, non-finite or non-positive incident
/// energies, non-finite angles. Validation and training both screen what they read with these.

/// The first unusable number of one event of a shower file.
public struct BadEvent: Sendable, Equatable, Codable, CustomStringConvertible {
  /// Event index in the file, 0-based.
  public var event: Int
  /// Dataset that holds the number (`showers`, `incident_energies`, `ECAL`, `energy`, `theta`).
  public var dataset: String
  /// What is wrong, for example `cell 17 is inf MeV`.
  public var problem: String

  /// Creates a record.
  public init(event: Int, dataset: String, problem: String) {
    self.event = event
    self.dataset = dataset
    self.problem = problem
  }

  /// `dataset 'showers', event 12: cell 17 is inf MeV`.
  public var description: String { "dataset '\(dataset)', event \(event): \(problem)" }
}

/// Finds the events of a batch whose numbers cannot be used (validation, training).
extension ShowerBatch {
  /// Dataset names of a file layout: cells, energy, angle.
  static func datasetNames(of layout: ShowerLayout) -> (cells: String, energy: String, angle: String) {
    switch layout {
    case .caloChallenge: ("showers", "incident_energies", "theta")
    case .caloTwin, .lcd: ("ECAL", "energy", "theta")
    }
  }

  /// The first problem of event `index` of `batch`, or `nil` when every number is usable.
  ///
  /// Cells must be finite and ≥ 0 MeV, the incident energy finite and > 0 MeV, the angle finite.
  @_optimize(speed)
  public func problem(at index: Int, layout: ShowerLayout) -> (dataset: String, problem: String)? {
    let batch = self
    let names = Self.datasetNames(of: layout)
    let energy = batch.energy[index]
    guard energy.isFinite, energy > 0 else {
      return (names.energy, "incident energy is \(energy) MeV; it must be finite and positive")
    }
    let theta = batch.theta[index]
    guard theta.isFinite else { return (names.angle, "angle is \(theta) rad; it must be finite") }
    let n = batch.cellsPerShower, first = index * n
    return batch.cells.withUnsafeBufferPointer { cells in
      for c in 0..<n {
        let v = cells[first + c]
        // One comparison passes every usable value: NaN fails it, so do -inf and negatives; +inf is caught below.
        if v >= 0, v < .infinity { continue }
        return (names.cells, "cell \(c) is \(v) MeV; cells must be finite and ≥ 0")
      }
      return nil
    }
  }

  /// Splits `batch` into its usable events and the bad ones.
  ///
  /// - Parameters:
  ///   - firstEvent: File index of the batch's first event (for the messages).
  ///   - layout: The file's layout (for the dataset names).
  /// - Returns: The batch without the bad events (the same batch when there is none) and the bad events.
  public func screened(firstEvent: Int, layout: ShowerLayout) -> (ShowerBatch, [BadEvent]) {
    let batch = self
    var bad: [BadEvent] = []
    var keep: [Int] = []
    for i in 0..<batch.count {
      if let (dataset, problem) = problem(at: i, layout: layout) {
        bad.append(BadEvent(event: firstEvent + i, dataset: dataset, problem: problem))
      } else {
        keep.append(i)
      }
    }
    guard !bad.isEmpty else { return (batch, []) }
    var clean = ShowerBatch(cellShape: batch.cellShape)
    let n = batch.cellsPerShower
    clean.cells.reserveCapacity(keep.count * n)
    for i in keep {
      clean.cells.append(contentsOf: batch.cells[(i * n)..<((i + 1) * n)])
      clean.energy.append(batch.energy[i])
      clean.theta.append(batch.theta[i])
      clean.pdgID.append(batch.pdgID[i])
      for (key, values) in batch.extras { clean.extras[key, default: []].append(values[i]) }
    }
    return (clean, bad)
  }
}
