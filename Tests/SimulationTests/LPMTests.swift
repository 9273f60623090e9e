import Foundation
import TestSupport
import Testing

@testable import Simulation

/// Landau–Pomeranchuk–Migdal suppression of bremsstrahlung against Migdal's limits and the
/// radiation length.
@Suite struct LPMTests {
  let tungsten = try! Material(
    spec: .init(name: "TungstenDens24", density: 17.8, fractions: ["W": 0.93, "Ni": 0.061, "Fe": 0.009]))

  @Test func migdalFunctionsFollowTheirLimitsAndJoinSmoothly() {
    // Small s: φ → 6s, G → 12πs² (Migdal); large s: both → 1 from below.
    let (g0, phi0) = Bremsstrahlung.lpmFunctions(0.005)
    #expect(isClose(phi0, 6 * 0.005, relative: 0.02))
    #expect(isClose(g0, 12 * Double.pi * 0.005 * 0.005, relative: 0.05))
    for s in [2.0, 5.0, 10.0, 50.0] {
      let (g, phi) = Bremsstrahlung.lpmFunctions(s)
      #expect(phi > 0.99 && phi <= 1, "φ(\(s)) = \(phi)")
      #expect(g > 0.99 && g <= 1, "G(\(s)) = \(g)")
    }
    // The pieces join: no jump above 0.01 at the switch points, monotonic rise.
    var last = (g: 0.0, phi: 0.0)
    var s = 0.005
    while s < 20 {
      let v = Bremsstrahlung.lpmFunctions(s)
      #expect(v.phi >= last.phi - 0.01 && v.g >= last.g - 0.01, "not monotonic at s = \(s)")
      for edge in [0.415827397755, 1.55, 1.9156] where abs(s - edge) < 1e-3 {
        let below = Bremsstrahlung.lpmFunctions(edge * (1 - 1e-9))
        let above = Bremsstrahlung.lpmFunctions(edge * (1 + 1e-9))
        #expect(abs(below.phi - above.phi) < 0.01 && abs(below.g - above.g) < 0.01)
      }
      last = v
      s *= 1.01
    }
  }

  @Test func hardPhotonsAreNotSuppressedAtTensOfGeV() {
    let brem = Bremsstrahlung(material: tungsten)
    // E_LPM ≈ 3 TeV in TungstenDens24: at 10 GeV only photons below ~10 MeV are suppressed
    // (below k_p ≈ 1.5 MeV the dielectric effect takes over).
    #expect(isClose(brem.lpmEnergy, 3.02e6, relative: 0.02))
    for y in [0.1, 0.3, 0.5, 0.7, 0.9, 0.99] {
      #expect(brem.lpmSuppression(energy: 10_000, photon: y * 10_000) > 0.99, "y = \(y)")
    }
    // At 100 GeV a 100 MeV photon (k ≫ k_p ≈ 15 MeV, s ≈ 0.06) is clearly suppressed (Migdal: ξφ ≈ 0.4).
    let soft = brem.lpmSuppression(energy: 100_000, photon: 100)
    #expect(soft > 0.2 && soft < 0.6, "\(soft)")
  }

  @Test func radiativeLossStaysAtEOverX0InTheLPMRegime() {
    // Soft-photon suppression changes the energy loss by < 1 % up to 100 GeV in tungsten.
    let brem = Bremsstrahlung(material: tungsten)
    let x0 = tungsten.radiationLength
    for t in [2_000.0, 10_000, 100_000] {
      let loss = brem.restrictedLoss(kinetic: t, cut: t) * x0 / t
      #expect(isClose(loss, 1, relative: 0.04), "dE/dx·X0/E at \(t) MeV = \(loss)")
    }
  }
}
