internal import Core

/// A selection of showers by primary energy and polar angle: one column of the comparison.
///
/// Ranges are half-open `[lower, upper)` in MeV and radians. The defaults follow the 3DGAN
/// analysis (discrete energies ± 5 GeV; angles 62°, 90°, 118° ± 0.1 rad) and the CaloChallenge
/// classes (decades 1–10, 10–100, 100–1000 GeV for continuous spectra).
public struct ConditionBin: Sendable, Codable, Equatable {
  /// Short label, for example `E=10GeV` or `all`.
  public var label: String
  /// Primary energy range in MeV.
  public var energy: ClosedOpenRange
  /// Polar angle range in radians.
  public var theta: ClosedOpenRange

  /// A half-open range `[lower, upper)` that Codable can write.
  public struct ClosedOpenRange: Sendable, Codable, Equatable {
    /// Inclusive lower bound.
    public var lower: Double
    /// Exclusive upper bound.
    public var upper: Double
    /// Creates `[lower, upper)`.
    public init(_ lower: Double, _ upper: Double) {
      self.lower = lower
      self.upper = upper
    }
    /// Whether `value` lies inside.
    public func contains(_ value: Double) -> Bool { value >= lower && value < upper }
    /// Everything.
    public static let all = ClosedOpenRange(-.infinity, .infinity)
  }

  /// Creates a bin.
  public init(label: String, energy: ClosedOpenRange = .all, theta: ClosedOpenRange = .all) {
    self.label = label
    self.energy = energy
    self.theta = theta
  }

  /// Rows of `table` whose primary lies in this bin.
  @_optimize(speed)
  public func rows(of table: FeatureTable) -> [Int] {
    let e = table.schema.column("E_inc"), t = table.schema.column("theta")
    let w = table.schema.width
    return (0..<table.count).filter { i in
      energy.contains(table.values[i * w + e]) && theta.contains(table.values[i * w + t])
    }
  }

  /// Default bins for a reference sample: `all`, then one bin per discrete energy (±5 GeV, when the
  /// sample has at most 20 distinct energies) or per CaloChallenge decade, then the 3DGAN angle
  /// bins when the angles vary by more than 0.05 rad.
  public static func defaults(for reference: FeatureTable) -> [ConditionBin] {
    var bins = [ConditionBin(label: "all")]
    let energies = reference.column(reference.schema.column("E_inc"))
    let distinct = Set(energies.map { ($0 * 1000).rounded() / 1000 }).sorted()
    if distinct.count <= 20 {
      for e in distinct {
        let window = min(5000, 0.05 * e)
        bins.append(ConditionBin(label: "E=\(Self.format(e))", energy: .init(e - window, e + window)))
      }
    } else {
      for decade in 0..<6 {
        let lo = pow10(decade + 3), hi = pow10(decade + 4)
        if energies.contains(where: { $0 >= lo && $0 < hi }) {
          bins.append(ConditionBin(label: "E=\(Self.format(lo))-\(Self.format(hi))", energy: .init(lo, hi)))
        }
      }
    }
    let thetas = reference.column(reference.schema.column("theta"))
    if let lo = thetas.min(), let hi = thetas.max(), hi - lo > 0.05 {
      for degrees in [62.0, 90.0, 118.0] {
        let centre = Units.radians(fromDegrees: degrees)
        bins.append(ConditionBin(label: "θ=\(Int(degrees))°", theta: .init(centre - 0.1, centre + 0.1)))
      }
    }
    return bins
  }

  static func pow10(_ k: Int) -> Double { (0..<k).reduce(1.0) { v, _ in v * 10 } }

  /// `10GeV`, `250MeV`, `1TeV` style text for an energy in MeV.
  static func format(_ mev: Double) -> String {
    func trim(_ v: Double) -> String {
      // Only whole numbers an Int holds become one; anything else (huge, non-finite) prints as a Double.
      v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String((v * 100).rounded() / 100)
    }
    if mev >= 1e6 { return trim(mev / 1e6) + "TeV" }
    if mev >= 1e3 { return trim(mev / 1e3) + "GeV" }
    return trim(mev) + "MeV"
  }
}
