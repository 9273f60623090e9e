import Foundation
import TestSupport
import Testing

/// Unknown keys and bad values in every config a command reads (geometry, gate, mapping, training) are
/// errors with file, line, column and the nearest valid key, exit status 2, and nothing is written.
@Suite struct ConfigErrorTests {
  func run(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(TestEnvironment.calotwinExecutable, arguments)
  }

  func write(_ text: String, _ url: URL) throws {
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  /// The folder holds exactly `files` (nothing written beside the inputs).
  func expectOnly(_ files: [String], in dir: TemporaryDirectory) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
    #expect(names == files.sorted(), "left behind: \(names)")
  }

  @Test func geometryUnknownKeyIsAnErrorWithItsLine() throws {
    let dir = try TemporaryDirectory()
    let geometry = dir.file("small-ecal.yaml")
    try write("name: small\ncellSize: 5.1\ncellsx: 12\n", geometry)
    let result = try run([
      "simulate", "--geometry", geometry.path, "--events", "2", "--quiet", "--output",
      dir.file("out.h5").path,
    ])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("\(geometry.path):3:1: key 'cellsx': unknown key; did you mean 'cellsX'?"))
    try expectOnly(["small-ecal.yaml"], in: dir)
  }

  @Test func gateUnknownKeyAndBadThresholdsAreErrorsWithTheirLine() throws {
    let dir = try TemporaryDirectory()
    let gate = dir.file("gate.yaml")
    // The inputs need not exist: the gate is read first.
    let arguments = [
      "validate", "--reference", dir.file("ref.h5").path, "--candidate", dir.file("cand.h5").path, "--report",
      dir.file("report").path, "--gate", gate.path,
    ]
    for (text, expected) in [
      (
        "factor: 2\nrule:\n  - {metric: fpd, maximum: 0.05}\n",
        ":2:1: key 'rule': unknown key; did you mean 'rules'?"
      ),
      (
        "rules:\n  - {metric: fpd, maximum: -0.05}\n",
        ":2:28: key 'rules[0].maximum': must be a finite threshold ≥ 0"
      ),
      (
        "rules:\n  - {metric: fpd, maximum: .nan}\n",
        ":2:28: key 'rules[0].maximum': '.nan' is not a finite number"
      ),
      (
        "rules:\n  - {metric: kpd, tolerance: -1}\n",
        ":2:30: key 'rules[0].tolerance': must be a finite allowance ≥ 0"
      ),
      (
        "rules:\n  - {metric: fdp, maximum: 1}\n",
        ":2:14: key 'rules[0].metric': unknown metric 'fdp'; did you mean 'fpd'?"
      ),
      ("factor: -2\n", ":1:9: key 'factor': must be a positive number"),
    ] {
      try write(text, gate)
      let result = try run(arguments)
      #expect(result.status == 2, "\(text): \(result.stderr)")
      #expect(result.stderr.contains(gate.path + expected), "\(result.stderr)")
    }
    try expectOnly(["gate.yaml"], in: dir)
  }

  @Test func mappingUnknownKeyIsAnErrorWithItsLine() throws {
    let dir = try TemporaryDirectory()
    let mapping = dir.file("m.yaml")
    try write("shape: [45, 16, 9]\nenergyScal: 2\n", mapping)
    let result = try run([
      "convert", "--preset", "par04", "--mapping", mapping.path, dir.file("in.root").path, "-o",
      dir.file("out.h5").path,
    ])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stderr.contains(
        "\(mapping.path):2:1: key 'energyScal': unknown key; did you mean 'energyScale'?"))
    try expectOnly(["m.yaml"], in: dir)
  }

  @Test func trainingUnknownKeyIsAnErrorWithItsLine() throws {
    let dir = try TemporaryDirectory()
    let config = dir.file("train.yaml")
    try write("model: {preset: reduced}\ndata:\n  syntheticShowers: 64\nbatchsize: 8\n", config)
    let result = try run(["train", "--config", config.path, "--quiet", "--output", dir.file("run").path])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(
      result.stderr.contains("\(config.path):4:1: key 'batchsize': unknown key; did you mean 'batchSize'?"))
    try expectOnly(["train.yaml"], in: dir)
  }

  @Test func badSetKeyNamesTheFlagNotTheFile() throws {
    let dir = try TemporaryDirectory()
    let config = dir.file("train.yaml")
    try write("model: {preset: reduced}\ndata: {syntheticShowers: 64}\n", config)
    let result = try run([
      "train", "--config", config.path, "--set", "epoch=3", "--quiet", "--output", dir.file("run").path,
    ])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("--set epoch: unknown key; did you mean 'epochs'?"), "\(result.stderr)")
    #expect(!result.stderr.contains("train.yaml"))
    try expectOnly(["train.yaml"], in: dir)
  }

  @Test(arguments: [
    (["simulate", "--events", "2", "--output", "OUT", "--geometry"], "--geometry"),
    (["convert", "IN", "-o", "OUT", "--mapping"], "--mapping"),
    (["validate", "--reference", "IN", "--candidate", "IN", "--report", "OUT", "--gate"], "--gate"),
    (["train", "--output", "OUT", "--config"], "--config"),
  ])
  func missingConfigFilesNameTheOptionAndThePath(arguments: [String], option: String) throws {
    let dir = try TemporaryDirectory()
    let missing = dir.file("missing.yaml").path
    let args = arguments.map { $0 == "OUT" ? dir.file("out").path : $0 == "IN" ? dir.file("in").path : $0 }
    let result = try run(args + [missing])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("\(option): no such file: \(missing); check the path"), "\(result.stderr)")
    #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("Error Domain"))
    try expectOnly([], in: dir)
  }

  @Test func unknownPhysicsOverrideKeyIsNamed() throws {
    let dir = try TemporaryDirectory()
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      ["simulate", "--events", "2", "--quiet", "--output", dir.file("out.h5").path],
      environment: ["CALOTWIN_PHYSICS": #"{"stragling": false}"#])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("CALOTWIN_PHYSICS: unknown key 'stragling'; did you mean 'straggling'?"))
    try expectOnly([], in: dir)
  }

  @Test func anUnknownLogLevelInTheEnvironmentIsNamed() throws {
    let result = try runProcess(
      TestEnvironment.calotwinExecutable, ["inspect", "x.h5"], environment: ["CALOTWIN_LOG_LEVEL": "warnin"])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains("CALOTWIN_LOG_LEVEL: unknown level 'warnin'; did you mean 'warning'?"))
  }

  @Test(arguments: [
    ("{\"scatteringStepLimit\": \"lamda\"}", "key 'scatteringStepLimit'"),
    ("{\"straggling\": 3.5}", "must be a Bool"),
    ("{\"rangeCut\": -1}", "rangeCut is -1.0 mm"),
  ])
  func badPhysicsOverridesNameTheKey(json: String, words: String) throws {
    let dir = try TemporaryDirectory()
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      ["simulate", "--energy", "1", "--events", "1", "--quiet", "--output", dir.file("p.h5").path],
      environment: ["CALOTWIN_PHYSICS": json])
    #expect(result.status == 2, "\(result.stderr)")
    #expect(result.stderr.contains(words), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.file("p.h5").path))
  }
}
