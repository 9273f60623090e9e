import Foundation
import ShowerIO
import Simulation
import TestSupport
import Testing

/// Simulated 10 GeV electron showers against Geant4 11.4: the 500-shower numbers of
/// docs/physics.md §3 and the 100-shower sample shipped in `Data/geant4` (rows 0–99), both
/// summarised by the same `ShowerStatistics`.
///
/// Bounds are issue 4's acceptance (fixed seed, 200 simulated showers to stay under a minute in a
/// debug build), with E_Si/E0 tightened to ±1.5 % after issue 13 (straggling, range rejection,
/// pair, Urban boundary stepping, density effect: −0.9 % for these 200 showers, was −2.5 %), σ/μ raw and layer-weighted ±15 %, layer of maximum ±1, t_max
/// (parabola) ±0.3 X0, R90 ±1.5 mm, central/3×3/5×5 fractions ±0.03, cells above 0.05 MeV ±15 %,
/// and the mean Si energy of each of layers 2–22 within ±10 %, widened by 2.5 standard errors of
/// the difference for 200 against 500 showers (1–3 % in layers 2–16, up to 8 % in layer 22: the
/// issue's bare ±10 % is meant for 500 showers, see `Scripts/simulation/compare_geant4.sh`).
@Suite(.enabled(if: TestEnvironment.slowTestsEnabled))
struct Geant4SampleComparisonTests {

  /// physics.md §3 at 10 GeV (Geant4, 500 showers).
  enum Reference {
    static let siFraction = 0.02099
    static let resolutionRaw = 0.0674
    static let resolutionWeighted = 0.0563
    static let layerOfMaximum = 9
    static let tmaxParabola = 6.26
    static let profile = [
      0.74, 2.15, 4.25, 7.32, 10.33, 12.95, 15.43, 16.74, 17.31, 17.52, 16.52, 15.46, 13.91, 12.43, 10.89,
      9.38, 7.92, 5.67, 4.22, 3.04, 2.06, 1.53, 0.94, 0.71, 0.46,
    ]
  }

  /// The Geant4 rows at 10 GeV as simulator records.
  static func geant4Records() throws -> [ShowerRecord] {
    let reader = try ShowerFileReader(at: TestEnvironment.geant4Sample())
    let batch = try reader.read(0..<100)
    return (0..<batch.count).map { i in
      ShowerRecord(
        event: i, energy: batch.energy[i], theta: batch.theta[i], pdgID: batch.pdgID[i],
        cells: Array(batch.shower(i)), energySi: batch.extras["E_si"]![i],
        energyAbsorber: batch.extras["E_abs"]![i], energyOther: batch.extras["E_other"]![i],
        energyEscaped: batch.energy[i] - batch.extras["E_si"]![i] - batch.extras["E_abs"]![i]
          - batch.extras["E_other"]![i],
        cpuSeconds: batch.extras["cpu_s"]![i])
    }
  }

  @Test func tenGeVElectronsAgreeWithGeant4WithinStatedBounds() async throws {
    let simulator = try ShowerSimulator(
      geometry: .clicLike, generator: .init(particle: .electron, energy: .fixed(10_000)), seed: 2026)
    let simulated = await simulator.simulate(events: 0..<200, threads: 2)
    let ours = ShowerStatistics(showers: simulated, detector: simulator.detector)
    let geant4 = ShowerStatistics(showers: try Self.geant4Records(), detector: simulator.detector)

    #expect(geant4.count == 100)
    #expect(isClose(geant4.siFraction, 0.02097, relative: 2e-3))  // the sample README's value
    #expect(abs(ours.siFraction / Reference.siFraction - 1) < 0.015, "E_Si/E0 \(ours.siFraction)")
    #expect(abs(ours.siFraction / geant4.siFraction - 1) < 0.015)
    #expect(abs(ours.resolutionRaw / Reference.resolutionRaw - 1) < 0.15, "raw \(ours.resolutionRaw)")
    #expect(abs(ours.resolutionWeighted / Reference.resolutionWeighted - 1) < 0.15)
    #expect(abs(ours.layerOfMaximum - Reference.layerOfMaximum) <= 1)
    #expect(abs(ours.tmaxParabola - Reference.tmaxParabola) < 0.3, "t_max \(ours.tmaxParabola)")
    #expect(abs(ours.r90 - geant4.r90) < 1.5)
    #expect(abs(ours.centralFraction - geant4.centralFraction) < 0.03)
    #expect(abs(ours.fraction3x3 - geant4.fraction3x3) < 0.03)
    #expect(abs(ours.fraction5x5 - geant4.fraction5x5) < 0.03)
    #expect(abs(ours.cellsAboveThreshold / geant4.cellsAboveThreshold - 1) < 0.15)
    // Layers 2–22: ±10 % plus 2.5 standard errors of the ratio (ours N = 200, Geant4 N = 500,
    // both with our per-layer relative RMS).
    let rms = Self.relativeLayerRMS(simulated, layers: simulator.detector.readoutLayers)
    for layer in 2...22 {
      let ratio = ours.layerProfile[layer] / Reference.profile[layer]
      let error = rms[layer] * (1.0 / 200 + 1.0 / 500).squareRoot()
      #expect(abs(ratio - 1) < 0.10 + 2.5 * error, "layer \(layer): ours/Geant4 = \(ratio) (±\(error))")
    }
  }

