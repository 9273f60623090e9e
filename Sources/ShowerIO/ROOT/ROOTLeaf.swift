/// A TLeaf as stored in a TTree: one column of a branch (root-format.md §10.2).
///
/// Leaves are classes because other leaves point at them: a counted array's leaf refers to its
/// counter leaf (`count`), read earlier in the same record.
public final class ROOTLeaf: Sendable {
  /// ROOT class of the leaf: "TLeafD", "TLeafI", "TLeafElement", …
  public let className: String
  /// Leaf name, for example "Jet_Px".
  public let name: String
  /// Leaf title, for example "Jet_Px[NJet]".
  public let title: String
  /// Fixed number of values per entry (`fLen`): 1 for scalars, N for `x[N]`.
  public let length: Int
  /// Bytes per value (`fLenType`).
  public let lengthType: Int
  /// Whether the integer type is unsigned (`fIsUnsigned`).
  public let isUnsigned: Bool
  /// The counter leaf of a counted array `x[n]`, or nil.
  public let count: ROOTLeaf?
  /// `fType` of a TLeafElement (a TStreamerInfo type code), or nil for other leaves.
  public let elementCode: Int?

  init(
    className: String, name: String, title: String, length: Int, lengthType: Int, isUnsigned: Bool,
    count: ROOTLeaf?, elementCode: Int?
  ) {
    self.className = className
    self.name = name
    self.title = title
    self.length = length
    self.lengthType = lengthType
    self.isUnsigned = isUnsigned
    self.count = count
    self.elementCode = elementCode
  }

  /// The stored numeric type of a concrete leaf (TLeafD → double), nil for strings and elements.
  public var elementType: ROOTElementType? { ROOTElementType(leafClass: className, unsigned: isUnsigned) }
}

extension ROOTCursor {
  /// Reads a TLeaf subclass (TLeafX v1 around TLeaf v2); skips fMinimum/fMaximum by byte count.
  mutating func leaf(className: String, depth: Int) throws -> ROOTLeaf {
    let (_, outerEnd) = try versionHeader()
    let (_, leafEnd) = try versionHeader()  // TLeaf
    let (name, title) = try named()
    let length = try i32()
    let lengthType = try i32()
    _ = try i32()  // fOffset
    _ = try u8()  // fIsRange
    let unsigned = try u8() != 0
    var count: ROOTLeaf? = nil
    if case .leaf(let counter) = try readObjectAny(depth: depth) { count = counter }
    if let leafEnd { try jump(to: leafEnd) }
    var code: Int? = nil
    if className == "TLeafElement" {
      _ = try i32()  // fID
      code = try i32()
    }
    if let outerEnd { try jump(to: outerEnd) }
    return ROOTLeaf(
      className: className, name: name, title: title, length: length, lengthType: lengthType,
      isUnsigned: unsigned, count: count, elementCode: code)
  }
}
