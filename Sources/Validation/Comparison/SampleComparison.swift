/// Agreement of one feature column between reference and candidate within one condition bin.
public struct FeatureComparison: Sendable, Encodable, Equatable {
  /// Column name, for example `R90` or `E_layer[3]`.
  public var name: String
  /// Group name (`E_layer` for `E_layer[3]`).
  public var group: String
  /// Unit of the values.
  public var unit: String
  /// Mean over reference showers.
  public var referenceMean: Double
  /// Mean over candidate showers.
  public var candidateMean: Double
  /// `(candidate − reference) / |reference|` of the means.
  public var relativeMeanError: Double
  /// CaloChallenge separation power of the two histograms, in [0, 1] (`Histogram.separationPower`).
  public var separationPower: Double
  /// Two-sample Kolmogorov–Smirnov statistic.
  public var ks: Double
  /// Asymptotic p-value of `ks`.
  public var ksPValue: Double
  /// 1-Wasserstein distance, in the unit of the feature.
  public var wasserstein: Double
  /// Histogram binning used for `separationPower` (not written to metrics.json); log-spaced edges
  /// for CaloChallenge `E_layer`.
  public var histogram: Histogram
  /// Reference counts per bin: out-of-range values clipped into the edge bins (quantile binning) or
  /// dropped (CaloChallenge binning).
  public var referenceCounts: [Double]
  /// Candidate counts per bin.
  public var candidateCounts: [Double]
  /// Fraction of reference values outside the histogram range, dropped from it (0 when clipped).
  public var referenceOutside: Double = 0
  /// Fraction of candidate values outside the histogram range, dropped from it.
  public var candidateOutside: Double = 0

  enum CodingKeys: String, CodingKey {
    case name, group, unit, referenceMean, candidateMean, relativeMeanError, separationPower, ks,
      ksPValue, wasserstein, referenceOutside, candidateOutside
  }
}

/// Agreement of a mean profile (longitudinal, transverse, radial, cell spectrum).
public struct ProfileComparison: Sendable, Codable, Equatable {
  /// Profile name: `E_layer`, `profile_x`, `profile_y`, `profile_r` or `cell_spectrum`.
  public var name: String
  /// Unit of the values (per shower).
  public var unit: String
  /// Mean reference profile per shower.
  public var reference: [Double]
  /// Mean candidate profile per shower.
  public var candidate: [Double]
  /// `(candidate − reference) / reference` per entry; 0 where the reference is below 1e-3 of its peak.
  public var relativeErrors: [Double]
  /// Mean |relative error| over entries with reference above 1e-3 of its peak (3DGAN profile error).
  public var meanAbsoluteRelativeError: Double
}

/// All comparisons of one condition bin.
public struct BinComparison: Sendable, Encodable, Equatable {
  /// The bin.
  public var bin: ConditionBin
  /// Reference showers in the bin.
  public var referenceCount: Int
  /// Candidate showers in the bin.
  public var candidateCount: Int
  /// One entry per scalar and per-layer feature column.
  public var features: [FeatureComparison]
  /// Mean profiles.
  public var profiles: [ProfileComparison]
  /// Pearson matrix of the layer energies, reference, row-major `layers × layers`.
  public var pearsonReference: [Double]
  /// Pearson matrix of the layer energies, candidate.
  public var pearsonCandidate: [Double]
  /// Largest |difference| between the two Pearson matrices.
  public var pearsonMaxDifference: Double

  /// The comparison of feature `name`, if present.
  public func feature(_ name: String) -> FeatureComparison? { features.first { $0.name == name } }
  /// The comparison of profile `name`, if present.
  public func profile(_ name: String) -> ProfileComparison? { profiles.first { $0.name == name } }
}

/// Everything `Comparator` measured: per-bin comparisons and the sample-wide FPD and KPD.
public struct SampleComparison: Sendable, Encodable, Equatable {
  /// Cartesian geometry of both samples; `nil` for CaloChallenge voxels (see `geometry`).
  public var layout: CalorimeterLayout?
  /// The geometry in words (`FeatureSchema.geometryDescription`), for example
  /// `CaloChallenge voxels (6480, binning binning_dataset_2.xml)`.
  public var geometry: String
  /// Showers in the reference and candidate samples.
  public var referenceCount: Int
  /// Showers in the candidate sample.
  public var candidateCount: Int
  /// One entry per condition bin with enough showers.
  public var bins: [BinComparison]
  /// FPD on the high-level feature vector (all showers), if computed.
  public var fpd: PhysicsDistances.Value?
  /// KPD on the high-level feature vector, if computed.
  public var kpd: PhysicsDistances.Value?
  /// Dimension of the high-level feature vector.
  public var highLevelDimension: Int
  /// Histogram binning of the separation powers: `quantile` or `caloChallenge` (never `automatic`).
  public var histogramBinning: HistogramBinning = .quantile
  /// Cell energy in MeV below which cells were set to 0 in both samples before any observable
  /// (0: no cut; CaloChallenge files get the readout cut by default).
  public var cellThreshold: Double = 0
  /// CaloChallenge's voxel-energy distribution and its separation power (`plot_cell_dist`), for
  /// CaloChallenge voxels under CaloChallenge histogram binning; `nil` otherwise.
  public var voxelEnergy: VoxelEnergyComparison? = nil
  /// Reference events left out for unusable numbers (`BadEventPolicy.skip`; 0 otherwise).
  public var referenceSkippedEvents = 0
  /// Candidate events left out for unusable numbers.
  public var candidateSkippedEvents = 0
  /// CaloChallenge classifier test on the high-level inputs (`cls-high`, all showers), if run
  /// (`Validator.Configuration.classifier` with `classifierInputs` `.high`, `.both` or `.all`).
  public var classifier: ClassifierTest.Result? = nil
  /// CaloChallenge classifier test on the low-level inputs (`cls-low`: cells / E_inc and log10 E_inc),
  /// if run (`classifierInputs` `.low`, `.both` or `.all`).
  public var classifierLow: ClassifierTest.Result? = nil
  /// CaloChallenge classifier test on the normalised low-level inputs (`cls-low-normed`), if run
  /// (`classifierInputs` `.lowNormed` or `.all`).
  public var classifierLowNormed: ClassifierTest.Result? = nil
}
