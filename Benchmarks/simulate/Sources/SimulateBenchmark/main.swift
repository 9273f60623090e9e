// Simulates showers on one thread and prints CPU time per GeV and the observables of physics.md §3.
import Foundation
import Simulation

var energyGeV = [10.0, 100.0]
var events = 100
var particle = ParticleKind.electron
var thetaDeg = 90.0
var seed: UInt64 = 12345
var settings = PhysicsSettings()
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
  switch a {
  case "--energy": energyGeV = args.popFirst()!.split(separator: ",").map { Double($0)! }
  case "--events": events = Int(args.popFirst()!)!
  case "--particle": particle = ParticleKind(name: args.popFirst()!)!
  case "--theta": thetaDeg = Double(args.popFirst()!)!
  case "--seed": seed = UInt64(args.popFirst()!)!
  case "--ms-scale": settings.scatteringScale = Double(args.popFirst()!)!
  case "--ms-step": settings.scatteringStepFactor = Double(args.popFirst()!)!
  case "--highland": settings.scatteringModel = .highland
  case "--no-rr": settings.rangeRejection = false
  case "--cut": settings.rangeCut = Double(args.popFirst()!)!
  default: fatalError("unknown option \(a)")
  }
}

// Geant4 11.4, one thread, this machine kind: 7.3 ms/GeV at 50 GeV, 6.9 ms/GeV at 100 GeV.
let geant4MsPerGeV = (6.9, 7.3)
for e in energyGeV {
  let gen = PrimaryGenerator(
    particle: particle, energy: .fixed(e * 1000), theta: .fixed(thetaDeg * .pi / 180))
  let sim = try ShowerSimulator(geometry: .clicLike, generator: gen, settings: settings, seed: seed)
  var showers: [ShowerRecord] = []
  for i in 0..<events { showers.append(sim.simulate(event: i)) }
  let st = ShowerStatistics(showers: showers, detector: sim.detector)
  let msPerGeV = st.meanCPUSeconds * 1000 / e
  print(String(format: "E0 = %.0f GeV  %@  theta %.0f deg  N = %d", e, "\(particle)", thetaDeg, events))
  print(
    String(
      format: "  CPU %.4f s/shower = %.3f ms/GeV (Geant4 %.1f-%.1f ms/GeV: %.1fx faster)",
      st.meanCPUSeconds, msPerGeV, geant4MsPerGeV.0, geant4MsPerGeV.1, 7.1 / msPerGeV))
  print(
    String(
      format: "  E_Si = %.2f +- %.2f MeV, E_Si/E0 = %.4f %%, sampling %.4f %%, escaped %.3f %%",
      st.meanSi, st.rmsSi, 100 * st.siFraction, 100 * st.samplingFraction, 100 * st.escapedFraction))
  print(
    String(
      format: "  sigma/mu raw %.3f %%, weighted %.3f %%", 100 * st.resolutionRaw, 100 * st.resolutionWeighted)
  )
  print(
    String(
      format: "  layer of max %d, tmax parabola %.2f, gamma %.2f X0", st.layerOfMaximum, st.tmaxParabola,
      st.tmaxGamma))
  print(
    String(
      format: "  R90 %.2f mm, fractions %.3f / %.3f / %.3f, cells > 0.05 MeV %.0f",
      st.r90, st.centralFraction, st.fraction3x3, st.fraction5x5, st.cellsAboveThreshold))
  if e == energyGeV.first {
    print(sim.detector.describe(cuts: sim.cuts));
    print(sim.detector.activeSliceDepths.map { String(format: "%.3f", $0) }.joined(separator: " "))
  }
  print("  profile: " + st.layerProfile.map { String(format: "%.2f", $0) }.joined(separator: " "))
}
