public import Core
public import Foundation
internal import Models

extension TrainingConfig {
  /// Opens the showers the config names: toy showers when `data.syntheticShowers` is set, otherwise
  /// every file of `data.files` (any layout the HDF5 reader detects).
  ///
  /// - Parameter baseDirectory: Folder that relative file names are resolved against.
  /// - Throws: `TrainingError.data` naming the file that cannot be opened.
  public func openSources(baseDirectory: URL? = nil) throws(TrainingError) -> [any ShowerSource] {
    if let n = data.syntheticShowers {
      let batch = SyntheticShowers.make(count: n, shape: model.imageShape, seed: seed)
      return [InMemoryShowerSource(batch, name: "synthetic(\(n))")]
    }
    var sources: [any ShowerSource] = []
    for (i, file) in data.files.enumerated() {
      let url = resolve(file, against: baseDirectory)
      do {
        sources.append(try openShowerFile(url))
      } catch {
        throw TrainingError(
          .data, "cannot open the shower file: \(error)", context: "data.files[\(i)]: \(url.path)")
      }
    }
    return sources
  }
}
