public import Foundation

extension SafeTensors {
  /// Tensors and metadata read from a safetensors file.
  public struct Contents {
    /// The tensors by name (on the CPU).
    public var tensors: [String: Tensor]
    /// The `__metadata__` strings (empty if absent).
    public var metadata: [String: String]
  }

  /// Reads all tensors of the file at `url`.
  ///
  /// - Throws: `TorchError` (`.io` or `.format`) naming the file and what is wrong.
  public static func load(from url: URL) throws(TorchError) -> [String: Tensor] {
    try read(from: url).tensors
  }

  /// Reads all tensors and the metadata of the file at `url`.
  public static func read(from url: URL) throws(TorchError) -> Contents {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw TorchError(
        code: .io, message: "cannot read \(url.path): \(error.localizedDescription)",
        operation: "SafeTensors.load")
    }
    return try decode(data, source: url.path)
  }

  /// Parses safetensors bytes; `source` names them in error messages.
  public static func decode(_ data: Data, source: String = "<memory>") throws(TorchError)
    -> Contents
  {
    func failure(_ message: String) -> TorchError {
      TorchError(
        code: .format, message: "\(source): \(message); is this a safetensors file?",
        operation: "SafeTensors.load")
    }
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else { throw failure("file has \(bytes.count) bytes, less than 8") }
    var length: UInt64 = 0
    for i in (0..<8).reversed() { length = length << 8 | UInt64(bytes[i]) }
    guard length <= UInt64(bytes.count - 8) else {
      throw failure("header length \(length) exceeds the file size \(bytes.count)")
    }
    let headerEnd = 8 + Int(length)
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
    } catch {
      throw failure("header is not valid JSON")
    }
    guard let header = object as? [String: Any] else { throw failure("header is not an object") }
    let body = bytes[headerEnd...]
    var contents = Contents(tensors: [:], metadata: [:])
    for (name, value) in header {
      if name == "__metadata__" {
        guard let metadata = value as? [String: String] else {
          throw failure("__metadata__ is not a string-to-string map")
        }
        contents.metadata = metadata
        continue
      }
      guard let info = value as? [String: Any], let dtypeName = info["dtype"] as? String,
        let shape = (info["shape"] as? [NSNumber])?.map(\.intValue),
        let offsets = (info["data_offsets"] as? [NSNumber])?.map(\.intValue), offsets.count == 2
      else { throw failure("entry '\(name)' lacks dtype, shape or data_offsets") }
      guard let dtype = dtype(named: dtypeName) else {
        throw failure("tensor '\(name)' has unsupported dtype \(dtypeName)")
      }
      guard shape.allSatisfy({ $0 >= 0 }) else {
        throw failure("tensor '\(name)' has shape \(shape)")
      }
      let expected = shape.reduce(1, *) * dtype.byteSize
      guard offsets[0] >= 0, offsets[1] >= offsets[0], offsets[1] <= body.count,
        offsets[1] - offsets[0] == expected
      else {
        throw failure(
          "tensor '\(name)' has data_offsets \(offsets), its shape \(shape) needs \(expected) bytes of the \(body.count)"
        )
      }
      let start = body.startIndex + offsets[0]
      let slice = Array(body[start..<(start + expected)])
      let result = unsafe slice.withUnsafeBytes { raw in
        Result { () throws(TorchError) in
          try unsafe Tensor.fromBytes(raw, dtype: dtype, shape: shape)
        }
      }
      contents.tensors[name] = try result.get()
    }
    return contents
  }
}
