import Foundation
import ShowerIO
import TestSupport
import Testing

/// `calotwin convert` end to end: ROOT in, HDF5 out, read back with ShowerFileReader and compared
/// with the uproot + numpy reference (Fixtures/root-par04-dense.json).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: TestEnvironment.calotwinExecutable.path)))
struct ROOTConvertCommandTests {

  @Test func par04PresetWritesTheReferenceShowers() throws {
    let input = try ROOTConvertTests.par04like()
    let directory = try TemporaryDirectory()
    let output = directory.file("par04.h5")
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      [
        "convert", "--preset", "par04", input, input, "--output", output.path, "--chunk", "9",
        "--quiet",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("2 files, 200 events read, 200 showers written, 0 skipped"))
    let reference = try JSONDecoder().decode(
      ROOTConvertTests.Dense.self,
      from: Data(contentsOf: try ROOTConvertTests.fixture("root-par04-dense.json")))
    let batch = try ShowerFileReader(at: output).readAll()
    #expect(batch.count == 200 && batch.cellShape == [40500])
    for event in [0, 1, 16, 57, 99] {
      var expected = [Float](repeating: 0, count: 40500)
      for pair in reference.detail[String(event)]! { expected[Int(pair[0])] = Float(pair[1]) }
      #expect(Array(batch.shower(event)) == expected, "event \(event)")
      #expect(Array(batch.shower(event + 100)) == expected, "second file, event \(event)")
    }
    #expect(batch.energy.prefix(100).map { Float($0) } == reference.incidentEnergy.map { Float($0) })
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(leftovers == ["par04.h5"], "no temporary file is left behind")
  }

  @Test func brokenInputFailsWithItsNameAndLeavesNoOutput() throws {
    let input = try ROOTConvertTests.par04like()
    let directory = try TemporaryDirectory()
    let output = directory.file("out.h5")
    let bad = try ROOTReference.url("wrong-magic.root", in: "bad").path
    let result = try runProcess(
      TestEnvironment.calotwinExecutable,
      ["convert", "--preset", "par04", input, bad, "-o", output.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("wrong-magic.root") && result.stderr.contains("not a ROOT file"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func flagsOverrideThePresetAndYAMLMappingsWork() throws {
    let input = try ROOTConvertTests.par04like()
    let directory = try TemporaryDirectory()
    let yaml = directory.file("mapping.yaml")
    try """
    tree: events
    cellEnergy: EnergyCell
    indices: [zCell, phiCell, rhoCell]
    shape: [45, 50, 18]
    layout: calochallenge
    energyScale: 2
    """.write(to: yaml, atomically: true, encoding: .utf8)
    let viaYAML = directory.file("yaml.h5")
    let viaFlags = directory.file("flags.h5")
    for (arguments, output) in [
      (["--mapping", yaml.path], viaYAML),
      (["--preset", "par04", "--energy-scale", "2"], viaFlags),
    ] {
      let result = try runProcess(
        TestEnvironment.calotwinExecutable, ["convert", input, "-o", output.path, "--quiet"] + arguments)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let a = try ShowerFileReader(at: viaYAML).readAll()
    let b = try ShowerFileReader(at: viaFlags).readAll()
    #expect(a.cells == b.cells && a.energy == b.energy)
    let plain = try ROOTShowerSource(path: input, mapping: .par04(), chunkEntries: 100)
    let (reference, _) = try plain.convert(0..<100)
    #expect(
      a.cells == reference.cells.map { $0 * 2 }
        || zip(a.cells, reference.cells).allSatisfy {
          isClose($0, $1 * 2, relative: 1e-6)
        })
  }

  /// preset < mapping file < flags: a file that changes one key keeps the preset's others, a flag wins
  /// over both (before, a mapping file replaced the preset with the defaults).
  @Test func mappingFileChangesOnlyItsKeysOfThePresetAndFlagsWin() throws {
    let directory = try TemporaryDirectory()
    let input = try ROOTConvertTests.par04like()
    let yaml = directory.file("scale.yaml")
    try "energyScale: 2\n".write(to: yaml, atomically: true, encoding: .utf8)
    let plain = try ROOTShowerSource(path: input, mapping: .par04(), chunkEntries: 100)
    let (reference, _) = try plain.convert(0..<100)
    for (extra, factor) in [([String](), Float(2)), (["--energy-scale", "3"], Float(3))] {
      let output = directory.file("out-\(factor).h5")
      let result = try runProcess(
        TestEnvironment.calotwinExecutable,
        ["convert", "--preset", "par04", "--mapping", yaml.path, input, "-o", output.path, "--quiet"]
          + extra)
      #expect(result.status == 0, "\(result.stderr)")
      let batch = try ShowerFileReader(at: output).readAll()
      #expect(batch.cellShape == [40500], "the preset's shape and layout are kept")
      #expect(
        batch.energy.count == 100
          && zip(batch.energy, reference.energy).allSatisfy { isClose($0, $1, relative: 1e-6) },
        "the preset's energy branch and scale are kept (stored as float32)")
      #expect(zip(batch.cells, reference.cells).allSatisfy { isClose($0, $1 * factor, relative: 1e-6) })
    }
  }

  @Test func inspectDescribesROOTFiles() throws {
    let input = try ROOTConvertTests.par04like()
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", input])
    #expect(result.status == 0)
    #expect(
      result.stdout.contains("tree 'events'") && result.stdout.contains("EnergyCell   double[nEnergyCell]"))
  }
}
