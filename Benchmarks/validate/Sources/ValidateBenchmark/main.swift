// Times features + comparison + gate + report for N vs N toy showers (51×51×25), generated in
// chunks of 500 (generation is not timed). Usage: validate-benchmark [N] [report-dir]
import Foundation
import Validation

let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1])! : 10_000
let out = URL(
  fileURLWithPath: CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : "/tmp/validate-benchmark")
let layout = CalorimeterLayout.caloTwin
let energies = (0..<n).map { [10_000.0, 50_000, 100_000][$0 % 3] }
func table(seed: UInt64) async throws -> (FeatureTable, Double) {
  var seconds = 0.0
  var table = FeatureTable(schema: FeatureSchema(layout: layout))
  let model = ToyShowerModel(layout: layout)
  for start in stride(from: 0, to: n, by: 500) {
    let batch = model.showers(
      energies: Array(energies[start..<min(n, start + 500)]), seed: seed &+ UInt64(start))
    let t = Date()
    try await table.append(batch)
    seconds += Date().timeIntervalSince(t)
  }
  return (table, seconds)
}
let (reference, t1) = try await table(seed: 1)
let (candidate, t2) = try await table(seed: 2)
let featureSeconds = t1 + t2
var t = Date()
let comparator = Comparator()
let result = try await comparator.compare(reference: reference, candidate: candidate)
let compareSeconds = Date().timeIntervalSince(t)
t = Date()
let gate = try await Gate(comparison: comparator.configuration).evaluate(
  result, reference: reference, candidate: candidate)
let gateSeconds = Date().timeIntervalSince(t)
t = Date()
try ReportWriter.write(
  HTMLReport(comparison: result, gate: gate, referenceName: "toy seed 1", candidateName: "toy seed 2"),
  to: out)
let reportSeconds = Date().timeIntervalSince(t)
let total = featureSeconds + compareSeconds + gateSeconds + reportSeconds
print(String(format: "showers %d vs %d, cores %d", n, n, ProcessInfo.processInfo.activeProcessorCount))
print(
  String(
    format:
      "features %.2f s, compare (incl. FPD %.4f, KPD %.4f) %.2f s, gate %.2f s (passed %@), report %.2f s, total %.2f s",
    featureSeconds, result.fpd!.value, result.kpd!.value, compareSeconds, gateSeconds,
    gate.passed ? "yes" : "no",
    reportSeconds, total))
