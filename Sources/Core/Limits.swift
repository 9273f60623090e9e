/// Sizes CaloTwin refuses up front, before allocating or writing anything.
public enum Limits {
  /// Most cells one shower may have: 50 million float32 cells are 200 MB per shower in memory, and a
  /// shower is one HDF5 chunk (HDF5 chunks must stay below 4 GB). Past this a geometry or a conversion
  /// shape is an error naming the product, not an allocation failure later.
  public static let maxCellsPerShower = 50_000_000

  /// The product of `extents`, or nil when it overflows `Int` or exceeds `limit`.
  public static func product(_ extents: [Int], limit: Int = maxCellsPerShower) -> Int? {
    var result = 1
    for extent in extents {
      let (next, overflow) = result.multipliedReportingOverflow(by: extent)
      guard !overflow, next <= limit else { return nil }
      result = next
    }
    return result
  }
}
