import Foundation
import TestSupport
import Testing
import Validation

/// Observables on the Geant4 sample shipped in Data/geant4 against the numbers its README states for these
/// 100 + 100 showers (computed there independently). Tolerances: half the README's last digit.
@Suite struct Geant4SampleObservableTests {
  @Test func observablesReproduceTheReadmeNumbers() async throws {
    let table = try await FeatureTable.load(TestEnvironment.geant4Sample(), chunkSize: 50)
    #expect(table.count == 200)
    let s = table.schema
    func mean(_ name: String, _ rows: Range<Int>) -> Double {
      let c = table.column(s.column(name), rows: Array(rows))
      return c.reduce(0, +) / Double(c.count)
    }
    let low = 0..<100, high = 100..<200
    // Checksums: float64 sums of ECAL over rows 0–99 and 100–199 (MeV).
    #expect(isClose(mean("E_sum", low) * 100, 20969.9386, relative: 1e-8))
    #expect(isClose(mean("E_sum", high) * 100, 190312.5579, relative: 1e-8))
    #expect(isClose(table.column(s.column("E_sum"), rows: [0])[0], 228.31484, relative: 1e-7))
    // R90, mean over showers (mm): 16.28 and 15.47.
    #expect(abs(mean("R90", low) - 16.28) <= 0.005)
    #expect(abs(mean("R90", high) - 15.47) <= 0.005)
    // Central cell / 3×3 / 5×5 fractions.
    for (name, ref10, ref100) in [
      ("frac_1x1", 0.469, 0.484), ("frac_3x3", 0.774, 0.788), ("frac_5x5", 0.877, 0.885),
    ] {
      #expect(abs(mean(name, low) - ref10) <= 0.0005, "\(name) 10 GeV: \(mean(name, low))")
      #expect(abs(mean(name, high) - ref100) <= 0.0005, "\(name) 100 GeV: \(mean(name, high))")
    }
    // Layer of maximum of the mean longitudinal profile: 8 and 11.
    let layers = s.group("E_layer")!
    func peak(_ rows: Range<Int>) -> Int {
      let profile = (0..<layers.count).map { l in
        table.column(layers.offset + l, rows: Array(rows)).reduce(0, +)
      }
      return profile.indices.max { profile[$0] < profile[$1] }!
    }
    #expect(peak(low) == 8)
    #expect(peak(high) == 11)
    // Normal incidence: the measured angle is close to π/2.
    #expect(abs(mean("angle_meas", high) - .pi / 2) < 0.05)
  }
}
