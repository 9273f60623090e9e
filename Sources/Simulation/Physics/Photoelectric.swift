internal import Core

/// Photo-absorption from the Sandia parametrisation (as Geant4's G4PEEffectFluoModel without
/// fluorescence): the photo-electron gets E − binding energy, the binding energy is deposited.
struct Photoelectric: Sendable {
  let elements: [Element]
  let densities: [Double]

  init(material: Material) {
    elements = material.elements
    densities = material.atomDensities
  }

  /// Macroscopic cross-section, 1/mm.
  func crossSection(photon e: Double) -> Double {
    var sum = 0.0
    for i in elements.indices { sum += densities[i] * elements[i].photoCrossSection(energy: e) }
    return sum
  }

  /// Picks the absorbing element and returns its binding energy for the photon, MeV.
  func sampleBinding(photon e: Double, rng: inout RandomStream) -> Double {
    if elements.count == 1 { return elements[0].bindingEnergy(photon: e) }
    // Each element's term once, on the stack; summed in `crossSection`'s order (same total).
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: elements.count) { terms in
      var total = 0.0
      for i in elements.indices {
        terms[i] = densities[i] * elements[i].photoCrossSection(energy: e)
        total += terms[i]
      }
      var r = rng.uniform() * total
      for i in elements.indices {
        r -= terms[i]
        if r <= 0 { return elements[i].bindingEnergy(photon: e) }
      }
      return elements[elements.count - 1].bindingEnergy(photon: e)
    }
  }
}
