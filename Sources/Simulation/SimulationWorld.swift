/// Everything the transport reads and never writes: detector, per-material tables, settings.
/// Built once per run and shared by all tasks.
final class SimulationWorld: Sendable {
  let detector: Detector
  let settings: PhysicsSettings
  let tables: [MaterialTables]
  let screening: MultipleScattering.ScreeningTable

  init(detector: Detector, settings: PhysicsSettings) {
    self.detector = detector
    self.settings = settings
    tables = detector.materials.map { MaterialTables(material: $0, rangeCut: settings.rangeCut) }
    screening = MultipleScattering.ScreeningTable()
  }
}