  /// A photon's maximum lies about one X0 deeper than an electron's (C_γ − C_e = 1 in
  /// t_max = ln(E/E_c) + C): 5 GeV, 100 showers each, difference within 0.5–1.5 X0.
  @Test func photonShowersPeakAboutOneX0DeeperThanElectronShowers() async throws {
    var tmax: [Double] = []
    for particle in [ParticleKind.electron, .photon] {
      let simulator = try ShowerSimulator(
        geometry: .clicLike, generator: .init(particle: particle, energy: .fixed(5_000)), seed: 7)
      let showers = await simulator.simulate(events: 0..<100, threads: 2)
      tmax.append(ShowerStatistics(showers: showers, detector: simulator.detector).tmaxParabola)
    }
    #expect(tmax[1] - tmax[0] > 0.5 && tmax[1] - tmax[0] < 1.5, "t_max e- \(tmax[0]), gamma \(tmax[1])")
  }

  /// At θ = 60° and 120° the layer-weighted E_Si/E0 (layers 17–24 × 1.917, physics.md §3) stays
  /// within ±3 % of normal incidence. The raw sum rises by a few per cent because an inclined shower
  /// keeps more of its energy in the 17 thin layers, which sample twice as densely: in a control
  /// stack of 34 identical thin layers the raw sum moves by less than 3 %. 10 GeV, 120 showers per
  /// angle (statistical error of each ratio about 0.8 %).
  @Test func inclinedShowersKeepTheSamplingFractionOfNormalIncidence() async throws {
    func siFractions(_ geometry: GeometryConfig, thetaDegrees: Double) async throws -> (
      raw: Double, weighted: Double
    ) {
      let simulator = try ShowerSimulator(
        geometry: geometry,
        generator: .init(
          particle: .electron, energy: .fixed(10_000), theta: .fixed(thetaDegrees * .pi / 180)),
        seed: 11)
      let stats = ShowerStatistics(
        showers: await simulator.simulate(events: 0..<120, threads: 2), detector: simulator.detector)
      let profile = stats.layerProfile
      let weighted = profile.indices.reduce(0.0) {
        $0 + profile[$1] * (geometry.layers.count > 1 && $1 >= 17 ? 1.917 : 1)
      }
      return (stats.siFraction, weighted / 10_000)
    }
    let normal = try await siFractions(.clicLike, thetaDegrees: 90)
    for theta in [60.0, 120.0] {
      let inclined = try await siFractions(.clicLike, thetaDegrees: theta)
      let weightedRatio = inclined.weighted / normal.weighted
      let rawRatio = inclined.raw / normal.raw
      print("inclined: θ = \(theta)°, E_Si/E0 ratio to 90°: raw \(rawRatio), layer-weighted \(weightedRatio)")
      #expect(
        abs(weightedRatio - 1) < 0.03, "θ = \(theta)°: weighted E_Si ratio \(weightedRatio), raw \(rawRatio)")
      #expect(rawRatio > 1 && rawRatio < 1.07, "θ = \(theta)°: raw E_Si ratio \(rawRatio)")
    }
    var uniform = GeometryConfig.clicLike
    uniform.layers = [GeometryConfig.LayerGroup(repeat: 34, slices: uniform.layers[0].slices)]
    let uniformRatio =
      try await siFractions(uniform, thetaDegrees: 60).raw / siFractions(uniform, thetaDegrees: 90).raw
    print("inclined: uniform thin stack, raw E_Si/E0 ratio 60°/90° \(uniformRatio)")
    #expect(abs(uniformRatio - 1) < 0.03, "uniform thin stack: raw E_Si ratio 60°/90° \(uniformRatio)")
  }

  /// RMS over showers of each layer's Si energy, divided by its mean.
  static func relativeLayerRMS(_ showers: [ShowerRecord], layers: Int) -> [Double] {
    var sum = [Double](repeating: 0, count: layers)
    var sum2 = [Double](repeating: 0, count: layers)
    for s in showers {
      var e = [Double](repeating: 0, count: layers)
      for (i, v) in s.cells.enumerated() where v != 0 { e[i % layers] += Double(v) }
      for l in 0..<layers {
        sum[l] += e[l]
        sum2[l] += e[l] * e[l]
      }
    }
    let n = Double(showers.count)
    return (0..<layers).map { l in
      let mean = sum[l] / n
      return mean > 0 ? (max(0, sum2[l] / n - mean * mean)).squareRoot() / mean : 0
    }
  }
}
