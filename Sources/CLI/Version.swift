/// Version of the calotwin program, written into every file it produces.
enum CaloTwinVersion {
  /// Semantic version string.
  static let string = "0.1.0"
}
