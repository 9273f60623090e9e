/// Purposes of the random streams, so that each gets its own sequence: Core's `RandomStream(seed:stream:index:)`
/// with `stream` one of these and `index` the step, epoch or row key.
enum Streams {
  static let noise: UInt64 = 1
  static let flips: UInt64 = 2
  static let shuffle: UInt64 = 3
  static let split: UInt64 = 4
  static let dropout: UInt64 = 5
}
