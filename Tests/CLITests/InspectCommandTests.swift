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
    #expect(result.stderr.contains("not an HDF5 file"))
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
}
