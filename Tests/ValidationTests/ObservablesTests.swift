import Foundation
import ShowerIO
import TestSupport
import Testing
import Validation

/// Observables against numpy array code (Fixtures/observables.json), relative tolerance 1e-6
/// (cells are float32; sums in Double on both sides).
@Suite struct ObservablesTests {
  let fixture: [String: Any]
  let table: FeatureTable

  init() async throws {
    fixture = try FixtureLoader.json("observables")
    let shape = fixture.ints("shape")
    var batch = ShowerBatch(cellShape: shape)
    let cells = fixture.doubles("cells").map(Float.init)
    let n = shape.reduce(1, *)
    let energy = fixture.doubles("energy"), theta = fixture.doubles("theta")
    for i in energy.indices {
      batch.append(
        cells: Array(cells[(i * n)..<((i + 1) * n)]), energy: energy[i], theta: theta[i], pdgID: 11)
    }
    let layout = try CalorimeterLayout(cellShape: shape, cellSize: fixture.double("cellSize"))
    var table = FeatureTable(schema: FeatureSchema(layout: layout))
    try await table.append(batch, tasks: 2)
    self.table = table
  }

  @Test func scalarFeaturesMatchNumpy() {
    let scalars = fixture.object("scalars")
    for name in scalars.keys.sorted() {
      let swift = table.column(table.schema.column(name))
      let mismatch = firstMismatch(swift, scalars.doubles(name), relative: 1e-6, absolute: 1e-9)
      #expect(mismatch == nil, "\(name): \(mismatch ?? "")")
    }
  }

  @Test func perLayerFeaturesMatchNumpy() {
    let groups = fixture.object("perLayer")
    for name in groups.keys.sorted() {
      let reference = FixtureLoader.matrix(groups[name])
      for l in reference[0].indices {
        let swift = table.column(table.schema.column(name, l))
        let mismatch = firstMismatch(swift, reference.map { $0[l] }, relative: 1e-6, absolute: 1e-7)
        #expect(mismatch == nil, "\(name)[\(l)]: \(mismatch ?? "")")
      }
    }
  }

  @Test func profilesAndSpectraMatchNumpy() {
    let groups = fixture.object("profiles")
    for name in groups.keys.sorted() {
      let reference = FixtureLoader.matrix(groups[name])
      for i in reference.indices {
        let group = table.schema.group(name)!
        let swift = Array(table.row(i)[(table.row(i).startIndex + group.offset)...].prefix(group.count))
        #expect(
          firstMismatch(swift, reference[i], relative: 1e-6, absolute: 1e-7) == nil, "\(name) shower \(i)")
      }
    }
    let spectra = FixtureLoader.matrix(fixture["spectra"])
    for i in spectra.indices {
      #expect(table.spectrum(rows: [i]) == spectra[i], "spectrum of shower \(i)")
    }
  }

  @Test func mismatchedGeometryThrows() async {
    var table = FeatureTable(schema: FeatureSchema(layout: .caloTwin))
    let batch = ShowerBatch(cellShape: [25, 25, 25])
    await #expect(throws: ValidationError.self) { try await table.append(batch) }
    #expect(throws: ValidationError.self) { try CalorimeterLayout(cellShape: [6480]) }
  }
}
