/// What a reference position of a record's map stands for.
enum ROOTReference {
  case className(String)
  case leaf(ROOTLeaf)
  case object
}

/// One element read by `readObjectAny`: the classes the reader understands, or something skipped.
enum ROOTObject {
  case null
  case leaf(ROOTLeaf)
  case branch(ROOTBranch)
  case basket(ROOTBasketContent)
  /// A TStreamerInfo: class name and member type names.
  case streamerInfo(String, [String])
  /// A TObjArray held through a pointer.
  case array([ROOTObject])
  /// A TStreamerElement's type name.
  case streamerElement(String)
  /// An object of a class the reader skipped by its byte count, or a reference to a non-leaf.
  case skipped(String)
}

extension ROOTCursor {
  /// Reads a polymorphic pointer (root-format.md §1.1): null, a reference, or a tagged new object.
  ///
  /// Understood classes are parsed (TBranch, TBranchElement, TLeaf*, TBasket); others are skipped
  /// by their byte count, or rejected when they have none.
  mutating func readObjectAny(depth: Int = 0) throws -> ROOTObject {
    guard depth < 32 else { throw corrupt("objects nested more than 32 deep") }
    let begin = position
    let word = try u32()
    var tag = word
    var end: Int? = nil
    if word & 0x4000_0000 != 0 && word != 0xFFFF_FFFF {
      let count = Int(word & ~0x4000_0000)
      guard begin + 4 + count <= bytes.count else {
        throw corrupt("object byte count \(count) runs past the end of the record")
      }
      end = begin + 4 + count
      tag = try u32()
    }
    if tag & 0x8000_0000 == 0 {  // a reference to an object read before
      if let end { position = end }
      if tag == 0 { return .null }
      if case .leaf(let leaf) = references[Int(tag)] { return .leaf(leaf) }
      return .skipped("reference")
    }
    let className: String
    if tag == 0xFFFF_FFFF {
      let tagPosition = position - 4
      className = try cString()
      references[tagPosition + origin + 2] = .className(className)
    } else {
      guard case .className(let name) = references[Int(tag & ~0x8000_0000)] else {
        throw corrupt("class reference \(tag & ~0x8000_0000) points to no class read before")
      }
      className = name
    }
    let object: ROOTObject
    switch className {
    case "TBranch", "TBranchElement", "TBranchObject":
      object = .branch(try branch(className: className, depth: depth + 1))
    case _ where className.hasPrefix("TLeaf"):
      let leaf = try self.leaf(className: className, depth: depth + 1)
      object = .leaf(leaf)
    case "TObjArray":
      object = .array(try objArray(depth: depth + 1))
    case "TStreamerInfo":
      object = try streamerInfo(depth: depth + 1)
    case _ where className.hasPrefix("TStreamer") && end != nil:
      object = try streamerElement(className: className)
    case "TBasket":
      object = .basket(try embeddedBasket())
    default:
      guard let end else { throw corrupt("object of class '\(className)' has no byte count; cannot skip it") }
      position = end
      object = .skipped(className)
    }
    if let end { position = end }
    if case .leaf(let leaf) = object {
      references[begin + origin + 2] = .leaf(leaf)
    } else {
      references[begin + origin + 2] = .object
    }
    return object
  }

  /// Reads a TObjArray and returns its elements (null slots included).
  mutating func objArray(depth: Int = 0) throws -> [ROOTObject] {
    let (_, end) = try versionHeader()
    try skipTObject()
    _ = try string()  // fName
    let count = try i32()
    _ = try i32()  // fLowerBound
    guard count >= 0, count <= remaining / 4 + 1 else { throw corrupt("TObjArray claims \(count) elements") }
    var objects: [ROOTObject] = []
    objects.reserveCapacity(count)
    for _ in 0..<count { objects.append(try readObjectAny(depth: depth)) }
    if let end { try jump(to: end) }
    return objects
  }
}
