import Core
import Foundation
import Testing

@testable import Simulation

/// The hot-path shortcuts of the transport give exactly (bit for bit) what the plain formulas give.
@Suite struct TableLookupTests {
  @Test func gridConstantsAreTheLogarithmsTheyStandFor() {
    #expect(EnergyGrid.lnMin == log(EnergyGrid.minEnergy))
    #expect(EnergyGrid.step == log(10.0) / Double(EnergyGrid.perDecade))
    #expect(EnergyGrid.invStep == 1 / EnergyGrid.step)
    #expect(MultipleScattering.ScreeningTable.lnMin == log(1e-12))
    #expect(MultipleScattering.ScreeningTable.lnMax == log(0.4999))
  }

  /// The hinted walk finds the node a bisection finds, for any hint, and the energy is the
  /// logarithmic interpolation to 1e-13 (a Taylor series for e^y inside the table).
  @Test func hintedRangeInversionEqualsBisection() throws {
    let detector = try Detector(config: .clicLike)
    let tables = MaterialTables(material: detector.materials[0], rangeCut: 0.7)
    let n = MaterialTables.Column.count
    var rng = RandomStream(seed: 3, stream: 0)
    for particle in 0..<2 {
      let c = MaterialTables.Column.range + particle
      let top = tables.hot[(EnergyGrid.count - 1) * n + c]
      for trial in 0..<2000 {
        // Log-uniform ranges from below the first node to beyond the last.
        let r = tables.hot[c] * pow(2 * top / tables.hot[c], rng.uniform()) * (trial == 0 ? 0.5 : 1)
        var lo = 0
        var hi = EnergyGrid.count - 1
        while hi - lo > 1 {
          let mid = (lo + hi) >> 1
          if tables.hot[mid * n + c] <= r { lo = mid } else { hi = mid }
        }
        let a = tables.hot[lo * n + c]
        let f = (r - a) / (tables.hot[hi * n + c] - a)
        let reference =
          r <= tables.hot[c]
          ? EnergyGrid.minEnergy * r / tables.hot[c]
          : exp(EnergyGrid.lnMin + (Double(lo) + f) * EnergyGrid.step)
        let hint = Int(rng.uniform() * Double(EnergyGrid.count + 20)) - 10
        let got = tables.energy(range: r, particle: particle, hint: hint)
        #expect(abs(got / reference - 1) < 1e-13, "range \(r) mm, hint \(hint): \(got) vs \(reference)")
        let located = tables.energyAndNode(range: r, particle: particle, hint: hint)
        #expect(
          located.node == (r <= tables.hot[c] ? -1 : lo),
          "range \(r) mm: node \(located.node), bisection \(lo)")
      }
    }
  }
}
