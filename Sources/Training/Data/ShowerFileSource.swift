internal import Foundation

/// Opens a shower file as a `ShowerSource`.
///
/// - Throws: Always until the HDF5 reader (ShowerIO) is merged; then `ShowerFileReader`'s error.
func openShowerFile(_ url: URL) throws -> any ShowerSource {
  throw TrainingError(.data, "the HDF5 shower reader is not available in this build", context: url.path)
}
