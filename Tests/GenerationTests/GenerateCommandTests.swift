import Foundation
import ShowerIO
import TestSupport
import Testing

/// `calotwin generate` (and the model directory of `calotwin train`), run as separate processes.
@Suite(.serialized) struct GenerateCommandTests {
  static var executableBuilt: Bool {
    FileManager.default.isExecutableFile(atPath: TestEnvironment.calotwinExecutable.path)
  }

  func calotwin(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(TestEnvironment.calotwinExecutable, arguments + ["--quiet"])
  }

  @Test(.enabled(if: executableBuilt))
  func monteCarloBackendWritesTheShowersOfSimulate() throws {
    let dir = try TemporaryDirectory()
    let sim = try calotwin([
      "simulate", "--energy", "0.5", "--events", "6", "--seed", "77", "--threads", "1", "--batch-size", "5",
      "--output", dir.file("sim.h5").path,
    ])
    #expect(sim.status == 0, "\(sim.stderr)")
    let gen = try calotwin([
      "generate", "--backend", "mc", "--energy", "0.5", "--theta", "90", "--events", "6", "--seed", "77",
      "--threads", "2", "--batch-size", "4", "--output", dir.file("gen.h5").path,
    ])
    #expect(gen.status == 0, "\(gen.stderr)")
    let a = try ShowerFileReader(at: dir.file("sim.h5")).readAll()
    let b = try ShowerFileReader(at: dir.file("gen.h5")).readAll()
    #expect(b.count == 6)
    #expect(a.cells == b.cells)
    #expect(a.energy == b.energy && a.theta == b.theta)
    #expect(a.extras["E_si"] == b.extras["E_si"])

    // The (E, θ) of a shower file as conditions; the output may not be that file.
    let paired = try calotwin([
      "generate", "--backend", "mc", "--conditions", dir.file("sim.h5").path, "--seed", "77",
      "--output", dir.file("paired.h5").path,
    ])
    #expect(paired.status == 0, "\(paired.stderr)")
    #expect(try ShowerFileReader(at: dir.file("paired.h5")).readAll().cells == a.cells)
    let before = try Data(contentsOf: dir.file("sim.h5"))
    let alias = try calotwin([
      "generate", "--backend", "mc", "--conditions", dir.file("sim.h5").path, "--output",
      dir.file("sim.h5").path,
    ])
    #expect(alias.status == 2, "\(alias.stderr)")
    #expect(try Data(contentsOf: dir.file("sim.h5")) == before)
  }

  @Test(.enabled(if: executableBuilt))
  func trainWritesAModelDirectoryThatGenerateUses() throws {
    let dir = try TemporaryDirectory()
    let yaml = """
      model: {preset: reduced}
      data: {syntheticShowers: 24, shuffleBuffer: 16, chunkSize: 8}
      preprocessing: {minTotalDepositMeV: 0}
      batchSize: 8
      epochs: 1
      """
    try yaml.write(to: dir.file("train.yaml"), atomically: true, encoding: .utf8)
    let train = try calotwin([
      "train", "--config", dir.file("train.yaml").path, "--max-steps", "2", "--output", dir.file("run").path,
    ])
    #expect(train.status == 0, "\(train.stderr)")
    let model = dir.file("run/model")
    for name in ["generator.safetensors", "config.json", "model-card.json"] {
      #expect(FileManager.default.fileExists(atPath: model.appendingPathComponent(name).path), "\(name)")
    }
    func generate(_ output: String, _ extra: [String]) throws -> ProcessResult {
      try calotwin(
        ["generate", "--model", model.path, "--output", dir.file(output).path, "--seed", "3"] + extra)
    }
    let one = try generate("a.h5", ["--energy", "50", "--theta", "85", "--events", "5", "--batch-size", "2"])
    #expect(one.status == 0, "\(one.stderr)")
    let two = try generate(
      "b.h5", ["--energy-range", "20:80", "--theta", "85", "--events", "5", "--threads", "2"])
    #expect(two.status == 0, "\(two.stderr)")
    let again = try generate("c.h5", ["--energy-range", "20:80", "--theta", "85", "--events", "5"])
    #expect(again.status == 0, "\(again.stderr)")
    let a = try ShowerFileReader(at: dir.file("a.h5")).readAll()
    let b = try ShowerFileReader(at: dir.file("b.h5")).readAll()
    #expect(a.count == 5 && a.cells.allSatisfy { $0.isFinite && $0 >= 0 })
    #expect(a.energy.allSatisfy { $0 == 50_000 })
    #expect(b.energy.allSatisfy { $0 >= 20_000 && $0 <= 80_000 } && Set(b.energy).count == 5)
    #expect(try ShowerFileReader(at: dir.file("c.h5")).readAll() == b)

    // Refusals: exit status 1 or 2, a message naming the problem, no output file.
    let refusals: [([String], String)] = [
      (["--energy", "500", "--events", "2"], "outside the model's range"),
      (["--events", "0"], "--events"),
      (["--energy", "-1"], "--energy"),
    ]
    for (i, (extra, message)) in refusals.enumerated() {
      let r = try generate("bad\(i).h5", extra)
      #expect(r.status == 2, "\(extra): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(extra): \(r.stderr)")
      #expect(!FileManager.default.fileExists(atPath: dir.file("bad\(i).h5").path))
    }
    let allowed = try generate("far.h5", ["--energy", "500", "--events", "2", "--allow-extrapolation"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    let missing = try calotwin([
      "generate", "--model", dir.file("nomodel").path, "--output", dir.file("m.h5").path,
    ])
    #expect(missing.status == 2, "\(missing.stderr)")
    #expect(missing.stderr.contains("model directory"), "\(missing.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("m.h5").path))
    let unwritable = try generate("no/such/folder/x.h5", ["--events", "2"])
    #expect((1...2).contains(unwritable.status), "\(unwritable.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("no").path))
  }
}
