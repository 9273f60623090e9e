import Foundation
import ShowerIO
import TestSupport
import Testing

/// `ShowerFileWriter.prepare` + `append(_: PreparedShowerBatch)`: chunks deflated outside HDF5 and
/// stored with a direct chunk write. Reading back goes through HDF5's own deflate filter, so a
/// bit-identical read proves the chunks are valid filter output; the reference is the batch written.
@Suite struct PreparedWriteTests {
  /// Writes `pieces` of `showers` through the prepared path or the ordinary one.
  private func write(
    _ showers: ShowerBatch, to url: URL, layout: ShowerLayout, prepared: Bool
  ) throws {
    let writer = try ShowerFileWriter(at: url, layout: layout, cellShape: showers.cellShape)
    let n = showers.count
    for range in [0..<n / 2, n / 2..<n] {
      var piece = ShowerBatch(cellShape: showers.cellShape)
      piece.cells = Array(
        showers.cells[range.lowerBound * showers.cellsPerShower..<range.upperBound * showers.cellsPerShower])
      piece.energy = Array(showers.energy[range])
      piece.theta = Array(showers.theta[range])
      piece.pdgID = Array(showers.pdgID[range])
      piece.extras = showers.extras.mapValues { Array($0[range]) }
      if prepared {
        try writer.append(ShowerFileWriter.prepare(piece, layout: layout))
      } else {
        try writer.append(piece)
      }
    }
    try writer.finish()
  }

  @Test func caloTwinPreparedWriteReadsBackBitIdentically() throws {
    let dir = try TemporaryDirectory()
    var showers = Fixtures.showers(count: 6)
    // One shower of random bit patterns does not compress: it must be stored unfiltered (mask 1).
    var generator = SystemRandomNumberGenerator()
    for i in 0..<showers.cellsPerShower {
      showers.cells[2 * showers.cellsPerShower + i] = Float(
        bitPattern: UInt32.random(in: 0...0x7F7F_FFFF, using: &generator))
    }
    let fast = dir.file("prepared.h5")
    let plain = dir.file("plain.h5")
    try write(showers, to: fast, layout: .caloTwin, prepared: true)
    try write(showers, to: plain, layout: .caloTwin, prepared: false)
    let reader = try ShowerFileReader(at: fast)
    #expect(reader.count == 6)
    #expect(Fixtures.identical(try reader.readAll(), showers))
    #expect(Fixtures.identical(try reader.read(1..<3), try ShowerFileReader(at: plain).read(1..<3)))
    let info = try reader.datasets().first { $0.name == "ECAL" }
    #expect(info?.chunks == [1, 51, 51, 25])
    #expect(info?.filters == ["gzip 4"])
    // zlib level 4 via compress2 is what HDF5's deflate filter stores: same chunk sizes, same file size.
    let size = { (url: URL) in try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int }
    #expect(try size(fast) == size(plain))
  }

  @Test func caloChallengeOneShowerChunksUseThePreparedPath() throws {
    let dir = try TemporaryDirectory()
    let showers = Fixtures.showers(count: 4, cellShape: [40500], extras: false)
    let fast = dir.file("cc-prepared.h5")
    let plain = dir.file("cc-plain.h5")
    try write(showers, to: fast, layout: .caloChallenge, prepared: true)
    try write(showers, to: plain, layout: .caloChallenge, prepared: false)
    let a = try ShowerFileReader(at: fast).readAll()
    let b = try ShowerFileReader(at: plain).readAll()
    #expect(a.cells == showers.cells)
    #expect(Fixtures.identical(a, b))
    let info = try ShowerFileReader(at: fast).datasets().first { $0.name == "showers" }
    #expect(info?.chunks == [1, 40500])
    #expect(info?.filters == ["gzip 4"])
  }

  @Test func smallCaloChallengeFallsBackToHDF5Compression() throws {
    let dir = try TemporaryDirectory()
    let showers = Fixtures.showers(count: 5, cellShape: [368], extras: false)
    let url = dir.file("cc-small.h5")
    try write(showers, to: url, layout: .caloChallenge, prepared: true)
    #expect(try ShowerFileReader(at: url).readAll().cells == showers.cells)
  }
}
