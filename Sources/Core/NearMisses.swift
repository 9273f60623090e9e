/// Edit distance between two short strings (keys, dataset and branch names), ignoring case: the
/// Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment), so
/// the typo 'fdp' is one edit from 'fpd'.
///
/// - Returns: The number of single-character insertions, deletions, substitutions and swaps of
///   neighbours that turn `a` into `b`, both lowercased.
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.lowercased())
  let b = Array(b.lowercased())
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  // Rows i-2, i-1 and i of the (a.count+1) × (b.count+1) table.
  var older = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], older[j - 2] + 1)
      }
    }
    (older, previous, current) = (previous, current, older)
  }
  return previous[b.count]
}

/// Names from `candidates` within `maximumDistance` edits of `name` (case-insensitive), closest first
/// (ties keep the candidates' order): the near misses to offer in a "did you mean" message.
///
/// `name` itself is never offered; a candidate that differs only in case is (distance 0).
///
/// - Parameters:
///   - name: The name that was not found.
///   - candidates: The names that exist.
///   - maximumDistance: Largest edit distance offered; by default half the name's length, at least 1 and at
///     most 3 (so 'Wx' is not offered 'Air', but 'incident_energy' is offered 'incident_energies').
public func nearMisses(of name: String, in candidates: [String], maximumDistance: Int? = nil) -> [String] {
  let maximumDistance = maximumDistance ?? min(3, max(1, name.count / 2))
  return candidates.enumerated()
    .map { (offset: $0.offset, name: $0.element, distance: editDistance($0.element, name)) }
    .filter { $0.distance <= maximumDistance && $0.name != name }
    .sorted { ($0.distance, $0.offset) < ($1.distance, $1.offset) }
    .map(\.name)
}

/// "; did you mean 'X'?" for the nearest of `candidates`, or an empty string when none is close.
public func didYouMean(_ name: String, in candidates: [String]) -> String {
  nearMisses(of: name, in: candidates).first.map { "; did you mean '\($0)'?" } ?? ""
}
