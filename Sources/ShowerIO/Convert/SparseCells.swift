/// Sums sparse cell deposits into dense shower arrays.
///
/// Deposits with the same cell are added (in Double, in entry order, as numpy's `np.add.at` does),
/// then stored as Float. Cells with an index outside the shape are dropped and counted.
struct SparseCells {
  /// Dense extents, slowest axis first.
  let shape: [Int]
  private let strides: [Int]
  private var scratch: [Double]
  private var touched: [Int] = []

  init(shape: [Int]) {
    self.shape = shape
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in stride(from: shape.count - 2, through: 0, by: -1) {
      strides[axis] = strides[axis + 1] * shape[axis + 1]
    }
    self.strides = strides
    scratch = [Double](repeating: 0, count: shape.reduce(1, *))
  }

  /// Adds the cells `range` of one event into `output[base ..< base + cells]`.
  ///
  /// - Parameters:
  ///   - energies: Cell energies of the whole chunk.
  ///   - indices: One index array per axis, aligned with `energies`.
  ///   - range: This event's cells.
  ///   - scale: Factor applied to every energy.
  ///   - output: Dense output of the chunk; the event's slice must be zero.
  ///   - base: Offset of the event's slice in `output`.
  /// - Returns: Number of cells dropped because an index was out of range.
  mutating func fill(
    energies: [Double], indices: [[Int32]], range: Range<Int>, scale: Double, into output: inout [Float],
    base: Int
  ) -> Int {
    var dropped = 0
    let axes = shape.count
    for k in range {
      var flat = 0
      var inside = true
      for axis in 0..<axes {
        let i = Int(indices[axis][k])
        if i < 0 || i >= shape[axis] {
          inside = false
          break
        }
        flat += i * strides[axis]
      }
      guard inside else {
        dropped += 1
        continue
      }
      if scratch[flat] == 0 { touched.append(flat) }
      scratch[flat] += energies[k] * scale
    }
    for flat in touched {
      output[base + flat] = Float(scratch[flat])
      scratch[flat] = 0
    }
    touched.removeAll(keepingCapacity: true)
    return dropped
  }
}
