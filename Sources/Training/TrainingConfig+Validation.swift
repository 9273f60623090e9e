public import Core
public import Foundation
internal import Models

extension TrainingConfig {
  /// Checks values, the architecture and that the data files exist, before anything is built.
  ///
  /// The image shape against the data is checked when the files are opened
  /// (`ShowerStream`), also before the first step.
  ///
  /// - Parameter baseDirectory: Folder that relative file names are resolved against.
  /// - Throws: `TrainingError.invalidConfig` naming the key, or `.data` naming a missing file.
  public func validate(baseDirectory: URL? = nil) throws(TrainingError) {
    func fail(_ key: String, _ message: String) -> TrainingError {
      TrainingError(.invalidConfig, message, context: key)
    }
    do {
      try model.validate()
    } catch {
      throw TrainingError(.invalidConfig, error.message, context: error.context)
    }
    guard lossWeights.count == 4, lossWeights.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw fail("lossWeights", "give four non-negative weights (real/fake, energy, angle, ECAL sum)")
    }
    guard batchSize >= 2 else { throw fail("batchSize", "must be at least 2 (batch norm needs two showers)") }
    guard epochs >= 1 else { throw fail("epochs", "must be at least 1") }
    guard (0...1).contains(labelFlipProbability) else {
      throw fail("labelFlipProbability", "must be in [0, 1]")
    }
    guard generatorStepsPerBatch >= 1 else { throw fail("generatorStepsPerBatch", "must be at least 1") }
    guard threads >= 1 else { throw fail("threads", "must be at least 1") }
    if let m = maxSteps, m < 1 { throw fail("maxSteps", "must be at least 1") }
    if let t = maxTimeSeconds, !(t > 0) { throw fail("maxTimeSeconds", "must be positive") }
    guard optimizer.learningRate > 0 else { throw fail("optimizer.learningRate", "must be positive") }
    guard (0..<1).contains(optimizer.rho) else { throw fail("optimizer.rho", "must be in [0, 1)") }
    guard optimizer.epsilon > 0 else { throw fail("optimizer.epsilon", "must be positive") }
    let p = preprocessing
    guard p.cellScalePerMeV > 0 else { throw fail("preprocessing.cellScalePerMeV", "must be positive") }
    guard p.energyUnitMeV > 0 else { throw fail("preprocessing.energyUnitMeV", "must be positive") }
    guard p.cellThresholdMeV >= 0 else {
      throw fail("preprocessing.cellThresholdMeV", "must be non-negative")
    }
    let d = data
    guard !d.files.isEmpty || d.syntheticShowers != nil else {
      throw fail("data.files", "list at least one shower file")
    }
    if let n = d.syntheticShowers, n < batchSize {
      throw fail("data.syntheticShowers", "must be at least batchSize")
    }
    guard (0..<1).contains(d.validationFraction) else {
      throw fail("data.validationFraction", "must be in [0, 1)")
    }
    for (key, range) in [("data.energyRangeMeV", d.energyRangeMeV), ("data.thetaRange", d.thetaRange)] {
      if let r = range, r.count != 2 || !(r[0] <= r[1]) { throw fail(key, "give [min, max] with min ≤ max") }
    }
    guard d.shuffleBuffer >= batchSize else {
      throw fail("data.shuffleBuffer", "must be at least batchSize (\(batchSize))")
    }
    guard d.chunkSize >= 1 else { throw fail("data.chunkSize", "must be at least 1") }
    for (i, file) in d.files.enumerated() {
      let url = resolve(file, against: baseDirectory)
      if !FileManager.default.fileExists(atPath: url.path) {
        throw TrainingError(
          .data, "shower file not found; check the path (relative paths start at the working directory)",
          context: "data.files[\(i)]: \(url.path)")
      }
    }
  }

  /// A file name from the config as a URL, relative names resolved against `base` (or the working
  /// directory).
  public func resolve(_ file: String, against base: URL?) -> URL {
    if file.hasPrefix("/") { return URL(fileURLWithPath: file) }
    let root = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return root.appendingPathComponent(file)
  }
}
