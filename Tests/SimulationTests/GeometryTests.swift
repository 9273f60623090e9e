import Testing
import TestSupport
@testable import Simulation

@Suite struct GeometryTests {
  @Test func clicLikeStackMatchesGeant4RadiationLengths() throws {
    let d = try Detector(config: .clicLike)
    #expect(d.readoutLayers == 25)
    #expect(isClose(d.depth, 146.5, relative: 1e-9))
    let w = d.materials.first { $0.name == "TungstenDens24" }!
    let si = d.materials.first { $0.name == "G4_Si" }!
    // Geant4: W24 3.929 mm, G4_Si 93.66 mm; whole stack 22.76 X0 (physics.md §1).
    #expect(isClose(w.radiationLength, 3.929, relative: 0.01))
    #expect(isClose(si.radiationLength, 93.66, relative: 0.01))
    #expect(isClose(d.depthInRadiationLengths, 22.76, relative: 0.01))
  }
}
