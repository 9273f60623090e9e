import ArgumentParser

/// Range checks of numeric command-line options, each naming the option: every numeric flag refuses
/// NaN, infinities and values outside its range (`--energy must be a finite number > 0 GeV, got -5.0`).
///
/// Numeric options are declared with `parsing: .unconditional`, so `--energy -5` reaches these checks
/// instead of being read as an option `-5`.
enum OptionCheck {
  /// Throws unless `value` is finite and `> 0`.
  static func positive(_ value: Double?, _ flag: String, unit: String = "") throws {
    try finite(value, flag, "> 0", unit: unit) { $0 > 0 }
  }

  /// Throws unless `value` is finite and `≥ 0`.
  static func nonNegative(_ value: Double?, _ flag: String, unit: String = "") throws {
    try finite(value, flag, "≥ 0", unit: unit) { $0 >= 0 }
  }

  /// Throws unless `value` is finite and satisfies `condition`, described as `requirement` (`"> 0"`).
  static func finite(
    _ value: Double?, _ flag: String, _ requirement: String, unit: String = "", _ condition: (Double) -> Bool
  ) throws {
    guard let value else { return }
    guard value.isFinite, condition(value) else {
      let units = unit.isEmpty ? "" : " \(unit)"
      throw ValidationError("\(flag) must be a finite number \(requirement)\(units), got \(value)")
    }
  }

  /// Throws unless the integer `value` is at least `minimum` (default 1).
  static func positive<I: BinaryInteger>(_ value: I?, _ flag: String, minimum: I = 1) throws {
    guard let value, value < minimum else { return }
    throw ValidationError("\(flag) must be at least \(minimum), got \(value)")
  }
}
