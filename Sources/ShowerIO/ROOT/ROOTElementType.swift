/// The numeric type of one stored value in a ROOT branch (big-endian on disk).
public enum ROOTElementType: String, Sendable, Equatable, CaseIterable {
  case bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float, double

  /// Bytes per value on disk.
  public var size: Int {
    switch self {
    case .bool, .int8, .uint8: 1
    case .int16, .uint16: 2
    case .int32, .uint32, .float: 4
    case .int64, .uint64, .double: 8
    }
  }

  /// Whether values are floating point.
  public var isFloatingPoint: Bool { self == .float || self == .double }

  /// The C++ spelling, as `calotwin inspect` prints it ("int32_t", "double").
  public var cppName: String {
    switch self {
    case .bool: "bool"
    case .float: "float"
    case .double: "double"
    default: rawValue + "_t"
    }
  }

  /// The type of a concrete TLeaf class, or nil for TLeafC, TLeafElement and unknown classes.
  init?(leafClass: String, unsigned: Bool) {
    switch leafClass {
    case "TLeafO": self = .bool
    case "TLeafB": self = unsigned ? .uint8 : .int8
    case "TLeafS": self = unsigned ? .uint16 : .int16
    case "TLeafI": self = unsigned ? .uint32 : .int32
    case "TLeafL", "TLeafG": self = unsigned ? .uint64 : .int64
    case "TLeafF": self = .float
    case "TLeafD": self = .double
    default: return nil
    }
  }

  /// The type named by a TStreamerInfo basic-type code (1–18, without array offsets).
  init?(streamerCode code: Int) {
    switch code {
    case 1: self = .int8
    case 2: self = .int16
    case 3, 6: self = .int32
    case 4, 16: self = .int64
    case 5: self = .float
    case 8: self = .double
    case 11: self = .uint8
    case 12: self = .uint16
    case 13: self = .uint32
    case 14, 17: self = .uint64
    case 18: self = .bool
    default: return nil
    }
  }

  /// The element type of `vector<T>` from its normalised C++ name `T`.
  init?(cppName name: String) {
    switch name {
    case "bool": self = .bool
    case "char", "Char_t", "signedchar": self = .int8
    case "unsignedchar", "UChar_t": self = .uint8
    case "short", "Short_t": self = .int16
    case "unsignedshort", "UShort_t": self = .uint16
    case "int", "Int_t": self = .int32
    case "unsignedint", "UInt_t": self = .uint32
    case "long", "longlong", "Long64_t", "Long_t": self = .int64
    case "unsignedlong", "unsignedlonglong", "ULong64_t", "ULong_t": self = .uint64
    case "float", "Float_t": self = .float
    case "double", "Double_t": self = .double
    default: return nil
    }
  }
}
