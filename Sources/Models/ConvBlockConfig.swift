public import Core

/// Zero padding in front of a 3D convolution.
///
/// Coded in YAML as `same` (TensorFlow's 'same' for stride 1: `k − 1` cells per axis, the smaller half in
/// front, so even kernels pad asymmetrically), `valid` (none) or `[px, py, pz]` (`p` cells on both sides of
/// each axis, like Keras `ZeroPadding3D`).
public enum Padding: Sendable, Equatable, Codable {
  /// Output size equals input size; asymmetric for even kernels.
  case same
  /// Symmetric zero padding per axis (x, y, z); `[0, 0, 0]` is 'valid'.
  case zeros([Int])

  /// No padding.
  public static let valid = Padding.zeros([0, 0, 0])

  /// Cells added (before, after) on each of the three axes for the given kernel.
  ///
  /// - Parameter kernel: Kernel size per axis (x, y, z).
  /// - Returns: Three `(before, after)` pairs.
  public func amounts(kernel: [Int]) -> [(before: Int, after: Int)] {
    switch self {
    case .same: return kernel.map { k in ((k - 1) / 2, (k - 1) - (k - 1) / 2) }
    case .zeros(let p): return p.map { ($0, $0) }
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let word = try? container.decode(String.self) {
      switch word {
      case "same": self = .same
      case "valid": self = .valid
      default:
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "padding '\(word)': use same, valid or [px, py, pz]")
      }
      return
    }
    let amounts = try container.decode([Int].self)
    guard amounts.count == 3, amounts.allSatisfy({ $0 >= 0 }) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "padding \(amounts): give three non-negative cell counts")
    }
    self = .zeros(amounts)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .same: try container.encode("same")
    case .zeros(let p): try container.encode(p)
    }
  }
}

/// One convolution block: zero padding, Conv3D (stride 1, bias), activation, optional batch norm.
///
/// The activation comes before the batch norm, as in the Keras 3DGAN (Conv → ReLU → BN).
public struct ConvBlockConfig: Sendable, Equatable, Codable {
  /// Output channels.
  public var channels: Int
  /// Kernel size (x, y, z) in cells.
  public var kernel: [Int]
  /// Zero padding before the convolution.
  public var padding: Padding
  /// Whether a batch norm follows the activation.
  public var batchNorm: Bool

  /// Creates a block.
  public init(channels: Int, kernel: [Int], padding: Padding = .valid, batchNorm: Bool = true) {
    self.channels = channels
    self.kernel = kernel
    self.padding = padding
    self.batchNorm = batchNorm
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case channels, kernel, padding, batchNorm }

  public init(from decoder: any Decoder) throws {
    try decoder.rejectUnknownKeys(CodingKeys.self)
    let c = try decoder.container(keyedBy: CodingKeys.self)
    channels = try c.decode(Int.self, forKey: .channels)
    kernel = try c.decode([Int].self, forKey: .kernel)
    padding = try c.decodeIfPresent(Padding.self, forKey: .padding) ?? .valid
    batchNorm = try c.decodeIfPresent(Bool.self, forKey: .batchNorm) ?? true
  }

  /// Spatial output shape for an input of shape `input` (x, y, z).
  public func outputShape(_ input: [Int]) -> [Int] {
    let pads = padding.amounts(kernel: kernel)
    return (0..<3).map { input[$0] + pads[$0].before + pads[$0].after - kernel[$0] + 1 }
  }

  /// Trainable parameters: weights, bias, and the batch norm's scale and shift.
  public func parameterCount(inputChannels: Int) -> Int {
    channels * inputChannels * kernel.reduce(1, *) + channels + (batchNorm ? 2 * channels : 0)
  }
}
