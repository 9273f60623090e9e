import Torch

/// Inputs of one fixture case: leaves (with gradients), constants, and extra results.
final class CaseInputs {
  var leaves: [String: Tensor] = [:]
  var constants: [String: Tensor] = [:]
  var extras: [String: Tensor] = [:]

  subscript(_ name: String) -> Tensor {
    guard let tensor = leaves[name] ?? constants[name] else {
      fatalError("fixture case has no input '\(name)'")
    }
    return tensor
  }
}

/// The Swift side of every case in ops.safetensors (same names as the Python script's CASES).
let opCases: [String: @Sendable (CaseInputs) throws -> Tensor] = [
  // Arithmetic
  "add": { try $0["a"] + $0["b"] },
  "sub": { try $0["a"] - $0["b"] },
  "mul": { try $0["a"] * $0["b"] },
  "div": { try $0["a"] / $0["b"] },
  "add_scalar": { try $0["a"] + 1.5 },
  "rsub_scalar": { try 2.0 - $0["a"] },
  "mul_scalar": { try $0["a"] * -0.75 },
  "div_scalar": { try $0["a"] / 3.0 },
  "rdiv_scalar": { try 2.0 / $0["p"] },
  "neg": { try -$0["a"] },
  "pow_scalar": { try $0["p"].pow(2.5) },
  "pow_tensor": { try $0["p"].pow($0["q"]) },
  "sqrt": { try $0["p"].sqrt() },
  "exp": { try $0["a"].exp() },
  "log": { try $0["p"].log() },
  "abs": { try $0["a"].abs() },
  "square": { try $0["a"].square() },
  "clamp": { try $0["a"].clamped(min: -0.5, max: 0.7) },
  "clamp_min": { try $0["a"].clamped(min: 0.1) },
  "maximum": { try Tensor.maximum($0["a"], $0["b"]) },
  // Reductions
  "sum_all": { try $0["x"].sum() },
  "sum_dims": { try $0["x"].sum(dims: [1], keepDim: true) },
  "mean_all": { try $0["x"].mean() },
  "mean_dims": { try $0["x"].mean(dims: [0, 2]) },
  "amax_dims": { try $0["x"].max(dims: [2]) },
  "max_all": { try $0["x"].max() },
  "min_all": { try $0["x"].min() },
  "var_dims": { try $0["x"].variance(dims: [1]) },
  "var_biased_keep": { try $0["x"].variance(dims: [0, 2], unbiased: false, keepDim: true) },
  "std_all": { try $0["x"].standardDeviation() },
  "max_dim_values": { try $0["x"].max(dim: 1).values },
  // Shape
  "reshape": { try $0["x"].reshaped([4, -1]) * Tensor.arange(6) },
  "permute": { try $0["x"].permuted([2, 0, 1]) },
  "concat": { try Tensor.concat([$0["x"], $0["y"]], along: 1) },
  "narrow": { try $0["x"].narrowed(dim: 2, start: 1, length: 2) },
  "pad": { try $0["x"].padded([1, 2, 0, 1, 2, 0], value: 0.5) },
  "pad_crop": { try $0["x"].padded([-1, 1]) },
  "flatten": { try $0["x"].flattened(from: 1) * Tensor.arange(12) },
  "unsqueeze": { try $0["x"].unsqueezed(dim: 1).squeezed(dim: 1).unsqueezed(dim: 3) },
  "expand": { try $0["v"].expanded(to: [2, 3, 4]) },
  // Linear algebra
  "matmul": { try $0["a"].matmul($0["b"]) },
  "matmul_batched": { try $0["a"].matmul($0["b"]) },
  "linear": { try $0["x"].linear(weight: $0["w"], bias: $0["b"]) },
  "linear_nobias": { try $0["x"].linear(weight: $0["w"]) },
  // Convolutions
  "conv3d": {
    try $0["x"].conv3d(
      weight: $0["w"], bias: $0["b"], stride: [1, 2, 1], padding: [1, 1, 0], dilation: [1, 1, 2])
  },
  "conv3d_nobias": { try $0["x"].conv3d(weight: $0["w"], padding: [1]) },
  "conv_transpose3d": {
    try $0["x"].convTranspose3d(
      weight: $0["w"], bias: $0["b"], stride: [2, 2, 1], padding: [1, 0, 1],
      outputPadding: [1, 0, 0])
  },
  "conv_transpose3d_nobias": { try $0["x"].convTranspose3d(weight: $0["w"], stride: [2]) },
  // Pooling and upsampling
  "avg_pool3d": { try $0["x"].avgPool3d(kernel: [2]) },
  "avg_pool3d_stride": { try $0["x"].avgPool3d(kernel: [2, 2, 1], stride: [1, 2, 1]) },
  "nearest_size": { try $0["x"].upsampled(size: [5, 6, 3], mode: .nearest) },
  "nearest_scale": { try $0["x"].upsampled(scale: [2, 1.5, 2], mode: .nearest) },
  "trilinear_size": {
    try $0["x"].upsampled(size: [5, 6, 3], mode: .trilinear(alignCorners: false))
  },
  "trilinear_scale": { try $0["x"].upsampled(scale: [2], mode: .trilinear(alignCorners: false)) },
  // Batch normalisation
  "batch_norm_train": { inputs in
    let mean = try inputs["running_mean"].clone()
    let variance = try inputs["running_var"].clone()
    let y = try inputs["x"].batchNorm(
      weight: inputs["w"], bias: inputs["b"], runningMean: mean, runningVar: variance,
      training: true, momentum: 0.2, eps: 1e-3)
    inputs.extras = ["running_mean": mean, "running_var": variance]
    return y
  },
  "batch_norm_eval": {
    try $0["x"].batchNorm(
      weight: $0["w"], bias: $0["b"], runningMean: $0["running_mean"],
      runningVar: $0["running_var"], training: false)
  },
  "batch_norm_plain": { try $0["x"].batchNorm(training: true) },
  // Activations
  "relu": { try $0["a"].relu() },
  "leaky_relu": { try $0["a"].leakyRelu(slope: 0.2) },
  "sigmoid": { try $0["a"].sigmoid() },
  "tanh": { try $0["a"].tanh() },
  "dropout": { a in
    try Torch.withSeed(7) { () throws(TorchError) in try a["a"].dropout(p: 0.3, training: true) }
  },
  // Losses
  "bce": { try Tensor.binaryCrossEntropy(prediction: $0["p"], target: $0["t"]) },
  "bce_logits": { try Tensor.binaryCrossEntropyWithLogits(logits: $0["z"], target: $0["t"]) },
  "mse": { try Tensor.mseLoss(prediction: $0["p"], target: $0["t"]) },
  "l1": { try Tensor.l1Loss(prediction: $0["p"], target: $0["t"]) },
  "mape": { try Tensor.mapeLoss(prediction: $0["p"], target: $0["t"]) },
  // Further operations the API exposes
  "minimum": { try Tensor.minimum($0["a"], $0["b"]) },
  "where": { try Tensor.where($0["a"].greater($0["b"]), $0["a"], $0["b"] * 2) },
  "reciprocal": { try $0["p"].reciprocal() },
  "rsqrt": { try $0["p"].rsqrt() },
  "log1p": { try $0["p"].log1p() },
  "sin_cos": { try $0["a"].sin() * $0["a"].cos() },
  "prod_all": { try $0["p"].product() },
  "prod_dim": { try $0["p"].product(dim: 1, keepDim: true) },
  "cumsum": { try $0["x"].cumulativeSum(dim: 1) },
  "min_dim_values": { try $0["x"].min(dim: 2, keepDim: true).values },
  "transpose": { try $0["x"].transposed(0, 2) },
  "stack": { try Tensor.stack([$0["x"], $0["y"]], along: 1) },
  "softmax": { try $0["a"].softmax(dim: 1) },
  "log_softmax": { try $0["a"].logSoftmax(dim: 0) },
  "max_pool3d": { try $0["x"].maxPool3d(kernel: [2, 2, 3], stride: [1, 2, 1], padding: [1, 0, 1]) },
  "avg_pool3d_pad": {
    try $0["x"].avgPool3d(
      kernel: [3], stride: [2], padding: [1], ceilMode: true, countIncludePad: false)
  },
  "conv3d_groups": {
    try $0["x"].conv3d(weight: $0["w"], bias: $0["b"], padding: [1, 0, 1], groups: 2)
  },
  "conv3d_f64": { try $0["x"].conv3d(weight: $0["w"], stride: [2]) },
  "leaky_relu_default": { try $0["a"].leakyRelu() },
  "bce_weight_sum": {
    try Tensor.binaryCrossEntropy(
      prediction: $0["p"], target: $0["t"], weight: $0["w"], reduction: .sum)
  },
  "bce_logits_pos_weight": {
    try Tensor.binaryCrossEntropyWithLogits(
      logits: $0["z"], target: $0["t"], positiveWeight: $0["pw"])
  },
  "mse_none": { try Tensor.mseLoss(prediction: $0["p"], target: $0["t"], reduction: .none) },
  "l1_sum": { try Tensor.l1Loss(prediction: $0["p"], target: $0["t"], reduction: .sum) },
  // Stride-1 float32 conv3d: the input gradient is a forward convolution (ctorch.cpp).
  "conv3d_s1": { try $0["x"].conv3d(weight: $0["w"], bias: $0["b"], padding: [2, 1, 0]) },
  "conv3d_s1_const_input": { try $0["x"].conv3d(weight: $0["w"], bias: $0["b"], padding: [1]) },
  "conv3d_s1_const_weight": { try $0["x"].conv3d(weight: $0["w"], padding: [0, 2, 1]) },
]
