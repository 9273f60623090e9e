/// Levenshtein distance between two short strings (keys, dataset and branch names), ignoring case.
///
/// - Returns: The number of single-character insertions, deletions and substitutions that turn `a` into
///   `b`, both lowercased.
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a.lowercased())
  let b = Array(b.lowercased())
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    swap(&previous, &current)
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
