import Foundation
import TestSupport
import Testing

/// Outputs never replace inputs or non-regular files, and SIGINT/SIGTERM leave no temporaries (hardening §1.2,
/// §1.3, §1.7), run against the built `calotwin` as a user would.
@Suite struct OutputSafetyTests {
  static let rootFixture = TestEnvironment.repositoryRoot.appendingPathComponent("Data/root/par04like.root")

  func run(_ arguments: [String]) throws -> ProcessResult {
    try runProcess(TestEnvironment.calotwinExecutable, arguments)
  }

  func names(_ dir: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
  }

  @Test func convertRefusesToWriteOverItsInputByAnyPath() throws {
    let dir = try TemporaryDirectory()
    let input = dir.file("in.root")
    try FileManager.default.copyItem(at: Self.rootFixture, to: input)
    let original = try Data(contentsOf: input)
    try FileManager.default.createSymbolicLink(
      atPath: dir.file("sym.h5").path, withDestinationPath: "in.root")
    try FileManager.default.linkItem(at: input, to: dir.file("hard.h5"))
    for output in ["in.root", "sym.h5", "hard.h5"] {
      let result = try run(["convert", "--preset", "par04", input.path, "-o", dir.file(output).path])
      #expect(result.status == 2, "\(output): \(result.stderr)")
      #expect(result.stderr.contains("the output is the input"), "\(result.stderr)")
      #expect(result.stderr.contains(output))
    }
    #expect(try Data(contentsOf: input) == original)
    #expect(try names(dir) == ["hard.h5", "in.root", "sym.h5"])
  }

  @Test func simulateRefusesFIFOsDevicesAndFoldersAndWritesThroughSymlinks() throws {
    let dir = try TemporaryDirectory()
    let fifo = dir.file("pipe.h5")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    try FileManager.default.createDirectory(at: dir.file("folder.h5"), withIntermediateDirectories: false)
    let base = ["simulate", "--energy", "0.2", "--events", "2", "--quiet", "--output"]
    for (path, word) in [
      (fifo.path, "FIFO"), ("/dev/null", "character device"), (dir.file("folder.h5").path, "folder"),
    ] {
      let result = try run(base + [path])
      #expect(result.status == 2, "\(path): \(result.stderr)")
      #expect(result.stderr.contains(word), "\(result.stderr)")
    }
    var info = stat()
    #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    // A symbolic link: the file goes to its target, the link stays a link.
    try Data().write(to: dir.file("target.h5"))
    try FileManager.default.createSymbolicLink(
      atPath: dir.file("link.h5").path, withDestinationPath: "target.h5")
    let result = try run(base + [dir.file("link.h5").path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: dir.file("link.h5").path) == "target.h5")
    #expect(try Data(contentsOf: dir.file("target.h5")).count > 1000)
    #expect(try names(dir).allSatisfy { !$0.hasPrefix(".") })
  }

  /// Starts `calotwin` with `arguments`, waits until `ready` holds (or 60 s), sends `signal`, waits for the end.
  func interrupt(_ arguments: [String], signal: Int32, ready: () -> Bool) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = TestEnvironment.calotwinExecutable
    process.arguments = arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    while !ready(), process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    Thread.sleep(forTimeInterval: 0.3)
    kill(process.processIdentifier, signal)
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if signal != SIGKILL {
      #expect(process.terminationReason == .exit, "ended by a signal, not an exit: \(text)")
    }
    return (process.terminationStatus, text)
  }

  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aSignalDuringSimulateRemovesTheTemporaryAndExits(signal: Int32, status: Int32) throws {
    let dir = try TemporaryDirectory()
    let arguments = [
      "simulate", "--energy", "20", "--events", "100000", "--threads", "1", "--quiet", "--output",
      dir.file("big.h5").path,
    ]
    let (code, text) = try interrupt(arguments, signal: signal) {
      ((try? names(dir)) ?? []).contains { $0.hasPrefix(".big.h5.tmp-") }
    }
    #expect(code == status, "\(text)")
    #expect(text.contains("removed 1 temporary file"), "\(text)")
    #expect(try names(dir).isEmpty)
  }

  @Test func aLaterRunRemovesTheTemporaryOfAKilledOne() throws {
    let dir = try TemporaryDirectory()
    let arguments = [
      "simulate", "--energy", "20", "--events", "100000", "--threads", "1", "--quiet", "--output",
      dir.file("big.h5").path,
    ]
    let (code, _) = try interrupt(arguments, signal: SIGKILL) {
      ((try? names(dir)) ?? []).contains { $0.hasPrefix(".big.h5.tmp-") }
    }
    #expect(code == SIGKILL)
    #expect(try names(dir).contains { $0.hasPrefix(".big.h5.tmp-") })
    let result = try run([
      "simulate", "--energy", "0.2", "--events", "2", "--quiet", "--output", dir.file("big.h5").path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try names(dir) == ["big.h5"])
  }

  @Test func trainingStopsOnSIGINTWithACheckpointAndResumes() throws {
    let dir = try TemporaryDirectory()
    let data = dir.file("small.h5")
    let geometry = TestEnvironment.repositoryRoot.appendingPathComponent("Data/demo/small-ecal.yaml").path
    let sim = try run([
      "simulate", "--geometry", geometry, "--energy-range", "5:20", "--events", "64", "--seed", "3",
      "--quiet",
      "--output", data.path,
    ])
    #expect(sim.status == 0, "\(sim.stderr)")
    let output = dir.file("run")
    let train = [
      "train", "--set", "model.preset=reduced", "--set", "batchSize=8", "--set", "epochs=1000", "--set",
      "data.files=[\(data.path)]", "--threads", "1", "--quiet", "--output", output.path,
    ]
    let (code, text) = try interrupt(train, signal: SIGINT) {
      FileManager.default.fileExists(atPath: output.appendingPathComponent("metrics.jsonl").path)
    }
    #expect(code == 130, "\(text)")
    #expect(text.contains("continue with --resume"), "\(text)")
    let checkpoints = try FileManager.default.contentsOfDirectory(
      atPath: output.appendingPathComponent("checkpoints").path)
    #expect(checkpoints.contains { $0.hasPrefix("step-") }, "\(checkpoints)")
    #expect(!checkpoints.contains { $0.hasPrefix(".") }, "\(checkpoints)")
    let resumed = try run(train + ["--resume", "--max-steps", "1"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
  }
}

/// Inputs that are not regular files get a clear error from every command, never a hang or a crash.
@Suite struct InputSafetyTests {
  @Test func everyCommandRefusesFIFOAndFolderInputsWithoutHanging() throws {
    let dir = try TemporaryDirectory()
    let fifo = dir.file("pipe")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let out = dir.file("out.h5").path
    let commands: [[String]] = [
      ["inspect", fifo.path], ["inspect", "/dev/zero"],
      ["convert", "--preset", "par04", fifo.path, "-o", out],
      ["convert", "--preset", "par04", dir.url.path, "-o", out],
      ["simulate", "--geometry", fifo.path, "--events", "1", "--output", out],
      ["train", "--config", "/dev/zero"],
      ["validate", "--reference", fifo.path, "--candidate", fifo.path, "--report", dir.file("r").path],
      ["validate", "--reference", dir.url.path, "--candidate", dir.url.path, "--report", "r"],
    ]
    for arguments in commands {
      let result = try runProcess(TestEnvironment.calotwinExecutable, arguments)
      #expect([1, 2].contains(result.status), "\(arguments): \(result.status) \(result.stderr)")
      #expect(
        result.stderr.contains("not a regular file"), "\(arguments.joined(separator: " ")): \(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }
}
