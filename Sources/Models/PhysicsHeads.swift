public import Torch

/// The discriminator's weightless heads: deterministic, differentiable functions of the image that let
/// the loss penalise generated showers whose total energy or direction disagree with the condition.
public enum PhysicsHeads {
  /// Total de-powered energy `Σ x^(1/power)` of `[B, 1, X, Y, Z]`, shape `[B, 1]`, in network cell units.
  public static func ecalSum(_ image: Tensor, power: Double) throws(TorchError) -> Tensor {
    try image.pow(1 / power).sum(dims: [1, 2, 3, 4]).reshaped([-1, 1])
  }

  /// The Keras `ecal_angle`: polar angle in radians from per-layer barycentres, `[B, 1]`.
  ///
  /// On the de-powered image, with cell centres at index + 0.5: the 3D barycentre (x_ref, y_ref,
  /// z_ref); per layer z the (x_mid, y_mid) barycentre; `zproj = √max((x_mid − x_ref)² + (z − z_ref)², 1e-7)`;
  /// slope `m = (y_mid − y_ref)/zproj`, sign flipped in front of z_ref; angle `π/2 − atan(m)`, averaged
  /// over non-empty layers with weight z + 0.5. Empty images give 100.
  public static func ecalAngle(_ image: Tensor, power: Double) throws(TorchError) -> Tensor {
    let img = try image.squeezed(dim: 1).pow(1 / power)  // [B, X, Y, Z]
    let (nx, ny, nz) = (img.shape[1], img.shape[2], img.shape[3])
    let zero = try Tensor.scalar(0)
    let one = try Tensor.scalar(1)
    let xi = try Tensor.arange(Double(nx)) + 0.5
    let yi = try Tensor.arange(Double(ny)) + 0.5
    let zi = try Tensor.arange(Double(nz)) + 0.5
    let total = try img.sum(dims: [1, 2, 3])  // [B]
    let empty = try total.equal(zero)
    let safeTotal = try Tensor.where(empty, one, total)
    func reference(_ profile: Tensor, _ index: Tensor) throws(TorchError) -> Tensor {
      try Tensor.where(empty, one, (profile * index).sum(dims: [1]) / safeTotal).unsqueezed(dim: 1)
    }
    let xRef = try reference(img.sum(dims: [2, 3]), xi)
    let yRef = try reference(img.sum(dims: [1, 3]), yi)
    let zRef = try reference(img.sum(dims: [1, 2]), zi)
    let layerSum = try img.sum(dims: [1, 2])  // [B, Z]
    let emptyLayer = try layerSum.equal(zero)
    let layerMask = try Tensor.where(emptyLayer, zero, one)
    let safeLayer = try Tensor.where(emptyLayer, one, layerSum)
    let xMid = try Tensor.where(
      emptyLayer, zero, (img.sum(dims: [2]) * xi.reshaped([1, nx, 1])).sum(dims: [1]) / safeLayer)
    let yMid = try Tensor.where(
      emptyLayer, zero, (img.sum(dims: [1]) * yi.reshaped([1, ny, 1])).sum(dims: [1]) / safeLayer)
    let z = try zi.reshaped([1, nz])
    let zproj = try ((xMid - xRef).square() + (z - zRef).square()).clamped(min: 1e-7).sqrt()
    var slope = try (yMid - yRef) / zproj
    slope = try Tensor.where(z.less(zRef), -slope, slope)
    let angle = try (Double.pi / 2) - atan(slope)
    let weights = try z * layerMask  // [B, Z]
    let weighted = try (angle * weights).sum(dims: [1])
    let norm = try weights.sum(dims: [1])
    let mean = try weighted / Tensor.where(norm.equal(zero), one, norm)
    return try Tensor.where(empty, Tensor.scalar(100), mean).reshaped([-1, 1])
  }

  /// Element-wise arctangent from differentiable primitives (the engine has no `atan`).
  ///
  /// Three half-angle reductions `atan(x) = 2·atan(x / (1 + √(1 + x²)))` bring |t| below tan(π/16),
  /// then the odd Taylor series to t¹¹; absolute error below 1e-10 (float32 rounding dominates).
  /// Valid for |x| < 1e19 (x² must not overflow float32).
  public static func atan(_ x: Tensor) throws(TorchError) -> Tensor {
    var t = x
    for _ in 0..<3 { t = try t / ((t.square() + 1).sqrt() + 1) }
    let t2 = try t.square()
    var series = try t2 * (-1.0 / 11) + 1.0 / 9
    for c in [-1.0 / 7, 1.0 / 5, -1.0 / 3, 1.0] { series = try series * t2 + c }
    return try series * t * 8
  }
}
