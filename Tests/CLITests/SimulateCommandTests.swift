import Foundation
import ShowerIO
import TestSupport
import Testing

/// `calotwin simulate`, run as a separate process: reproducible files and the `--cpu-time` flag.
@Suite struct SimulateCommandTests {
  /// Runs `calotwin simulate` for a few small showers into `url`.
  func simulate(_ url: URL, threads: Int, extra: [String] = []) throws {
    let arguments =
      [
        "simulate", "--particle", "e-", "--energy", "0.5", "--events", "12", "--seed", "77",
        "--threads", "\(threads)", "--batch-size", "5", "--quiet", "--output", url.path,
      ] + extra
    let result = try runProcess(TestEnvironment.calotwinExecutable, arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
  }

  @Test func sameSeedGivesAByteIdenticalFileForOneAndTwoThreads() throws {
    let dir = try TemporaryDirectory()
    let one = dir.file("one.h5")
    let two = dir.file("two.h5")
    try simulate(one, threads: 1)
    // HDF5 object timestamps have one-second resolution: make sure a clock tick lies between.
    Thread.sleep(forTimeInterval: 1.1)
    try simulate(two, threads: 2)
    let a = try Data(contentsOf: one)
    let b = try Data(contentsOf: two)
    #expect(a.count > 1000)
    #expect(a == b, "files differ: \(a.count) vs \(b.count) bytes")
    let batch = try ShowerFileReader(at: one).read(0..<12)
    #expect(batch.extras["cpu_s"]?.allSatisfy { $0 == 0 } == true)
    #expect(batch.energy.allSatisfy { $0 == 500 })  // MeV in memory
  }

  @Test func cpuTimeFlagRecordsPositiveSeconds() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("timed.h5")
    try simulate(url, threads: 1, extra: ["--cpu-time"])
    let batch = try ShowerFileReader(at: url).read(0..<12)
    let cpu = try #require(batch.extras["cpu_s"])
    #expect(cpu.count == 12)
    #expect(cpu.allSatisfy { $0 > 0 && $0 < 10 }, "cpu_s: \(cpu)")
  }
}
