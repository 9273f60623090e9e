internal import CTorch

extension Tensor {
  func binary(_ op: Int32, _ other: Tensor, _ name: String) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_binary(op, handle, other.handle), name)
  }

  func binary(_ op: Int32, _ scalar: Double, reversed: Bool = false, _ name: String)
    throws(TorchError) -> Tensor
  {
    try unsafe Self.wrap(ct_binary_scalar(op, handle, scalar, reversed ? 1 : 0), name)
  }

  func unary(_ op: Int32, _ name: String) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(ct_unary(op, handle), name)
  }

  // MARK: Operators (broadcasting)

  /// Element-wise sum with broadcasting.
  public static func + (a: Tensor, b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_ADD), b, "add")
  }
  /// Element-wise difference with broadcasting.
  public static func - (a: Tensor, b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_SUB), b, "sub")
  }
  /// Element-wise product with broadcasting.
  public static func * (a: Tensor, b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_MUL), b, "mul")
  }
  /// Element-wise quotient with broadcasting.
  public static func / (a: Tensor, b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_DIV), b, "div")
  }
  /// Adds a scalar.
  public static func + (a: Tensor, s: Double) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_ADD), s, "add")
  }
  /// Subtracts a scalar.
  public static func - (a: Tensor, s: Double) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_SUB), s, "sub")
  }
  /// Multiplies by a scalar.
  public static func * (a: Tensor, s: Double) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_MUL), s, "mul")
  }
  /// Divides by a scalar.
  public static func / (a: Tensor, s: Double) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_DIV), s, "div")
  }
  /// Scalar plus tensor.
  public static func + (s: Double, a: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_ADD), s, "add")
  }
  /// Scalar minus tensor.
  public static func - (s: Double, a: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_SUB), s, reversed: true, "rsub")
  }
  /// Scalar times tensor.
  public static func * (s: Double, a: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_MUL), s, "mul")
  }
  /// Scalar divided by tensor.
  public static func / (s: Double, a: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_DIV), s, reversed: true, "rdiv")
  }
  /// Negation.
  public static prefix func - (a: Tensor) throws(TorchError) -> Tensor {
    try a.unary(Int32(CT_NEG), "neg")
  }

  // MARK: Functions

  /// Element-wise power with a scalar exponent.
  public func pow(_ exponent: Double) throws(TorchError) -> Tensor {
    try binary(Int32(CT_POW), exponent, "pow")
  }
  /// Element-wise power with tensor exponents (broadcasting).
  public func pow(_ exponent: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_POW), exponent, "pow")
  }
  /// Element-wise square root.
  public func sqrt() throws(TorchError) -> Tensor { try unary(Int32(CT_SQRT), "sqrt") }
  /// Element-wise reciprocal square root.
  public func rsqrt() throws(TorchError) -> Tensor { try unary(Int32(CT_RSQRT), "rsqrt") }
  /// Element-wise eˣ.
  public func exp() throws(TorchError) -> Tensor { try unary(Int32(CT_EXP), "exp") }
  /// Element-wise natural logarithm.
  public func log() throws(TorchError) -> Tensor { try unary(Int32(CT_LOG), "log") }
  /// Element-wise log(1 + x).
  public func log1p() throws(TorchError) -> Tensor { try unary(Int32(CT_LOG1P), "log1p") }
  /// Element-wise absolute value.
  public func abs() throws(TorchError) -> Tensor { try unary(Int32(CT_ABS), "abs") }
  /// Element-wise x².
  public func square() throws(TorchError) -> Tensor { try unary(Int32(CT_SQUARE), "square") }
  /// Element-wise 1/x.
  public func reciprocal() throws(TorchError) -> Tensor {
    try unary(Int32(CT_RECIPROCAL), "reciprocal")
  }
  /// Element-wise sign (-1, 0, 1).
  public func sign() throws(TorchError) -> Tensor { try unary(Int32(CT_SIGN), "sign") }
  /// Element-wise sine.
  public func sin() throws(TorchError) -> Tensor { try unary(Int32(CT_SIN), "sin") }
  /// Element-wise cosine.
  public func cos() throws(TorchError) -> Tensor { try unary(Int32(CT_COS), "cos") }
  /// Element-wise floor.
  public func floor() throws(TorchError) -> Tensor { try unary(Int32(CT_FLOOR), "floor") }
  /// Element-wise ceiling.
  public func ceil() throws(TorchError) -> Tensor { try unary(Int32(CT_CEIL), "ceil") }
  /// Element-wise rounding (half to even).
  public func rounded() throws(TorchError) -> Tensor { try unary(Int32(CT_ROUND), "round") }
  /// Element-wise logical not (bool result).
  public func logicalNot() throws(TorchError) -> Tensor {
    try unary(Int32(CT_LOGICAL_NOT), "logical_not")
  }
  /// Element-wise NaN test (bool result).
  public func isNaN() throws(TorchError) -> Tensor { try unary(Int32(CT_ISNAN), "isnan") }

  /// Values limited to [min, max]; a `nil` bound is not applied.
  public func clamped(min: Double? = nil, max: Double? = nil) throws(TorchError) -> Tensor {
    try unsafe Self.wrap(
      unsafe ct_clamp(handle, min ?? 0, min == nil ? 0 : 1, max ?? 0, max == nil ? 0 : 1),
      "clamp")
  }

  /// Element-wise maximum of two tensors (broadcasting).
  public static func maximum(_ a: Tensor, _ b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_MAXIMUM), b, "maximum")
  }
  /// Element-wise minimum of two tensors (broadcasting).
  public static func minimum(_ a: Tensor, _ b: Tensor) throws(TorchError) -> Tensor {
    try a.binary(Int32(CT_MINIMUM), b, "minimum")
  }
  /// `condition ? a : b` element-wise (broadcasting); `condition` is a bool tensor.
  public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TorchError)
    -> Tensor
  {
    try unsafe wrap(ct_where(condition.handle, a.handle, b.handle), "where")
  }
}

// MARK: - Comparisons (bool results)

extension Tensor {
  /// Element-wise `self == other`.
  public func equal(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_EQ), other, "eq")
  }
  /// Element-wise `self != other`.
  public func notEqual(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_NE), other, "ne")
  }
  /// Element-wise `self < other`.
  public func less(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_LT), other, "lt")
  }
  /// Element-wise `self <= other`.
  public func lessOrEqual(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_LE), other, "le")
  }
  /// Element-wise `self > other`.
  public func greater(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_GT), other, "gt")
  }
  /// Element-wise `self >= other`.
  public func greaterOrEqual(_ other: Tensor) throws(TorchError) -> Tensor {
    try binary(Int32(CT_GE), other, "ge")
  }
  /// Element-wise `self > value`.
  public func greater(_ value: Double) throws(TorchError) -> Tensor {
    try binary(Int32(CT_GT), value, "gt")
  }
  /// Element-wise `self < value`.
  public func less(_ value: Double) throws(TorchError) -> Tensor {
    try binary(Int32(CT_LT), value, "lt")
  }
}
