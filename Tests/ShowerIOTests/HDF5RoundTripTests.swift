import Foundation
import ShowerIO
import TestSupport
import Testing

@Suite struct HDF5RoundTripTests {
  @Test(arguments: [1, 7, 64])
  func roundTripKeepsEveryBit(events: Int) throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("s.h5")
    let showers = Fixtures.showers(count: events)
    let generator = GeneratorInfo(program: "calotwin test", version: "0.1.0", seed: 42)
    let writer = try ShowerFileWriter(
      at: url, generator: generator, geometry: "SiW test stack", attributes: ["note": "µ-test ✓"])
    try writer.append(showers)
    try writer.finish()

    let reader = try ShowerFileReader(at: url)
    #expect(reader.layout == .caloTwin)
    #expect(reader.count == events)
    #expect(reader.cellShape == [51, 51, 25])
    #expect(Fixtures.identical(try reader.readAll(), showers))
    #expect(reader.attributes["geometry"] == "SiW test stack")
    #expect(reader.attributes["note"] == "µ-test ✓")
    #expect(reader.attributes["unit"] == "MeV")
    #expect(reader.attributes["generator"].flatMap(GeneratorInfo.init(json:)) == generator)
  }

  @Test func appendingInPiecesEqualsOneBatch() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("pieces.h5")
    let showers = Fixtures.showers(count: 7)
    let writer = try ShowerFileWriter(at: url)
    for range in [0..<3, 3..<4, 4..<7] { try writer.append(slice(showers, range)) }
    try writer.finish()
    let reader = try ShowerFileReader(at: url)
    #expect(Fixtures.identical(try reader.readAll(), showers))
    #expect(Fixtures.identical(try reader.read(2..<5), slice(showers, 2..<5)))
    var rows: [Range<Int>] = []
    try reader.forEachChunk(size: 3) { range, batch in
      rows.append(range)
      #expect(Fixtures.identical(batch, slice(showers, range)))
    }
    #expect(rows == [0..<3, 3..<6, 6..<7])
  }

  @Test func writerStoresTheDocumentedLayout() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("layout.h5")
    let writer = try ShowerFileWriter(at: url)
    try writer.append(Fixtures.showers(count: 2))
    try writer.finish()
    let infos = Dictionary(
      uniqueKeysWithValues: try ShowerFileReader(at: url).datasets().map { ($0.name, $0) })
    #expect(infos["ECAL"]?.dtype == "float32")
    #expect(infos["ECAL"]?.shape == [2, 51, 51, 25])
    #expect(infos["ECAL"]?.chunks == [1, 51, 51, 25])
    #expect(infos["ECAL"]?.filters == ["gzip 4"])
    #expect(infos["ECAL"]?.attributes["unit"] == "MeV")
    #expect(infos["energy"]?.dtype == "float32")
    #expect(infos["theta"]?.dtype == "float32")
    #expect(infos["pdgID"]?.dtype == "int32")
    #expect(infos["E_si"]?.dtype == "float64")
    #expect(infos["cpu_s"]?.shape == [2])
  }

  @Test func caloChallengeLayoutRoundTrips() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("cc.h5")
    var showers = Fixtures.showers(count: 5, cellShape: [368], extras: false)
    let writer = try ShowerFileWriter(at: url, layout: .caloChallenge, cellShape: [368])
    try writer.append(showers)
    try writer.finish()
    let reader = try ShowerFileReader(at: url)
    #expect(reader.layout == .caloChallenge)
    let infos = Dictionary(uniqueKeysWithValues: try reader.datasets().map { ($0.name, $0) })
    #expect(infos["showers"]?.shape == [5, 368])
    #expect(infos["showers"]?.filters == ["gzip 4"])
    #expect(infos["incident_energies"]?.shape == [5, 1])
    #expect(infos["incident_energies"]?.dtype == "float32")
    // The layout stores neither angle nor PDG code: they read back as π/2 and 0. Energies are
    // float32 MeV on disk, so they come back rounded to float32.
    showers.energy = showers.energy.map { Double(Float($0)) }
    showers.theta = Array(repeating: .pi / 2, count: 5)
    showers.pdgID = Array(repeating: 0, count: 5)
    #expect(Fixtures.identical(try reader.readAll(), showers))
  }

  @Test func unfinishedWriterLeavesNoFile() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("never.h5")
    do {
      let writer = try ShowerFileWriter(at: url)
      try writer.append(Fixtures.showers(count: 2))
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).count == 1)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
  }

  @Test func finishReplacesAnExistingFileAtomically() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("replace.h5")
    try Data("old".utf8).write(to: url)
    let writer = try ShowerFileWriter(at: url)
    try writer.append(Fixtures.showers(count: 1))
    #expect(try Data(contentsOf: url) == Data("old".utf8))
    try writer.finish()
    #expect(try ShowerFileReader(at: url).count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["replace.h5"])
  }

  @Test func writerRejectsMismatchedBatches() throws {
    let dir = try TemporaryDirectory()
    let writer = try ShowerFileWriter(at: dir.file("bad.h5"))
    try writer.append(Fixtures.showers(count: 1))
    #expect(throws: ShowerIOError.self) { try writer.append(Fixtures.showers(count: 1, extras: false)) }
    #expect(throws: ShowerIOError.self) { try writer.append(Fixtures.showers(count: 1, cellShape: [10])) }
    var unknown = ShowerBatch(cellShape: [51, 51, 25])
    unknown.append(
      cells: .init(repeating: 0, count: 65025), energy: 1, theta: 1, pdgID: 11, extras: ["E_sii": 1])
    let other = try ShowerFileWriter(at: dir.file("other.h5"))
    let error = try #require(throws: ShowerIOError.self) { try other.append(unknown) }
    #expect(error.message.contains("did you mean 'E_si'"))
  }

  @Test func concurrentReadersAgree() async throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("shared.h5")
    let showers = Fixtures.showers(count: 16)
    let writer = try ShowerFileWriter(at: url)
    try writer.append(showers)
    try writer.finish()
    let reader = try ShowerFileReader(at: url)
    let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
      for start in stride(from: 0, to: 16, by: 2) {
        group.addTask {
          let own = try ShowerFileReader(at: url)
          let a = try reader.read(start..<start + 2)
          let b = try own.read(start..<start + 2)
          return Fixtures.identical(a, slice(showers, start..<start + 2)) && Fixtures.identical(a, b)
        }
      }
      return try await group.reduce(true) { $0 && $1 }
    }
    #expect(ok)
  }
}

/// Showers `range` of a batch.
func slice(_ batch: ShowerBatch, _ range: Range<Int>) -> ShowerBatch {
  var out = ShowerBatch(cellShape: batch.cellShape)
  let n = batch.cellsPerShower
  out.cells = Array(batch.cells[range.lowerBound * n..<range.upperBound * n])
  out.energy = Array(batch.energy[range])
  out.theta = Array(batch.theta[range])
  out.pdgID = Array(batch.pdgID[range])
  out.extras = batch.extras.mapValues { Array($0[range]) }
  return out
}
