/// The member types of the classes described in a file's StreamerInfo record.
///
/// Only what split-class members need: for each class, the C++ type name of each member in order
/// (`fElements`), so that a TBranchElement's `fID` names its type, for example "vector<short>".
struct ROOTStreamerInfo: Sendable {
  /// Member type names by class name, in member order.
  var members: [String: [String]] = [:]

  /// Reads the StreamerInfo TList at `seek` (the file header's `fSeekInfo`).
  init(source: ROOTSource, seek: Int) throws {
    let head = try source.read(at: seek, count: min(512, source.size - seek), what: "the StreamerInfo key")
    var keyCursor = ROOTCursor(head, context: "\(source.path): StreamerInfo key at offset \(seek)")
    let key = try keyCursor.key()
    let payload = try source.payload(of: key, what: "the StreamerInfo record")
    var cursor = ROOTCursor(payload, origin: key.keylen, context: "\(source.path): StreamerInfo record")
    let (_, end) = try cursor.versionHeader()
    try cursor.skipTObject()
    _ = try cursor.string()
    let count = try cursor.i32()
    guard count >= 0, count <= cursor.remaining else {
      throw cursor.corrupt("StreamerInfo list claims \(count) entries")
    }
    for _ in 0..<count {
      if case .streamerInfo(let name, let types) = try cursor.readObjectAny() { members[name] = types }
      _ = try cursor.string()  // option
    }
    if let end { try cursor.jump(to: end) }
  }
}

extension ROOTCursor {
  /// Reads a TStreamerInfo: its class name and the type names of its elements.
  mutating func streamerInfo(depth: Int) throws -> ROOTObject {
    let (_, end) = try versionHeader()
    let (name, _) = try named()
    try skip(8)  // fCheckSum, fClassVersion
    var types: [String] = []
    guard case .array(let elements) = try readObjectAny(depth: depth) else {
      throw corrupt("TStreamerInfo of '\(name)' has no element array")
    }
    for object in elements {
      if case .streamerElement(let type) = object { types.append(type) } else { types.append("") }
    }
    if let end { try jump(to: end) }
    return .streamerInfo(name, types)
  }

  /// Reads a TStreamerElement subclass and returns its `fTypeName`.
  mutating func streamerElement(className: String) throws -> ROOTObject {
    let (_, outerEnd) = try versionHeader()
    if className == "TStreamerSTLstring" { _ = try versionHeader() }  // around a TStreamerSTL
    let (version, _) = try versionHeader()  // TStreamerElement
    _ = try named()
    try skip(16)  // fType, fSize, fArrayLength, fArrayDim
    if version == 1 {
      let n = try i32()
      guard n >= 0 else { throw corrupt("negative fMaxIndex length") }
      try skip(4 * n)
    } else {
      try skip(20)
    }
    let type = try string()
    if let outerEnd { try jump(to: outerEnd) }
    return .streamerElement(type)
  }
}
