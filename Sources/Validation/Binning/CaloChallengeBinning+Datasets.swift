extension CaloChallengeBinning {
  /// CaloChallenge dataset 2 (electrons): 45 layers × 16 angular × 9 radial bins, radial edges every
  /// 4.65 mm up to 41.85 mm; 6,480 voxels. Equal to `Data/calochallenge/binning_dataset_2.xml`.
  public static let dataset2 = uniform(pitchMicrometres: 4650, radialBins: 9, alphaBins: 16, dataset: 2)

  /// CaloChallenge dataset 3 (electrons): 45 layers × 50 angular × 18 radial bins, radial edges every
  /// 2.325 mm up to 41.85 mm; 40,500 voxels. Equal to `Data/calochallenge/binning_dataset_3.xml`.
  public static let dataset3 = uniform(pitchMicrometres: 2325, radialBins: 18, alphaBins: 50, dataset: 3)

  /// The built-in binning with `voxelCount` voxels per shower (dataset 2: 6,480; dataset 3: 40,500),
  /// or `nil`. Dataset 1 (368 and 533 voxels) needs its XML file.
  public static func builtIn(voxelCount: Int) -> CaloChallengeBinning? {
    [dataset2, dataset3].first { $0.voxelCount == voxelCount }
  }

  /// The readout cut CaloChallenge's `evaluate.py` applies to every voxel of both samples before any
  /// metric (`min_energy`), in MeV, chosen by particle as `evaluate.py` chooses it by dataset:
  /// electrons (datasets 2 and 3) 0.5 keV / 0.033 = 0.01515 MeV (Par04's 0.5 keV cell threshold
  /// divided by the sampling fraction the energies were scaled by), photons and pions (dataset 1)
  /// 1 MeV (evaluate.py at HEAD; earlier releases cut at 10 MeV); `nil` for any other particle, which
  /// gets no cut. The PDG code decides; without one (`pid` 0) the particle name does.
  public var readoutThreshold: Float? { readoutCut.map(Float.init) }

  /// `readoutThreshold` as the Double `evaluate.py` computes (`0.5e-3 / 0.033` or 1), in MeV: the lower
  /// edge of its log-spaced `E_layer` histograms.
  public var readoutCut: Double? {
    switch particleCode {
    case 11, -11: 0.5e-3 / 0.033
    case _ where isDataset1: 1
    default: nil
    }
  }

  /// Whether this is a dataset-1-like binning (photons or pions, by PDG code or, without one, by name):
  /// `evaluate.py` then uses its dataset-1 histogram ranges.
  public var isDataset1: Bool { [22, 211, -211].contains(particleCode) }

  /// The PDG code of the particle: `pid`, or without one (`pid` 0) the code of the particle name
  /// (electron, positron, photon, pion), else 0.
  public var particleCode: Int {
    guard pid == 0 else { return pid }
    return ["electron": 11, "positron": -11, "photon": 22, "pion": 211][particle.lowercased()] ?? 0
  }

  /// 45 identical layers; edges `k · pitch` computed as `k · pitch_µm / 1000` so that they equal
  /// the decimal values written in the XML files bit for bit.
  static func uniform(pitchMicrometres: Int, radialBins: Int, alphaBins: Int, dataset: Int)
    -> CaloChallengeBinning
  {
    let edges = (0...radialBins).map { Double($0 * pitchMicrometres) / 1000 }
    return CaloChallengeBinning(
      particle: "electron", pid: 11,
      layers: (0..<45).map { Layer(id: $0, rEdges: edges, alphaBins: alphaBins) },
      source: "dataset \(dataset) (built in)")
  }
}
