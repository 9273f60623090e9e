import Foundation
import ShowerIO
import TestSupport
import Testing

/// HDF5 features a writer may use (Scripts/fixtures/make_hdf5_feature_fixtures.py, h5py): soft links, external
/// links and virtual datasets read the same showers as plain datasets; a filter this libhdf5 lacks (h5py's
/// LZF) is a clear `unsupportedCompression` error naming the filter, never "damaged".
@Suite struct HDF5FeatureTests {
  static func read(_ name: String) throws -> ShowerBatch {
    try ShowerFileReader(at: Fixtures.url(name)).readAll()
  }

  @Test(arguments: ["features-soft.h5", "features-external.h5", "features-virtual.h5"])
  func linkedAndVirtualDatasetsReadLikePlainOnes(name: String) throws {
    let plain = try Self.read("features-plain.h5")
    #expect(plain.count == 3 && plain.cellShape == [6, 6, 5])
    #expect(plain.energy == [10_000, 20_000, 30_000])
    let linked = try Self.read(name)
    #expect(linked.cellShape == plain.cellShape)
    #expect(linked.cells == plain.cells)
    #expect(linked.energy == plain.energy)
    #expect(linked.theta == plain.theta)
  }

  @Test func aMissingFilterPluginIsNamed() throws {
    let error = #expect(throws: ShowerIOError.self) { try Self.read("features-lzf.h5") }
    #expect(error?.code == .unsupportedCompression)
    #expect(error?.message.contains("filter 'lzf'") == true, "\(error?.description ?? "")")
    #expect(error?.message.contains("h5repack") == true)
    #expect(error?.dataset == "ECAL")
  }
}

/// `readConditions` gives the energies and angles `read` gives, without reading cells.
@Suite struct ReadConditionsTests {
  @Test(arguments: ["calotwin.h5", "calochallenge_f32.h5", "lcd_f64_mtheta.h5"])
  func conditionsEqualThoseOfAFullRead(name: String) throws {
    let reader = try ShowerFileReader(at: Fixtures.url(name))
    let range = 0..<reader.count
    let full = try reader.read(range)
    let (energy, theta) = try reader.readConditions(range)
    #expect(energy == full.energy)
    #expect(theta == full.theta)
    #expect(throws: ShowerIOError.self) { try reader.readConditions(0..<(reader.count + 1)) }
  }
}
