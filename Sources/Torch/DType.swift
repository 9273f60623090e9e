internal import CTorch

/// Element type of a tensor.
public enum DType: Sendable, CaseIterable, Hashable {
  case float32, float64, int64, bool, int32, uint8, float16, bfloat16

  /// Code used by the C facade.
  var code: Int32 {
    switch self {
    case .float32: Int32(CT_FLOAT32)
    case .float64: Int32(CT_FLOAT64)
    case .int64: Int32(CT_INT64)
    case .bool: Int32(CT_BOOL)
    case .int32: Int32(CT_INT32)
    case .uint8: Int32(CT_UINT8)
    case .float16: Int32(CT_FLOAT16)
    case .bfloat16: Int32(CT_BFLOAT16)
    }
  }

  init?(code: Int32) {
    guard let match = DType.allCases.first(where: { $0.code == code }) else { return nil }
    self = match
  }

  /// Size of one element in bytes.
  public var byteSize: Int {
    switch self {
    case .float64, .int64: 8
    case .float32, .int32: 4
    case .float16, .bfloat16: 2
    case .bool, .uint8: 1
    }
  }

  /// Whether this is a floating-point type (one that can carry gradients).
  public var isFloatingPoint: Bool {
    switch self {
    case .float32, .float64, .float16, .bfloat16: true
    default: false
    }
  }
}

/// A Swift scalar type that maps one-to-one to a tensor element type.
public protocol TensorElement: Sendable {
  /// The matching tensor element type.
  static var dtype: DType { get }
}

extension Float: TensorElement { public static var dtype: DType { .float32 } }
extension Double: TensorElement { public static var dtype: DType { .float64 } }
extension Int64: TensorElement { public static var dtype: DType { .int64 } }
extension Int32: TensorElement { public static var dtype: DType { .int32 } }
extension UInt8: TensorElement { public static var dtype: DType { .uint8 } }
extension Bool: TensorElement { public static var dtype: DType { .bool } }
