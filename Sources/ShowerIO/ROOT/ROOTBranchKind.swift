/// How a branch's entries are laid out, decided from its class, leaves and TBranchElement facts
/// (root-format.md §10, §12).
public enum ROOTBranchKind: Sendable, Equatable {
  /// One value per entry.
  case scalar(ROOTElementType)
  /// `count` values per entry (`x[N]`).
  case fixedArray(ROOTElementType, count: Int)
  /// A counted array `x[n]`: as many values as the counter leaf says; `header` bytes precede each
  /// entry's values (1 for split-class members, 0 otherwise).
  case counted(ROOTElementType, counter: String, header: Int)
  /// `std::vector<T>`: a 10-byte header (byte count, version, size) per entry, then the values.
  case vector(ROOTElementType)
  /// A string per entry (`char*`, TString; `header` is 6 for a split `std::string`).
  case string(header: Int)
  /// `std::vector<std::string>`.
  case stringVector
  /// A leaf list such as g4tools' row-wise branch: the leaves are read one after another per entry.
  case leafList
  /// A split parent with no data of its own; read its sub-branches.
  case group
  /// What the reader cannot decode, with the reason.
  case unsupported(String)

  /// Whether values are numbers (readable with `array` / `jagged`).
  public var elementType: ROOTElementType? {
    switch self {
    case .scalar(let t), .fixedArray(let t, _), .counted(let t, _, _), .vector(let t): t
    default: nil
    }
  }

  /// Whether the branch holds one number per entry.
  public var isScalar: Bool {
    if case .scalar = self { return true }
    return false
  }

  /// Short description: "double", "int32_t[10]", "float[NJet]", "vector<double>", "char*".
  public var typeName: String {
    switch self {
    case .scalar(let t): t.cppName
    case .fixedArray(let t, let n): "\(t.cppName)[\(n)]"
    case .counted(let t, let counter, _): "\(t.cppName)[\(counter)]"
    case .vector(let t): "vector<\(t.cppName)>"
    case .string: "string"
    case .stringVector: "vector<string>"
    case .leafList: "leaf list"
    case .group: "group"
    case .unsupported(let reason): "unsupported (\(reason))"
    }
  }
}

extension ROOTBranch {
  /// Decides `kind` for this branch and its sub-branches.
  mutating func classify(streamers: ROOTStreamerInfo? = nil) {
    for i in branches.indices { branches[i].classify(streamers: streamers) }
    kind = classification()
    if case .unsupported = kind, let element, [300, 365, 500].contains(element.streamerType),
      let types = streamers?.members[element.className], element.id >= 0, element.id < types.count
    {
      kind = Self.classifySTL(types[element.id])
    }
  }

  /// A split STL member (streamer type 300/365/500) by its C++ type name from the StreamerInfo.
  static func classifySTL(_ typeName: String) -> ROOTBranchKind {
    let name = String(typeName.replacing("std::", with: "").filter { $0 != " " })
    if name == "string" { return .string(header: 6) }
    if name == "vector<string>" { return .stringVector }
    if name.hasPrefix("vector<"), name.hasSuffix(">"),
      let type = ROOTElementType(cppName: String(name.dropFirst(7).dropLast()))
    {
      return .vector(type)
    }
    return .unsupported("split member of type \(typeName) is out of scope")
  }

  private func classification() -> ROOTBranchKind {
    if !branches.isEmpty && baskets.isEmpty { return .group }
    if let element { return classifyElement(element) }
    if className == "TBranchObject" { return .unsupported("TBranchObject holds whole objects") }
    guard leaves.count == 1, let leaf = leaves.first else {
      if leaves.isEmpty { return .unsupported("branch has no leaves") }
      guard leaves.allSatisfy({ $0.length >= 1 && $0.length <= 1 << 24 }) else {
        return .unsupported("a leaf length is not usable")
      }
      return .leafList
    }
    if leaf.className == "TLeafC" { return .string(header: 0) }
    guard let type = leaf.elementType else {
      return .unsupported("leaf class \(leaf.className) (compressed floats or objects) is out of scope")
    }
    guard leaf.length >= 1, leaf.length <= 1 << 24 else {
      return .unsupported("leaf length \(leaf.length) is not usable")
    }
    if let counter = leaf.count { return .counted(type, counter: counter.name, header: 0) }
    return leaf.length > 1 ? .fixedArray(type, count: leaf.length) : .scalar(type)
  }

  private func classifyElement(_ element: Element) -> ROOTBranchKind {
    let code = element.streamerType
    let leaf = leaves.first
    if code == -1 {
      var name = String(element.className.replacing("std::", with: "").filter { $0 != " " })
      for prefix in ["vector<", "ROOT::VecOps::RVec<"] where name.hasPrefix(prefix) && name.hasSuffix(">") {
        name = String(name.dropFirst(prefix.count).dropLast())
        if let comma = name.firstIndex(of: ",") { name = String(name[..<comma]) }
        if let type = ROOTElementType(cppName: name) { return .vector(type) }
        if name == "string" { return .stringVector }
        return .unsupported("std::vector<\(name)> holds objects, which are out of scope")
      }
      return .unsupported("object of class \(element.className) is out of scope")
    }
    switch code {
    case 1...18:
      guard let type = ROOTElementType(streamerCode: code) else { break }
      return .scalar(type)
    case 21...38:
      guard let type = ROOTElementType(streamerCode: code - 20) else { break }
      guard let n = leaf?.length, n >= 1, n <= 1 << 24 else { break }
      return .fixedArray(type, count: n)
    case 41...58:
      guard let type = ROOTElementType(streamerCode: code - 40), let counter = leaf?.count else { break }
      return .counted(type, counter: counter.name, header: 1)
    case 65: return .string(header: 0)
    case 365: return .string(header: 6)
    default: break
    }
    return .unsupported(
      "split member with streamer type \(code) of class \(element.className) needs TStreamerInfo, which the reader does not parse"
    )
  }
}
