extension ROOTTree {
  /// Reads a string column (`char*`, TString, std::string) for an entry range.
  ///
  /// - Throws: `ShowerIOError.wrongType` for non-string branches; `.corrupt` for bad entries.
  public func strings(_ column: String, entries: Range<Int>? = nil) throws -> [String] {
    let branch = try self.column(column).branch
    guard case .string(let header) = branch.kind else {
      throw ShowerIOError(
        .wrongType, "branch '\(branch.path)' is \(branch.kind.typeName), not a string", file: source.path,
        dataset: branch.path)
    }
    var result: [String] = []
    try forEachBasket(of: branch, in: try checked(entries)) { ref, content, local in
      guard let table = content.offsets else {
        throw corrupt(branch, ref, "string basket without entry offsets")
      }
      for k in local {
        if table[k + 1] == table[k] {
          result.append("")
          continue
        }
        var cursor = ROOTCursor(content.data, position: table[k] + header, context: "")
        guard let text = try? cursor.string(), cursor.position <= table[k + 1] else {
          throw corrupt(
            branch, ref, "string entry \(ref.firstEntry + k) runs past its \(table[k + 1] - table[k]) bytes")
        }
        result.append(text)
      }
    }
    return result
  }

  /// Reads a `std::vector<std::string>` column: `offsets` (entries + 1) into the flat `strings`.
  public func stringLists(_ column: String, entries: Range<Int>? = nil) throws -> (
    offsets: [Int], strings: [String]
  ) {
    let branch = try self.column(column).branch
    guard branch.kind == .stringVector else {
      throw ShowerIOError(
        .wrongType, "branch '\(branch.path)' is \(branch.kind.typeName), not vector<string>",
        file: source.path, dataset: branch.path)
    }
    var offsets = [0]
    var strings: [String] = []
    try forEachBasket(of: branch, in: try checked(entries)) { ref, content, local in
      guard let table = content.offsets else {
        throw corrupt(branch, ref, "vector<string> basket without entry offsets")
      }
      for k in local {
        if table[k + 1] > table[k] {
          var cursor = ROOTCursor(Array(content.data[table[k]..<table[k + 1]]), context: "")
          do {
            _ = try cursor.versionHeader()
            let n = try cursor.i32()
            guard n >= 0, n <= cursor.remaining else { throw cursor.corrupt("bad count") }
            for _ in 0..<n { strings.append(try cursor.string()) }
          } catch {
            throw corrupt(branch, ref, "vector<string> entry \(ref.firstEntry + k) is malformed")
          }
        }
        offsets.append(strings.count)
      }
    }
    return (offsets, strings)
  }
}
