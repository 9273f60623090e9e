import Testing
import Foundation
@testable import Simulation

@Test func debugPrintTables() throws {
  let d = try Detector(config: .clicLike)
  let w = MaterialTables(material: d.materials[0], rangeCut: 0.7)
  let x0 = w.radiationLength
  let rho = 17.8
  for e in [0.01, 0.05, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0, 100.0, 1000.0, 10000.0] {
    let c = w.sigmaCompton(e) * 10 / rho, p = w.sigmaPhoto(e) * 10 / rho, pp = w.sigmaPair(e) * 10 / rho
    print(String(format: "gamma %8.3f MeV: compton %.4g photo %.4g pair %.4g cm2/g; pair*X0 %.3f", e, c, p, pp, w.sigmaPair(e) * x0))
  }
  for t in [0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0, 1000.0, 10000.0] {
    let full = w.brem.crossSection(kinetic: t, cut: 0.001 * t)
    print(String(format: "e- %8.2f MeV: dedx %.4g MeV cm2/g range %.4g g/cm2 sigBrem*X0 %.3f ion %.3g /mm, lambda1 %.4g mm, kdxs(y~0)*X0 %.3f", t, w.dedx[0](t) * 10 / rho, w.range[0](t) * rho / 10, w.sigmaBrem(t) * x0, w.sigmaIonisation[0](t), 1 / w.inverseLambda1(t), w.brem.kDxs(kinetic: t, photon: 1e-4 * t) * x0))
    _ = full
  }
}
