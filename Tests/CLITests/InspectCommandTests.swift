import Foundation
import TestSupport
import Testing

/// `calotwin inspect`, run as a separate process on real files.
@Suite struct InspectCommandTests {
  @Test func inspectDescribesTheGeant4Sample() throws {
    let sample = try TestEnvironment.geant4Sample()
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", sample.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("200 showers"))
    #expect(result.stdout.contains("10 – 100 GeV"))
    #expect(result.stdout.contains("CaloTwin layout"))
    // Mean of the README's checksums: (20969.9386 + 190312.5579) / 200 MeV.
    #expect(result.stdout.contains("mean total energy: 1056.41 MeV"))
    #expect(result.stdout.contains("ECAL     float32  [200, 51, 51, 25]  chunks [1, 51, 51, 25]  gzip 4"))
  }

  @Test func inspectJSONIsMachineReadable() throws {
    let sample = try TestEnvironment.geant4Sample()
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", "--json", sample.path])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["count"] as? Int == 200)
    #expect(object["layout"] as? String == "caloTwin")
    #expect(object["energyValues"] as? [Double] == [10_000, 100_000])
    let mean = try #require(object["meanTotalEnergy"] as? Double)
    #expect(isClose(mean, (20969.9386 + 190312.5579) / 200, relative: 1e-6))
  }

  @Test func inspectRejectsANonHDF5File() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("notes.h5")
    try Data("these are not showers\n".utf8).write(to: url)
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", url.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("not a shower file: neither HDF5 nor ROOT (22 bytes, starting 'these ar'"))
    #expect(result.stderr.contains(url.path))
    #expect(!result.stderr.contains("HDF5-DIAG"))
    #expect(!result.stderr.contains("Fatal error"))
    #expect(result.stdout.isEmpty)
  }

  @Test func inspectReportsATruncatedFile() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("cut.h5")
    // A truncated copy of the sample's first 4096 bytes (its HDF5 header).
    let data = try Data(contentsOf: TestEnvironment.geant4Sample()).prefix(4096)
    try data.write(to: url)
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", url.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("error: \(url.path)"))
    #expect(!result.stderr.contains("HDF5-DIAG"))
  }

  @Test func inspectNamesTheFormatOfAnEmptyOrGarbageROOTFile() throws {
    let dir = try TemporaryDirectory()
    let empty = dir.file("empty.root")
    try Data().write(to: empty)
    let garbage = dir.file("garbage.root")
    try Data([0x00, 0xFF, 0x10, 0x20, 0x7F, 0x80, 0x01, 0x02, 0x03]).write(to: garbage)
    for (url, expected) in [
      (empty, "an empty file (0 bytes)"),
      (garbage, "neither HDF5 nor ROOT (9 bytes, starting 00 ff 10 20 7f 80 01 02 …)"),
    ] {
      let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", url.path])
      #expect(result.status == 1)
      #expect(
        result.stderr.hasPrefix("error: \(url.path): not a shower file: \(expected)"), "\(result.stderr)")
      #expect(!result.stderr.contains("not an HDF5 file"))
    }
  }

  @Test func inspectFindsTheHDF5SignatureAfterAUserBlock() throws {
    // HDF5 allows a user block of 512, 1024, … bytes before the signature: still HDF5, not "garbage".
    let dir = try TemporaryDirectory()
    let url = dir.file("userblock.h5")
    var bytes = Data(repeating: 0x20, count: 512)
    bytes.append(contentsOf: [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A])
    bytes.append(Data(repeating: 0, count: 64))
    try bytes.write(to: url)
    let result = try runProcess(TestEnvironment.calotwinExecutable, ["inspect", url.path])
    #expect(result.status == 1)
    #expect(!result.stderr.contains("neither HDF5 nor ROOT"), "\(result.stderr)")
  }
}
