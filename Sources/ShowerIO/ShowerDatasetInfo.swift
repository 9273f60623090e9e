/// What a file says about one of its datasets: shape, element type, storage and attributes.
///
/// Produced by `ShowerFileReader.datasets` and shown by `calotwin inspect`.
public struct ShowerDatasetInfo: Sendable, Equatable, Codable {
  /// Dataset name (path inside the file, without the leading `/`).
  public var name: String
  /// Current extent, outermost axis first, for example `[200, 51, 51, 25]`.
  public var shape: [Int]
  /// Element type as numpy spells it: `float32`, `float64`, `int32`, `uint8`, `string`, …
  public var dtype: String
  /// Chunk shape, or `nil` for contiguous or compact storage.
  public var chunks: [Int]?
  /// Filters in pipeline order, for example `["gzip 4"]` or `["shuffle", "gzip 9"]`; empty when none.
  public var filters: [String]
  /// Attributes of the dataset, as text (numbers are formatted).
  public var attributes: [String: String]

  /// Creates a description.
  public init(
    name: String, shape: [Int], dtype: String, chunks: [Int]? = nil, filters: [String] = [],
    attributes: [String: String] = [:]
  ) {
    self.name = name
    self.shape = shape
    self.dtype = dtype
    self.chunks = chunks
    self.filters = filters
    self.attributes = attributes
  }
}
