import Foundation
import TestSupport
import Testing

@testable import Simulation

@Suite struct GeometryTests {
  @Test func clicLikeStackMatchesGeant4RadiationLengths() throws {
    let d = try Detector(config: .clicLike)
    #expect(d.readoutLayers == 25)
    #expect(isClose(d.depth, 146.5, relative: 1e-9))
    let w = d.materials.first { $0.name == "TungstenDens24" }!
    let si = d.materials.first { $0.name == "G4_Si" }!
    let pcb = d.materials.first { $0.name == "siPCBMix" }!
    // Geant4 (physics.md §1): W24 3.929 mm, G4_Si 93.66 mm, siPCBMix 28.19 mm; stack 22.76 X0.
    #expect(isClose(w.radiationLength, 3.929, relative: 0.005))
    #expect(isClose(si.radiationLength, 93.66, relative: 0.005))
    #expect(isClose(pcb.radiationLength, 28.19, relative: 0.01))
    #expect(isClose(d.depthInRadiationLengths, 22.76, relative: 0.005))
    // Si slab of layer l at 0.617 + 0.666 l X0 (l <= 16), 12.548 + 1.277 (l − 17) beyond.
    let depths = d.activeSliceDepths
    #expect(isClose(depths[0], 0.617, relative: 0.005))
    #expect(isClose(depths[16], 0.617 + 0.666 * 16, relative: 0.005))
    #expect(isClose(depths[24], 12.548 + 1.277 * 7, relative: 0.005))
  }

  @Test func pdgMaterialConstantsForTungstenAndSilicon() throws {
    // PDG: W X0 = 3.504 mm, Ec = 7.97 MeV (fit 610/(Z+1.24) = 8.11), RM = 9.327 mm; Si X0 = 93.70 mm.
    let w = try Material(spec: .init(name: "G4_W", density: 19.3, fractions: ["W": 1]))
    #expect(isClose(w.radiationLength, 3.504, relative: 0.005))
    #expect(isClose(w.criticalEnergy, 610 / 75.24, relative: 1e-6))
    #expect(isClose(w.moliereRadius, 9.327, relative: 0.03))
  }

  @Test func partialConfigKeepsDefaults() throws {
    let json =
      #"{"cellSize": 2.5, "layers": [{"repeat": 90, "slices": [{"material": "TungstenDens24", "thickness": 1.4, "role": "absorber"}, {"material": "G4_Si", "thickness": 0.3, "role": "active"}]}]}"#
    let config = try JSONDecoder().decode(GeometryConfig.self, from: Data(json.utf8))
    #expect(config.cellSize == 2.5)
    #expect(config.cellsX == 51)
    #expect(config.materials == GeometryConfig.clicLike.materials)
    let d = try Detector(config: config)
    #expect(d.readoutLayers == 90)
    #expect(isClose(d.depth, 90 * 1.7, relative: 1e-9))
    #expect(try Detector(config: .par04).readoutLayers == 90)
  }

  @Test func invalidGeometriesAreClearErrors() {
    var missing = GeometryConfig.clicLike
    missing.layers = [.init(repeat: 1, slices: [.init(material: "Lead", thickness: 1, role: .active)])]
    #expect(throws: SimulationError.self) { try Detector(config: missing) }
    var noActive = GeometryConfig.clicLike
    noActive.layers = [.init(repeat: 3, slices: [.init(material: "G4_Si", thickness: 1)])]
    #expect(throws: SimulationError.self) { try Detector(config: noActive) }
    var unknownElement = GeometryConfig.clicLike
    unknownElement.materials.append(.init(name: "X", density: 1, fractions: ["Xx": 1]))
    unknownElement.layers = [.init(repeat: 1, slices: [.init(material: "X", thickness: 1, role: .active)])]
    do {
      _ = try Detector(config: unknownElement)
      Issue.record("expected an error")
    } catch {
      #expect(error.message.contains("unknown element 'Xx'"))
    }
  }
}
