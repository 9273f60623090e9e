import Core
import Foundation
import TestSupport
import Testing

@testable import Simulation

/// Cross-sections and stopping powers against textbook and NIST values.
@Suite struct PhysicsTests {
  let tungsten = try! Material(
    spec: .init(name: "G4_W", density: 19.3, fractions: ["W": 1], meanExcitationEnergy: 727))
  let water = try! Material(
    spec: .init(
      name: "G4_WATER", density: 1, fractions: ["H": 0.111894, "O": 0.888106], meanExcitationEnergy: 75))

  @Test func comptonTendsToThomsonAndFallsLikeKleinNishina() {
    let thomson = 8 * Double.pi / 3 * pow(PhysicsConstants.electronRadius, 2)
    #expect(isClose(Compton.crossSectionPerElectron(photon: 1e-5), thomson, relative: 1e-3))
    // Klein–Nishina at 1 MeV: 0.2112 barn per electron.
    #expect(isClose(Compton.crossSectionPerElectron(photon: 1) * 1e22, 0.2112, relative: 0.005))
  }

  @Test func highEnergyPairAndBremMatchTheRadiationLength() {
    let x0 = tungsten.radiationLength
    let pair = PairProduction(material: tungsten)
    // Complete screening: σ_pair → 7/(9 X0); at 10 GeV Geant4's fit is 2–3 % below the limit.
    #expect(isClose(pair.crossSection(photon: 10_000) * x0, 7.0 / 9, relative: 0.04))
    // Radiative stopping power ≈ E/X0 below the LPM regime.
    let brem = Bremsstrahlung(material: tungsten)
    let t = 900.0
    #expect(isClose(brem.restrictedLoss(kinetic: t, cut: t) * x0 / t, 1, relative: 0.06))
  }

  @Test func photoAbsorptionInTungstenMatchesXCOM() {
    // NIST XCOM, W photoelectric: 100 keV 3.9 cm²/g; 500 keV 0.058 cm²/g (±10 %).
    let photo = Photoelectric(material: tungsten)
    let perMass = { (e: Double) in photo.crossSection(photon: e) * 10 / 19.3 }
    #expect(isClose(perMass(0.1), 3.9, relative: 0.1))
    #expect(isClose(perMass(0.5), 0.058, relative: 0.1))
  }

  @Test func collisionStoppingPowerOfWaterMatchesESTAR() {
    // ESTAR, water: collision stopping power 1.968 MeV cm²/g at 10 MeV, 1.849 at 1 MeV.
    let ion = Ionisation(material: water)
    for (t, ref) in [(10.0, 1.968), (1.0, 1.849)] {
      let dedx = ion.restrictedLoss(kinetic: t, cut: t, positron: false) * 10 / water.density
      #expect(isClose(dedx, ref, relative: 0.03), "T = \(t) MeV: \(dedx)")
    }
  }

