public import ShowerIO

/// What validation does with an event holding a number it cannot use: a non-finite or negative cell,
/// a non-finite or non-positive incident energy, a non-finite angle.
public enum BadEventPolicy: String, Sendable, Codable, Equatable, CaseIterable {
  /// Stop with `ValidationError.badEvent` naming the file, dataset and event (the default).
  case fail
  /// Leave such events out and count them (`FeatureTable.skippedEvents`; CLI `--skip-bad-events`).
  case skip
}
