/// A TBranch or TBranchElement of a tree: its leaves, sub-branches and where its baskets are.
///
/// Branches are metadata only; values are read through ``ROOTTree`` (``ROOTTree/array(_:as:entries:)``
/// and friends), which owns the file. `path` joins parent and child names with `/` for split
/// branches ("evt/P3/P3.Px"), as the reference JSON does.
public struct ROOTBranch: Sendable {
  /// Branch name ("EnergyCell").
  public var name: String
  /// Path from the tree: parent names and this name joined by `/`.
  public var path: String
  /// Branch title ("Jet_Px[NJet]/F").
  public var title: String
  /// ROOT class: "TBranch" or "TBranchElement".
  public var className: String
  /// Class version of the TBranch record (8 for g4tools, 10–13 for ROOT).
  public var version: Int
  /// Number of entries of the branch.
  public var entries: Int
  /// `fCompress`: 100·algorithm + level, as the writer intended (informative only).
  public var compression: Int
  /// `fEntryOffsetLen`: 0 when the writer stored no entry offsets.
  public var entryOffsetLength: Int
  /// Leaves in order (one for flat ntuples; several for a leaf list such as g4tools' row-wise branch).
  public var leaves: [ROOTLeaf]
  /// Sub-branches (split classes only).
  public var branches: [ROOTBranch]
  /// TBranchElement facts (`fClassName`, `fID`, `fType`, `fStreamerType`), nil for a TBranch.
  public var element: Element?
  /// How the values are laid out; `.unsupported` with a reason for what the reader cannot decode.
  public internal(set) var kind: ROOTBranchKind = .unsupported("not classified")
  /// Baskets in entry order, free ones first, then embedded ones.
  var baskets: [ROOTBasketRef] = []

  /// The TBranchElement members the reader uses.
  public struct Element: Sendable, Equatable {
    /// `fClassName`, for example "vector<double>".
    public var className: String
    /// `fID`: -1 for a top-level container, the member index for a split member.
    public var id: Int
    /// `fType`.
    public var type: Int
    /// `fStreamerType`: -1 for a top-level container, a TStreamerInfo code for members.
    public var streamerType: Int
  }

  /// Entry boundaries of the baskets: `[0, …, entries]`.
  public var entryBoundaries: [Int] {
    [0] + baskets.map { $0.firstEntry + $0.entryCount }
  }

  /// Number of baskets stored inside the TTree record.
  public var embeddedBasketCount: Int { baskets.filter { $0.embedded != nil }.count }

  /// This branch and all its sub-branches, depth first.
  public var flattened: [ROOTBranch] { [self] + branches.flatMap(\.flattened) }
}

/// Where one basket's bytes are and which entries it holds.
struct ROOTBasketRef: Sendable {
  /// First entry of the basket (tree entry number).
  var firstEntry: Int
  /// Number of entries in the basket.
  var entryCount: Int
  /// File position of the free basket's TKey (0 for embedded baskets).
  var seek: Int
  /// Size of the free basket's record on disk.
  var bytes: Int
  /// The content of an embedded basket, nil for a free one.
  var embedded: ROOTBasketContent?
}
