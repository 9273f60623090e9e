public import Core
internal import Models
internal import ShowerIO

/// Streams pre-processed batches from many shower sources with bounded memory.
///
/// Each epoch visits the chunks (`chunkSize` showers) of all sources in a seeded random order, so
/// files are mixed; showers pass the split, the filters and the cut, then go through a shuffle
/// buffer of `shuffleBuffer` showers. Memory is the buffer plus one chunk, never the dataset. The order
/// depends only on `(seed, epoch)`, which makes resuming exact. The split is per shower, by a seeded
/// hash of (source, index): stable across epochs, runs and resumes.
///
/// ```swift
/// let stream = try ShowerStream(sources: readers, config: config)
/// try stream.forEachBatch(epoch: 0, part: .training) { batch in … }
/// ```
public struct ShowerStream {
  /// Which side of the split.
  public enum Part: Sendable { case training, validation }

  /// The sources, in config order.
  public let sources: [any ShowerSource]
  let preprocessor: Preprocessor
  let imageShape: [Int]
  let batchSize: Int
  let chunkSize: Int
  let bufferSize: Int
  let validationFraction: Double
  let seed: UInt64
  let maxShowers: Int?

  /// Checks the sources against the model and keeps the settings.
  ///
  /// - Throws: `TrainingError.data` naming the file whose shower shape differs from
  ///   `model.imageShape`, or that holds no showers.
  public init(sources: [any ShowerSource], config: TrainingConfig) throws(TrainingError) {
    for (i, source) in sources.enumerated() {
      guard source.cellShape == config.model.imageShape else {
        throw TrainingError(
          .data,
          "showers have shape \(source.cellShape) but model.imageShape is \(config.model.imageShape); "
            + "choose a model preset or imageShape that fits the data",
          context: "data.files[\(i)]: \(source.name)")
      }
      guard source.count > 0 else {
        throw TrainingError(.data, "the file holds no showers", context: "data.files[\(i)]: \(source.name)")
      }
    }
    self.sources = sources
    preprocessor = Preprocessor(config: config)
    imageShape = config.model.imageShape
    batchSize = config.batchSize
    chunkSize = config.data.chunkSize
    bufferSize = config.data.shuffleBuffer
    validationFraction = config.data.validationFraction
    seed = config.seed
    maxShowers = config.data.maxShowers
  }

  /// Showers on the training side of the split (before the energy and angle filters and the ECAL-sum
  /// cut, which need the data), capped at `data.maxShowers`.
  public var trainingShowerCount: Int {
    var count = 0
    for (s, source) in sources.enumerated() {
      for index in 0..<source.count where !isValidation(source: s, index: index) { count += 1 }
    }
    return min(count, maxShowers ?? .max)
  }

  /// Whether shower `index` of source `source` is held out for validation.
  func isValidation(source: Int, index: Int) -> Bool {
    var rng = RandomStream(seed: seed, stream: Streams.split, index: UInt64(source) << 40 | UInt64(index))
    return rng.uniform() < validationFraction
  }

  /// Calls `body` with each full batch of `part` for `epoch`, in order; an incomplete last batch is
  /// dropped. Return `false` from `body` to stop early.
  ///
  /// - Parameter skip: Number of leading batches to pass over without calling `body` (resume).
  /// - Throws: `TrainingError.data` naming the file when a read fails or an event holds an unusable
  ///   number (non-finite or negative cell, bad energy or angle: file, dataset and event), or what
  ///   `body` throws.
  public func forEachBatch(
    epoch: Int, part: Part, skip: Int = 0, _ body: (PreparedBatch) throws -> Bool
  ) throws {
    var rng = RandomStream(seed: seed, stream: Streams.shuffle, index: UInt64(epoch))
    var chunks: [(Int, Range<Int>)] = []
    for (s, source) in sources.enumerated() {
      for start in stride(from: 0, to: source.count, by: chunkSize) {
        chunks.append((s, start..<min(start + chunkSize, source.count)))
      }
    }
    if part == .training { chunks.shuffle(using: &rng) }
    let capacity = part == .training ? bufferSize : 1
    var buffer: [PreparedShower] = []
    var batch = PreparedBatch(imageShape: imageShape)
    var emitted = 0
    var batches = 0
    var stop = false

    func emit(_ shower: PreparedShower) throws {
      batch.append(shower)
      emitted += 1
      guard batch.count == batchSize else { return }
      defer { batch = PreparedBatch(imageShape: imageShape) }
      batches += 1
      if batches > skip, try !body(batch) { stop = true }
    }

    for (s, range) in chunks {
      let showers: ShowerBatch
      do {
        showers = try sources[s].showers(range)
      } catch {
        throw TrainingError(
          .data, "cannot read showers \(range): \(error)", context: "data.files[\(s)]: \(sources[s].name)")
      }
      for i in 0..<showers.count {
        let index = range.lowerBound + i
        if let (dataset, problem) = showers.problem(at: i, layout: sources[s].layout) {
          throw TrainingError(
            .data,
            "dataset '\(dataset)', event \(index): \(problem); fix or remove the event (training needs "
              + "every number usable)", context: "data.files[\(s)]: \(sources[s].name)")
        }
        guard isValidation(source: s, index: index) == (part == .validation) else { continue }
        guard let shower = preprocessor.prepare(showers, i) else { continue }
        if capacity <= 1 {
          try emit(shower)
        } else {
          buffer.append(shower)
          if buffer.count >= capacity {
            let k = Int(rng.next() % UInt64(buffer.count))
            buffer.swapAt(k, buffer.count - 1)
            try emit(buffer.removeLast())
          }
        }
        if stop || (maxShowers.map { emitted >= $0 } ?? false) { return }
      }
    }
    while !buffer.isEmpty, !stop {
      let k = Int(rng.next() % UInt64(buffer.count))
      buffer.swapAt(k, buffer.count - 1)
      try emit(buffer.removeLast())
      if maxShowers.map({ emitted >= $0 }) ?? false { return }
    }
  }
}
