internal import Core
public import Foundation

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Reads and writes named tensors in the safetensors format (Hugging Face).
///
/// Layout: an 8-byte little-endian header length N, N bytes of JSON
/// (`{"__metadata__": {...}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]}}`,
/// padded with spaces to a multiple of 8), then the raw little-endian data. The writer orders
/// tensors as the reference Rust implementation does (by dtype, widest first, then by name), so
/// its bytes equal `safetensors.numpy.save_file`'s for the same input (with at most one
/// metadata entry, whose order the reference leaves to a hash map). Files are written to a
/// temporary file and renamed. Assumes a little-endian host.
///
/// ```swift
/// try SafeTensors.save(["weight": w], metadata: ["format": "pt"], to: url)
/// let loaded = try SafeTensors.load(from: url)
/// ```
public enum SafeTensors {
  /// The format's dtype name for `dtype`.
  static func name(of dtype: DType) -> String {
    switch dtype {
    case .float32: "F32"
    case .float64: "F64"
    case .int64: "I64"
    case .bool: "BOOL"
    case .int32: "I32"
    case .uint8: "U8"
    case .float16: "F16"
    case .bfloat16: "BF16"
    }
  }

  /// Order rank of the reference writer (descending `Dtype` enum order).
  static func rank(of dtype: DType) -> Int {
    switch dtype {
    case .int64: 7
    case .float64: 6
    case .float32: 5
    case .int32: 4
    case .bfloat16: 3
    case .float16: 2
    case .uint8: 1
    case .bool: 0
    }
  }

  static func dtype(named name: String) -> DType? {
    DType.allCases.first { Self.name(of: $0) == name }
  }

  // MARK: Encoding

  /// The file contents for `tensors` and optional string `metadata`.
  ///
  /// - Throws: `TorchError` if a tensor cannot be copied to the host.
  public static func encode(_ tensors: [String: Tensor], metadata: [String: String]? = nil)
    throws(TorchError) -> [UInt8]
  {
    let names = tensors.keys.sorted { a, b in
      let (ra, rb) = (rank(of: tensors[a]!.dtype), rank(of: tensors[b]!.dtype))
      return ra != rb ? ra > rb : Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
    var entries: [String] = []
    if let metadata {
      let pairs = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
      entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var data: [UInt8] = []
    for name in names {
      let tensor = tensors[name]!
      let begin = data.count
      data += try tensor.bytes()
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      entries.append(
        "\(jsonString(name)):{\"dtype\":\"\(Self.name(of: tensor.dtype))\",\"shape\":[\(shape)],"
          + "\"data_offsets\":[\(begin),\(data.count)]}")
    }
    var header = Array("{\(entries.joined(separator: ","))}".utf8)
    header += Array(repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
    var out: [UInt8] = []
    out.reserveCapacity(8 + header.count + data.count)
    for byte in 0..<8 { out.append(UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * byte))) }
    return out + header + data
  }

  /// JSON string literal escaped as serde_json does.
  static func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// Writes `tensors` to `url` atomically (Core's `AtomicFile`: temporary file in the same folder, fsync,
  /// rename).
  ///
  /// - Throws: `TorchError` (`.io`) naming the file if it cannot be written.
  public static func save(
    _ tensors: [String: Tensor], metadata: [String: String]? = nil, to url: URL
  ) throws(TorchError) {
    let bytes = try encode(tensors, metadata: metadata)
    do {
      try AtomicFile.write(Data(bytes), to: url)
    } catch {
      throw TorchError(code: .io, message: error.report, operation: "SafeTensors.save")
    }
  }
}
