import Core
import Foundation
import TestSupport
import Testing
import Validation

/// The CaloChallenge binning XML parser and the built-in dataset 2 and 3 binnings.
@Suite struct CaloChallengeBinningTests {
  static func repositoryFile(_ path: String) -> URL {
    TestEnvironment.repositoryRoot.appendingPathComponent(path)
  }

  @Test(arguments: [(2, 6480, 16, 9), (3, 40500, 50, 18)])
  func shippedFilesMatchTheBuiltInBinnings(dataset: Int, voxels: Int, alpha: Int, radial: Int) throws {
    let url = Self.repositoryFile("Data/calochallenge/binning_dataset_\(dataset).xml")
    let parsed = try CaloChallengeBinning(contentsOf: url)
    let builtIn = dataset == 2 ? CaloChallengeBinning.dataset2 : .dataset3
    #expect(parsed.layers == builtIn.layers)
    #expect(parsed.particle == "electron" && parsed.pid == 11)
    #expect(parsed.voxelCount == voxels && parsed.relevantLayers.count == 45)
    #expect(parsed.alphaBinnedLayers.count == 45)
    #expect(parsed.layers.allSatisfy { $0.alphaBins == alpha && $0.radialBins == radial })
    #expect(parsed.layers[0].rEdges.last == 41.85)
    #expect(CaloChallengeBinning.builtIn(voxelCount: voxels)?.layers == builtIn.layers)
  }

  @Test func datasetOneStyleFileKeepsEmptyLayersOut() throws {
    let url = try #require(
      Bundle.module.url(forResource: "Fixtures/calochallenge_small", withExtension: "xml"))
    let b = try CaloChallengeBinning(contentsOf: url)
    #expect(b.particle == "photon" && b.pid == 22 && b.source == "calochallenge_small.xml")
    #expect(b.layers.count == 5 && b.relevantLayers.map(\.id) == [0, 2, 3, 4])
    #expect(b.alphaBinnedLayers.map(\.id) == [2, 4])
    #expect(b.voxelCount == 3 + 16 + 2 + 9 && b.offsets == [0, 3, 19, 21, 30])
    #expect(b.layers[2].radialCentres == [1, 3, 5, 8])
    let alphas = b.layers[4].alphaCentres
    #expect(
      isClose(alphas[0], -2 * Double.pi / 3, relative: 1e-15)
        && isClose(alphas[1], 0, relative: 0, absolute: 1e-15))
    #expect(CaloChallengeBinning.builtIn(voxelCount: 30) == nil)
  }

  @Test(arguments: [
    ("<Bins></Bins>", "no <Bin>"),
    ("<Bins><Bin name='e' pid='11'><Layer id='0' r_edges='0,a' n_bin_alpha='2'/></Bin></Bins>", "r_edges"),
    ("<Bins><Bin name='e' pid='11'><Layer id='0' r_edges='0,5,3' n_bin_alpha='2'/></Bin></Bins>", "increase"),
    ("<Bins><Bin name='e' pid='11'><Layer id='3' r_edges='0,5'/></Bin></Bins>", "n_bin_alpha"),
    (
      "<Bins><Bin name='e' pid='11'><Layer id='0' r_edges='0' n_bin_alpha='1'/></Bin></Bins>",
      "no <Layer> with voxels"
    ),
  ])
  func malformedFilesAreClearErrors(xml: String, words: String) {
    #expect {
      try CaloChallengeBinning(xml: xml, source: "bad.xml")
    } throws: { error in
      let e = error as! ValidationError
      return e.code == .invalidConfiguration && e.description.contains("bad.xml") && e.message.contains(words)
    }
  }

  @Test func missingFileNamesThePath() {
    #expect {
      try CaloChallengeBinning(contentsOf: URL(fileURLWithPath: "/nonexistent/binning_x.xml"))
    } throws: { error in
      (error as! ValidationError).description.contains("/nonexistent/binning_x.xml")
    }
  }
}
