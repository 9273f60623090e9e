/// Converts several ROOT files into one ordered stream of shower batches, in parallel.
///
/// The work units are (file, chunk) pairs. At most `concurrency` of them are decoded at a time, in
/// a task group, and `write` receives the batches strictly in file and entry order, so the output
/// does not depend on the number of cores. Memory stays bounded by `concurrency` chunks.
///
/// ```swift
/// let sources = try paths.map { try ROOTShowerSource(path: $0, mapping: .par04()) }
/// let summary = try await ROOTConversion.run(sources: sources) { batch in try writer.append(batch) }
/// ```
public enum ROOTConversion {
  /// Runs the conversion.
  ///
  /// - Parameters:
  ///   - sources: Opened input files, in output order.
  ///   - concurrency: Chunks decoded at once (≥ 1).
  ///   - progress: Called after each batch is written, with the number of entries done so far.
  ///   - write: Receives each batch, in order; an error stops the conversion.
  /// - Returns: Totals over all files.
  /// - Throws: The first error of a chunk (naming its file) or of `write`.
  public static func run(
    sources: [ROOTShowerSource], concurrency: Int = 2, progress: (Int) -> Void = { _ in },
    write: (ShowerBatch) throws -> Void
  ) async throws -> ConversionSummary {
    try await run(
      sources: sources, concurrency: concurrency, progress: progress, prepare: { $0 }, write: write)
  }

  /// Runs the conversion with a per-batch `prepare` step that runs in the parallel tasks, for
  /// example `ShowerFileWriter.prepare` (compression), before `write` receives the results in order.
  ///
  /// - Parameters:
  ///   - prepare: Turns each decoded batch into what `write` takes; runs concurrently.
  ///   - write: Receives the prepared batches, in file and entry order.
  public static func run<Prepared: Sendable>(
    sources: [ROOTShowerSource], concurrency: Int = 2, progress: (Int) -> Void = { _ in },
    prepare: @escaping @Sendable (ShowerBatch) throws -> Prepared,
    write: (Prepared) throws -> Void
  ) async throws -> ConversionSummary {
    var summary = ConversionSummary()
    summary.files = sources.count
    summary.inputBytes = sources.reduce(0) { $0 + $1.fileSize }
    var units: [(source: Int, range: Range<Int>)] = []
    for (i, source) in sources.enumerated() { units += source.chunks.map { (i, $0) } }
    var done = 0
    try await withThrowingTaskGroup(of: (Int, Prepared, ConversionSummary).self) { group in
      var next = 0
      func launch() {
        let unit = units[next]
        let source = sources[unit.source]
        let index = next
        group.addTask {
          let (batch, part) = try source.convert(unit.range); return (index, try prepare(batch), part)
        }
        next += 1
      }
      while next < min(max(1, concurrency), units.count) { launch() }
      var pending: [Int: (Prepared, ConversionSummary)] = [:]
      var written = 0
      while let (index, batch, part) = try await group.next() {
        pending[index] = (batch, part)
        while let (batch, part) = pending.removeValue(forKey: written) {
          try write(batch)
          summary.merge(part)
          done += part.eventsRead
          written += 1
          progress(done)
        }
        if next < units.count { launch() }
      }
    }
    return summary
  }
}
