internal import Foundation

/// A material built from a `GeometryConfig.MaterialSpec`: elements, number densities and the
/// derived electromagnetic constants. Lengths in mm, energies in MeV.
public struct Material: Sendable {
  /// Name from the configuration.
  public let name: String
  /// Density, g/cm³.
  public let density: Double
  /// Elements of the mixture.
  public let elements: [Element]
  /// Mass fractions, normalised.
  public let massFractions: [Double]
  /// Atoms per mm³ of each element.
  public let atomDensities: [Double]
  /// Electrons per mm³.
  public let electronDensity: Double
  /// Mean excitation energy, MeV.
  public let meanExcitation: Double
  /// `true` for a gas.
  public let isGas: Bool
  /// Tabulated density-effect parameters [C̄, x0, x1, a, m], if given.
  let tabulatedDensityEffect: [Double]?

  /// Builds a material.
  ///
  /// - Throws: `SimulationError` for an unknown element, non-positive density or empty mixture.
  public init(spec: GeometryConfig.MaterialSpec) throws(SimulationError) {
    guard spec.density > 0, spec.density.isFinite else {
      throw SimulationError(
        code: .invalidGeometry,
        message: "material '\(spec.name)' has density \(spec.density) g/cm3; give a positive density")
    }
    // Sum in key order: dictionary order changes from process to process.
    let total = spec.fractions.keys.sorted().reduce(0) { $0 + spec.fractions[$1]! }
    guard total > 0, spec.fractions.values.allSatisfy({ $0 >= 0 }) else {
      throw SimulationError(
        code: .invalidGeometry,
        message: "material '\(spec.name)' needs positive mass fractions of at least one element")
    }
    var elements: [Element] = []
    var fractions: [Double] = []
    for symbol in spec.fractions.keys.sorted() {
      guard let element = Element.table[symbol] else {
        let known = Element.table.keys.sorted().joined(separator: ", ")
        throw SimulationError(
          code: .invalidGeometry,
          message: "material '\(spec.name)' uses unknown element '\(symbol)'; known elements: \(known)")
      }
      elements.append(element)
      fractions.append(spec.fractions[symbol]! / total)
    }
    name = spec.name
    density = spec.density
    self.elements = elements
    massFractions = fractions
    let rho = spec.density * 1e-3  // g/mm³
    atomDensities = zip(elements, fractions).map { e, w in
      rho * w * PhysicsConstants.avogadro / e.molarMass
    }
    electronDensity = zip(elements, atomDensities).map { Double($0.z) * $1 }.reduce(0, +)
    isGas = spec.gas ?? false
    if let d = spec.densityEffect {
      guard d.count == 5, d.allSatisfy({ $0.isFinite }), d[2] > d[1], d[4] > 0 else {
        throw SimulationError(
          code: .invalidGeometry,
          message:
            "material '\(spec.name)' has densityEffect \(d); give [C, x0, x1, a, m] with x1 > x0 and m > 0")
      }
    }
    tabulatedDensityEffect = spec.densityEffect
    if let i = spec.meanExcitationEnergy {
      meanExcitation = i * 1e-6
    } else {
      var num = 0.0
      var den = 0.0
      for (e, n) in zip(elements, atomDensities) {
        num += Double(e.z) * n * log(e.meanExcitation)
        den += Double(e.z) * n
      }
      meanExcitation = exp(num / den)
    }
  }
}
