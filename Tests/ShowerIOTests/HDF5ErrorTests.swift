import Foundation
import ShowerIO
import TestSupport
import Testing

/// Bad files give a `ShowerIOError` with the right code, naming file and dataset; never a crash.
@Suite struct HDF5ErrorTests {
  @Test func missingDatasetSuggestsNearMiss() throws {
    let url = Fixtures.url("broken_missing_energy.h5")
    let error = try #require(throws: ShowerIOError.self) { try ShowerFileReader(at: url) }
    #expect(error.code == .missingDataset)
    #expect(error.dataset == "energy")
    #expect(error.file == url.path)
    #expect(error.message.contains("did you mean 'energies'?"))
    #expect(error.description.contains("broken_missing_energy.h5"))
  }

  @Test func wrongShapeSaysExpectedAndFound() throws {
    let url = Fixtures.url("broken_wrong_shape.h5")
    let error = try #require(throws: ShowerIOError.self) { try ShowerFileReader(at: url) }
    #expect(error.code == .wrongShape)
    #expect(error.dataset == "energy")
    #expect(error.message.contains("expected shape [3]"))
    #expect(error.message.contains("found [4]"))
    #expect(error.description.contains("broken_wrong_shape.h5"))
  }

  @Test func unknownLayoutNamesWhatWasFound() throws {
    let url = Fixtures.url("broken_unknown_layout.h5")
    let error = try #require(throws: ShowerIOError.self) { try ShowerFileReader(at: url) }
    #expect(error.code == .unknownLayout)
    #expect(error.message.contains("'incident_energy' float32 [3, 1]"))
    #expect(error.message.contains("did you mean 'incident_energies' instead of 'incident_energy'?"))
    #expect(error.message.contains("did you mean 'showers' instead of 'shower'?"))
  }

  @Test func truncatedFileIsReported() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("cut.h5")
    let data = try Data(contentsOf: Fixtures.url("calotwin.h5"))
    try data.prefix(data.count / 2).write(to: url)
    let error = try #require(throws: ShowerIOError.self) {
      let reader = try ShowerFileReader(at: url)
      _ = try reader.readAll()
    }
    #expect(error.code == .truncated)
    #expect(error.file == url.path)
    #expect(error.message.contains("truncated"))
  }

  @Test(arguments: [Data("just some text\n".utf8), Data()])
  func nonHDF5FileIsReported(content: Data) throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("notes.h5")
    try content.write(to: url)
    let error = try #require(throws: ShowerIOError.self) { try ShowerFileReader(at: url) }
    #expect(error.code == .notHDF5)
    #expect(error.file == url.path)
    #expect(error.message.contains("not an HDF5 file"))
  }

  @Test func missingFileIsReported() throws {
    let error = try #require(throws: ShowerIOError.self) {
      try ShowerFileReader(at: URL(fileURLWithPath: "/nonexistent/showers.h5"))
    }
    #expect(error.code == .fileNotFound)
    #expect(error.description.hasPrefix("/nonexistent/showers.h5"))
  }

  @Test func rangeOutsideFileIsRejected() throws {
    let reader = try ShowerFileReader(at: Fixtures.url("calotwin.h5"))
    let error = try #require(throws: ShowerIOError.self) { try reader.read(2..<9) }
    #expect(error.code == .invalidArgument)
    #expect(error.message.contains("outside 0..<4"))
  }

  @Test func writerIntoMissingFolderFails() throws {
    let error = try #require(throws: ShowerIOError.self) {
      try ShowerFileWriter(at: URL(fileURLWithPath: "/nonexistent-dir/out.h5"))
    }
    #expect(error.code == .writeFailed)
  }
}

@Suite struct HDF5DamageTests {
  @Test func damagedChunkNamesTheEvent() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("damaged.h5")
    var data = try Data(contentsOf: Fixtures.url("calotwin.h5"))
    // Chunk 1 of ECAL (shower 1) starts at byte 11990 (h5py get_chunk_info): overwrite its middle.
    for i in 12100..<12300 { data[i] = 0xA5 }
    try data.write(to: url)
    let reader = try ShowerFileReader(at: url)
    #expect(try reader.read(0..<1).count == 1)
    let error = try #require(throws: ShowerIOError.self) { try reader.read(0..<4) }
    #expect(error.code == .decompressionFailed)
    #expect(error.dataset == "ECAL")
    #expect(error.event == 1)
    #expect(error.description.contains("damaged.h5: 'ECAL': event 1: "))
  }

  @Test func emptyFileHasNoShowers() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("empty.h5")
    let writer = try ShowerFileWriter(at: url)
    try writer.finish()
    let reader = try ShowerFileReader(at: url)
    #expect(reader.count == 0)
    #expect(try reader.readAll().count == 0)
    let summary = try ShowerFileSummary(reader: reader)
    #expect(summary.count == 0)
    #expect(summary.meanTotalEnergy == 0)
    #expect(summary.text.contains("0 showers"))
  }
}
