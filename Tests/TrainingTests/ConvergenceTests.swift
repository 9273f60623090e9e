import Foundation
import Models
import ShowerIO
import TestSupport
import Testing
import Training

/// A reduced 3DGAN trained on toy showers (≤ 10 min on 2 cores): finite losses, falling validation
/// energy-regression error, generated totals rising with the requested energy.
@Suite struct ConvergenceTests {
  /// Spearman rank correlation (average ranks for ties).
  static func spearman(_ a: [Double], _ b: [Double]) -> Double {
    func ranks(_ v: [Double]) -> [Double] {
      let order = v.indices.sorted { v[$0] < v[$1] }
      var r = [Double](repeating: 0, count: v.count)
      var i = 0
      while i < order.count {
        var j = i
        while j + 1 < order.count, v[order[j + 1]] == v[order[i]] { j += 1 }
        for k in i...j { r[order[k]] = Double(i + j) / 2 }
        i = j + 1
      }
      return r
    }
    let (ra, rb) = (ranks(a), ranks(b))
    let ma = ra.reduce(0, +) / Double(ra.count)
    let mb = rb.reduce(0, +) / Double(rb.count)
    var (sab, saa, sbb) = (0.0, 0.0, 0.0)
    for i in ra.indices {
      sab += (ra[i] - ma) * (rb[i] - mb)
      saa += (ra[i] - ma) * (ra[i] - ma)
      sbb += (rb[i] - mb) * (rb[i] - mb)
    }
    return sab / (saa * sbb).squareRoot()
  }

  @Test func spearmanOfKnownSeries() {
    #expect(Self.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
    #expect(Self.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
    #expect(abs(Self.spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-12)  // scipy.stats.spearmanr
  }

  @Test(.enabled(if: TestEnvironment.slowTestsEnabled), .timeLimit(.minutes(10)))
  func reducedModelLearnsEnergyOnToyShowers() throws {
    let dir = try TemporaryDirectory()
    var config = TrainingConfig()
    config.model = .reduced
    config.data.syntheticShowers = 1200
    config.batchSize = 16
    config.epochs = 7
    config.threads = 2
    config.maxTimeSeconds = 540  // safety margin under the 10-minute limit on a loaded machine
    config.output = dir.url.path
    try config.validate()
    let run = try TrainingRun(config: config, sources: config.openSources(), output: dir.url)
    var finite = true
    _ = try run.run(resume: false) { _, m in finite = finite && m.isFinite }
    #expect(finite)
    let records = try String(contentsOf: dir.file("metrics.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { try JSONDecoder().decode(MetricsRecord.self, from: Data($0.utf8)) }
    let validation = records.filter { $0.kind == "validation" }
    #expect(validation.count >= 3)
    // MAPE (%) of D's energy head on real showers.
    let energyError = validation.map { $0.discriminatorReal[1] }
    #expect(energyError.allSatisfy { $0.isFinite })
    // Epoch-to-epoch values are noisy (D's batch norms use running statistics with momentum 0.01):
    // compare the mean of the first two epochs with that of the last two.
    let early = (energyError[0] + energyError[1]) / 2
    let late = (energyError[energyError.count - 1] + energyError[energyError.count - 2]) / 2
    #expect(late < early, "validation energy MAPE per epoch: \(energyError)")

    let energies = (0..<100).map { 10_000 + Double($0 % 10) * 10_000 }  // 10 … 100 GeV, 10 each
    let showers = try run.trainer.generate(
      energies: energies, thetas: Array(repeating: .pi / 2, count: 100), seed: 5)
    let totals = showers.totalEnergies
    let rho = Self.spearman(energies, totals)
    print("convergence: validation energy MAPE per epoch \(energyError), Spearman \(rho)")
    #expect(rho > 0.8, "Spearman(requested E, generated total) = \(rho)")
  }
}