  @Test func wentzelScreeningTableInvertsTheMean() {
    let table = MultipleScattering.ScreeningTable()
    for i in stride(from: 10, to: MultipleScattering.ScreeningTable.count, by: 50) {
      let lnMean = MultipleScattering.ScreeningTable.lnMin + Double(i) / table.invStep
      #expect(
        isClose(log(MultipleScattering.wentzelMean(table.lnA[i])), lnMean, relative: 1e-6, absolute: 1e-6))
    }
    // Sampled ⟨1 − cos θ⟩ after s = 0.3 λ1 equals 1 − e^−0.3 (±2 %, 20000 draws).
    var rng = RandomStream(seed: 1, stream: 0)
    var sum = 0.0
    for _ in 0..<20000 { sum += 1 - table.sampleCosTheta(pathOverLambda: 0.3, rng: &rng) }
    #expect(isClose(sum / 20000, 1 - exp(-0.3), relative: 0.02))
  }

  @Test func productionCutsAreInGeant4Range() throws {
    let sim = try ShowerSimulator(
      geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(1000)), seed: 1)
    let cuts = Dictionary(uniqueKeysWithValues: zip(sim.detector.materials.map(\.name), sim.cuts))
    // Geant4 0.7 mm: W-like ≈ 100 keV photons, ~1 MeV electrons; air at the 990 eV floor.
    #expect(isClose(cuts["TungstenDens24"]!.photon, 0.1, relative: 0.1))
    #expect((0.8...1.8).contains(cuts["TungstenDens24"]!.electron))
    #expect(cuts["Air"]!.photon < 1.0e-3)
  }

  @Test func siliconUsesSternheimersTabulatedDensityEffect() throws {
    let si = try #require(GeometryConfig.clicLike.materials.first { $0.name == "G4_Si" })
    let material = try Material(spec: si)
    let p = material.densityEffect
    // Sternheimer, Berger, Seltzer (1984) / PDG table for Si: C̄ 4.4355, x0 0.2015, x1 2.8716.
    #expect(p.c == 4.4355 && p.x0 == 0.2015 && p.x1 == 2.8716)
    // Independent reference, PDG (2024) eqs. 34.5–34.6: at high energy
    // δ/2 → ln(ħω_p/I) + ln βγ − 1/2, with ħω_p = 28.816 eV √(ρ ⟨Z/A⟩) (ρ in g/cm³) and I = 173 eV:
    // 31.06 eV for Si, so C̄ = 2 ln(I/ħω_p) + 1 = 4.4351. The parametrisation must agree with it
    // above x1 to 1e-4 relative (C̄ is tabulated to 4 decimals: 0.0004 on δ ≈ 9–15).
    let plasma = 28.816e-6 * (2.33 * 14 / 28.0855).squareRoot()  // MeV
    for kinetic in [1_000.0, 10_000.0, 100_000.0] {  // MeV, electrons: x = 3.3, 4.3, 5.3 > x1
      let m = PhysicsConstants.electronMass
      let betaGamma = (kinetic * (kinetic + 2 * m)).squareRoot() / m
      let asymptote = 2 * log(plasma / 173e-6) + 2 * log(betaGamma) - 1
      let delta = material.densityCorrection(x: log10(betaGamma), params: p)
      #expect(isClose(delta, asymptote, relative: 1e-4), "T = \(kinetic) MeV: δ \(delta) vs \(asymptote)")
    }
    // Below x0 (βγ < 1.59, electrons under 0.45 MeV): δ = δ0 · 10^(2(x − x0)) with Sternheimer,
    // Berger & Seltzer's (1984) δ0 = 0.14 for Si (G4DensityEffectData: x0 0.2015, x1 2.8716,
    // C̄ 4.4351, a 0.14921, m 3.2546, δ0 0.14). δ0 is tabulated to two decimals: ±0.005.
    let x0 = p.x0
    for x in [0.2, 0.1, 0.0, -0.5, -1.0] {
      let reference = 0.14 * pow(10, 2 * (x - x0))
      let delta = material.densityCorrection(x: x, params: p)
      #expect(abs(delta / reference - 1) < 0.005 / 0.14, "x = \(x): δ \(delta) vs \(reference)")
    }
    // Continuous at x0 (the middle branch gives δ0 there), increasing through it.
    let below = material.densityCorrection(x: x0 - 1e-9, params: p)
    let above = material.densityCorrection(x: x0 + 1e-9, params: p)
    #expect(abs(below - above) < 1e-6 && below > 0.13, "δ(x0−) \(below), δ(x0+) \(above)")
    // Sternheimer–Peierls parameters (no tabulated set) define a by δ(x0) = 0: still 0 below x0.
    var plain = si
    plain.densityEffect = nil
    let peierls = try Material(spec: plain)
    #expect(peierls.densityCorrection(x: 0.1, params: peierls.densityEffect) == 0)
    // Collision stopping power of a 1 MeV electron in Si, ESTAR: 1.494 MeV cm²/g (±2 %).
    let ion = Ionisation(material: material)
    let dedx = ion.restrictedLoss(kinetic: 1, cut: 1, positron: false) / (material.density * 0.1)
    #expect(isClose(dedx, 1.494, relative: 0.02), "\(dedx) MeV cm2/g")
  }

  /// Geant4's parametrised pair cross-section per atom, σ = (Z + 1)(F1 Z + F2 Z² + F3)
  /// (G4BetheHeitlerModel): reference values evaluated independently (Python, from the published
  /// coefficients). The earlier F3/Z in place of F3 was 0.4 % low in W and 1.6–2 % low in Si at 1–10 GeV.
  @Test func pairCrossSectionFollowsGeant4Parametrisation() throws {
    let silicon = try Material(spec: .init(name: "G4_Si", density: 2.33, fractions: ["Si": 1]))
    let barn = 1e-22  // mm²
    for (material, photon, reference) in [
      (tungsten, 10.0, 10.71909), (tungsten, 1_000.0, 33.51234), (tungsten, 50_000.0, 34.36530),
      (silicon, 1_000.0, 1.55972), (silicon, 10_000.0, 1.62318),
    ] {
      let perAtom =
        PairProduction(material: material).crossSection(photon: photon) / material.atomDensities[0]
      #expect(
        isClose(perAtom / barn, reference, relative: 1e-4),
        "\(material.name) \(photon) MeV: \(perAtom / barn) b")
    }
  }

  /// The most probable energy loss of 10 GeV electrons in the 0.5 mm silicon sensor against the
  /// Landau–Vavilov–Bichsel value of the PDG review (eq. 34.12, j = 0.200, Sternheimer δ): 145 keV.
  /// The straggling model that gave all of the loss to 1/ε² collisions from I upwards put the peak at
  /// 116–124 keV; with the distant-collision share (Urban) it is within ±6 %. 4000 electrons, one slab.
  @Test func mostProbableLossInSiliconMatchesLandauVavilov() throws {
    let si = try #require(GeometryConfig.clicLike.materials.first { $0.name == "G4_Si" })
    let geometry = GeometryConfig(
      name: "one sensor", materials: [si],
      layers: [.init(repeat: 1, slices: [.init(material: "G4_Si", thickness: 0.5, role: .active)])],
      cellSize: 5.1, cellsX: 51, cellsY: 51)
    let sim = try ShowerSimulator(
      geometry: geometry, generator: .init(particle: .electron, energy: .fixed(10_000)), seed: 3)
    // Histogram in 4 keV bins, smoothed over 5 bins; the peak bin's centre.
    var bins = [Double](repeating: 0, count: 100)
    for i in 0..<4000 {
      let keV = sim.simulate(event: i).energySi * 1000
      if keV < 400 { bins[Int(keV / 4)] += 1 }
    }
    let smoothed = bins.indices.map { i in (max(0, i - 2)...min(99, i + 2)).reduce(0) { $0 + bins[$1] } }
    let peak = (Double(smoothed.indices.max { smoothed[$0] < smoothed[$1] }!) + 0.5) * 4e-3
    // PDG: Δp = ξ [ln(2mc²β²γ²/I) + ln(ξ/I) + j − β² − δ], ξ = (K/2)(Z/A)(x/β²).
    let m = PhysicsConstants.electronMass
    let gamma = 10_000 / m + 1
    let bg2 = gamma * gamma - 1
    let beta2 = bg2 / (gamma * gamma)
    let xi = 0.307075 / 2 * (14 / 28.0855) * (0.05 * 2.33) / beta2
    let excitation = 173e-6
    let delta = log(bg2) - 4.4355  // above x1: 2 ln10 log10(βγ) − C̄
    let landau = xi * (log(2 * m * bg2 / excitation) + log(xi / excitation) + 0.2 - beta2 - delta)
    #expect(isClose(landau, 0.1450, relative: 2e-3))
    #expect(isClose(peak, landau, relative: 0.06), "peak \(peak) MeV, Landau–Vavilov \(landau) MeV")
  }

  /// The straggling sample keeps the mean loss, 40000 draws: ±1 % for a MIP-like step (190 keV) and
  /// ±4 % for a short one (5 keV, whose rare transfers up to the cut give a 1 % standard error).
  @Test func lossFluctuationsKeepTheMean() {
    var rng = RandomStream(seed: 9, stream: 0)
    for (mean, tolerance) in [(0.19, 0.01), (0.005, 0.04)] {
      var sum = 0.0
      for _ in 0..<40_000 {
        sum += EnergyLossFluctuation.sample(mean: mean, meanExcitation: 173e-6, emax: 0.405, rng: &rng)
      }
      #expect(isClose(sum / 40_000, mean, relative: tolerance), "mean \(mean): \(sum / 40_000)")
    }
  }

  /// A 50 GeV photon's first interaction in TungstenDens24: the mean free path is 9/7 X0 in the
  /// complete-screening limit and 2.1 % longer with Geant4's fit at 50 GeV (σ = 0.979 × 7/(9 X0)).
  /// The share of photons crossing 1 X0 without any deposit, 4000 photons, gives λ within ±4 %
  /// (statistical error 2 %); nothing is deposited before the first interaction.
  @Test func photonsConvertAfterNineSeventhsOfARadiationLength() throws {
    let w = try #require(GeometryConfig.clicLike.materials.first { $0.name == "TungstenDens24" })
    let x0 = try Material(spec: w).radiationLength
    let geometry = GeometryConfig(
      name: "one radiation length", materials: [w],
      layers: [.init(repeat: 1, slices: [.init(material: "TungstenDens24", thickness: x0, role: .active)])],
      cellSize: 5.1, cellsX: 51, cellsY: 51)
    let sim = try ShowerSimulator(
      geometry: geometry, generator: .init(particle: .photon, energy: .fixed(50_000)), seed: 5)
    let n = 4000
    var untouched = 0
    for i in 0..<n where sim.simulate(event: i).energyDeposited == 0 { untouched += 1 }
    let lambda = -1 / log(Double(untouched) / Double(n))  // in X0
    #expect(isClose(lambda, 9.0 / 7 * 1.021, relative: 0.04), "λ = \(lambda) X0")
  }
}
