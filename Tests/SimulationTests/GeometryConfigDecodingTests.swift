import Core
import Foundation
import Simulation
import TestSupport
import Testing

/// Geometry YAML is decoded strictly: every mistake is named with file, line, column and key.
@Suite struct GeometryConfigDecodingTests {
  func failure(_ yaml: String) throws -> CoreError {
    let dir = try TemporaryDirectory()
    let url = dir.file("small-ecal.yaml")
    try yaml.write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try GeometryConfig.load(contentsOf: url.path)
    } catch {
      #expect(error.location.file == url.path)
      return error
    }
    Issue.record("\(yaml) should not decode")
    return CoreError(.invalidConfig, "decoded")
  }

  @Test func statedFieldsChangeTheDefaultAndNothingElse() throws {
    let dir = try TemporaryDirectory()
    let url = dir.file("g.yaml")
    try "cellsX: 12\ncellsY: 13\n".write(to: url, atomically: true, encoding: .utf8)
    let config = try GeometryConfig.load(contentsOf: url.path)
    #expect(config.cellsX == 12 && config.cellsY == 13)
    #expect(
      config.layers == GeometryConfig.clicLike.layers && config.cellSize == GeometryConfig.clicLike.cellSize)
  }

  @Test(arguments: [
    ("name: small\ncellsx: 12\n", 2, 1, "cellsx", "unknown key"),
    ("cellsX: 0\n", 1, 9, "cellsX", "must be at least 1, got 0"),
    ("cellSize: .inf\n", 1, 11, "cellSize", "'.inf' is not a finite number"),
    (
      "layers:\n  - repeat: 3\n    slices:\n      - {material: G4_Si, thickness: -0.3, role: active}\n", 4,
      38,
      "layers[0].slices[0].thickness", "must be a positive length in mm, got -0.3"
    ),
    (
      "layers:\n  - slices:\n      - {material: G4_Si, thickness: 0.3, role: actve}\n", 3, 49,
      "layers[0].slices[0].role", "unknown role 'actve'; did you mean 'active'?"
    ),
    (
      "layers:\n  - slices:\n      - {material: G4_Sl, thickness: 0.3}\n", 3, 20,
      "layers[0].slices[0].material",
      "material 'G4_Sl' is not defined; did you mean 'G4_Si'?"
    ),
    (
      "materials:\n  - {name: W, density: 19.3, fractions: {W: 1}}\n", 2, 3, "materials",
      "the default layers use material 'TungstenDens24'"
    ),
    (
      "materials:\n  - {name: W, densty: 19.3, fractions: {W: 1}}\n", 2, 15, "materials[0].densty",
      "unknown key"
    ),
  ])
  func mistakesAreNamedWithLineColumnAndKey(yaml: String, line: Int, column: Int, key: String, what: String)
    throws
  {
    let error = try failure(yaml)
    #expect(error.code == .invalidConfig && error.exitStatus == 2)
    #expect(error.location.line == line && error.location.column == column, "\(error.report)")
    #expect(error.location.key == key, "\(error.report)")
    #expect(error.what.contains(what), "\(error.report)")
  }

  /// Sizes that cannot fit are refused at their key before anything is allocated, overflow included.
  @Test(arguments: ["cellsX: 100000\ncellsY: 100000\n", "cellsX: 4611686018427387904\ncellsY: 4\n"])
  func geometriesTooLargeForMemoryAreRefusedUpFront(yaml: String) throws {
    let error = try failure(yaml)
    #expect(error.location.line == 1)
    #expect(error.what.contains("cells per shower"), "\(error.report)")
  }
}

/// Physics settings (`CALOTWIN_PHYSICS`) are checked against the ranges the transport can use.
@Suite struct PhysicsSettingsRangeTests {
  @Test(arguments: [
    ("rangeCut", -1.0), ("rangeCut", .nan), ("scatteringScale", -2), ("trackingCut", 0),
    ("photonTrackingCut", 1e9),
    ("rangeFraction", 0), ("finalRange", .infinity), ("scatteringStepFactor", 0),
  ])
  func outOfRangeSettingsAreRefusedBeforeAnyTable(name: String, value: Double) throws {
    var settings = PhysicsSettings()
    switch name {
    case "rangeCut": settings.rangeCut = value
    case "scatteringScale": settings.scatteringScale = value
    case "trackingCut": settings.trackingCut = value
    case "photonTrackingCut": settings.photonTrackingCut = value
    case "rangeFraction": settings.rangeFraction = value
    case "finalRange": settings.finalRange = value
    default: settings.scatteringStepFactor = value
    }
    let error = #expect(throws: SimulationError.self) {
      _ = try ShowerSimulator(
        geometry: .clicLike, generator: PrimaryGenerator(particle: .electron, energy: .fixed(1000)),
        settings: settings, seed: 1)
    }
    #expect(error?.code == .invalidSettings)
    #expect(error?.message.contains(name) == true, "\(error?.message ?? "")")
    try PhysicsSettings().validate()
  }
}
