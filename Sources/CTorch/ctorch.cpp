// Plain-C facade over libtorch: the only translation unit that includes libtorch headers.
//
// Every entry point runs its body through `guarded`, which catches every C++ exception (a C++
// exception reaching Swift crashes the process), stores the message for ct_last_error() and
// returns NULL / -1. Handles are heap-allocated `ct_tensor_s` holding an at::Tensor; a global
// atomic counter tracks live handles so tests can prove nothing leaks.
#include "ctorch.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

struct ct_tensor_s {
  at::Tensor t;
};

// MARK: - Errors and handles

namespace {

thread_local std::string last_error;
std::atomic<int64_t> live_handles{0};
thread_local int64_t thread_live_handles = 0;

ct_tensor wrap(at::Tensor t) {
  auto *h = new ct_tensor_s{std::move(t)};
  live_handles.fetch_add(1, std::memory_order_relaxed);
  ++thread_live_handles;
  return h;
}

/// Runs `body`; on any exception records the message and returns `failure`.
template <typename R, typename F> R guarded(R failure, F &&body) {
  try {
    last_error.clear();
    return body();
  } catch (const c10::Error &e) {
    last_error = e.what_without_backtrace();
  } catch (const std::exception &e) {
    last_error = e.what();
  } catch (...) {
    last_error = "unknown C++ exception in libtorch";
  }
  return failure;
}

/// Handle-returning variant.
template <typename F> ct_tensor guard_tensor(F &&body) {
  return guarded<ct_tensor>(nullptr, [&]() -> ct_tensor { return wrap(body()); });
}

/// int-returning variant: body returns nothing, success is 0.
template <typename F> int guard_int(F &&body) {
  return guarded<int>(-1, [&]() -> int {
    body();
    return 0;
  });
}

/// Generators installed by ct_push_thread_generator, innermost last (this thread only).
thread_local std::vector<at::Generator> thread_generators;

/// This thread's innermost generator for a draw on `device`, or none (libtorch's default generator).
c10::optional<at::Generator> generator_for(const c10::Device &device) {
  if (thread_generators.empty() || !device.is_cpu()) return c10::nullopt;
  return thread_generators.back();
}

const at::Tensor &ref(ct_tensor h) {
  TORCH_CHECK(h != nullptr, "null tensor handle");
  return h->t;
}

/// The tensor of a handle the call may modify in place (shares storage with `ref`'s).
at::Tensor &mut(ct_tensor h) {
  TORCH_CHECK(h != nullptr, "null tensor handle");
  return h->t;
}

c10::optional<at::Tensor> opt(ct_tensor h) {
  if (h == nullptr) return c10::nullopt;
  return h->t;
}

at::ScalarType scalar_type(int dtype) {
  switch (dtype) {
  case CT_FLOAT32: return at::kFloat;
  case CT_FLOAT64: return at::kDouble;
  case CT_INT64: return at::kLong;
  case CT_BOOL: return at::kBool;
  case CT_INT32: return at::kInt;
  case CT_UINT8: return at::kByte;
  case CT_FLOAT16: return at::kHalf;
  case CT_BFLOAT16: return at::kBFloat16;
  }
  TORCH_CHECK(false, "unknown dtype code ", dtype);
}

int dtype_code(at::ScalarType s) {
  switch (s) {
  case at::kFloat: return CT_FLOAT32;
  case at::kDouble: return CT_FLOAT64;
  case at::kLong: return CT_INT64;
  case at::kBool: return CT_BOOL;
  case at::kInt: return CT_INT32;
  case at::kByte: return CT_UINT8;
  case at::kHalf: return CT_FLOAT16;
  case at::kBFloat16: return CT_BFLOAT16;
  default: return -1;
  }
}

at::Device device(int type, int index) {
  TORCH_CHECK(type == CT_CPU || type == CT_CUDA, "unknown device type ", type);
  if (type == CT_CPU) return at::Device(at::kCPU);
  return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
}

at::IntArrayRef ints(const int64_t *p, int n) {
  TORCH_CHECK(n >= 0 && (n == 0 || p != nullptr), "bad int array");
  return at::IntArrayRef(p, static_cast<size_t>(n));
}

std::vector<int64_t> all_dims(const at::Tensor &t) {
  std::vector<int64_t> d(static_cast<size_t>(t.dim()));
  for (size_t i = 0; i < d.size(); ++i) d[i] = static_cast<int64_t>(i);
  return d;
}

} // namespace

namespace {

/// Stride-1, undilated, ungrouped CPU conv3d whose backward computes the input gradient as a
/// forward convolution of the zero-padded output gradient with the flipped, transposed kernel.
///
/// oneDNN 2.6 (libtorch 1.13) takes about 2x a forward pass for the backward-data pass of the small
/// channel counts of the 3DGAN; the equivalent forward convolution takes about 1x. The weight and
/// bias gradients still come from `at::convolution_backward`, asked for those two only. The result
/// equals autograd's to float rounding (about 1e-6 relative); the backward is itself differentiable.
/// `HasBias` selects the three-input (x, w, b) or two-input (x, w) form: autograd functions take
/// no undefined tensors.
template <bool HasBias>
struct FullConvBackward3d : public torch::autograd::Function<FullConvBackward3d<HasBias>> {
  static at::Tensor forward(torch::autograd::AutogradContext *ctx, const at::Tensor &x,
                            const at::Tensor &w, const at::Tensor &b,
                            std::vector<int64_t> padding) {
    ctx->save_for_backward({x, w});
    ctx->saved_data["padding"] = padding;
    return at::conv3d(x, w, b, 1, padding);
  }
  static at::Tensor forward(torch::autograd::AutogradContext *ctx, const at::Tensor &x,
                            const at::Tensor &w, std::vector<int64_t> padding) {
    ctx->save_for_backward({x, w});
    ctx->saved_data["padding"] = padding;
    return at::conv3d(x, w, c10::nullopt, 1, padding);
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                 torch::autograd::variable_list grads) {
    auto saved = ctx->get_saved_variables();
    const at::Tensor &x = saved[0], &w = saved[1];
    auto padding = ctx->saved_data["padding"].toIntVector();
    constexpr bool has_bias = HasBias;
    const at::Tensor &g = grads[0];
    at::Tensor gx, gw, gb;
    if (ctx->needs_input_grad(0)) {
      std::vector<int64_t> full(3);
      for (int i = 0; i < 3; ++i) full[i] = w.size(2 + i) - 1 - padding[i];
      gx = at::conv3d(g.contiguous(), w.flip({2, 3, 4}).transpose(0, 1).contiguous(), c10::nullopt, 1, full);
    }
    bool need_w = ctx->needs_input_grad(1), need_b = has_bias && ctx->needs_input_grad(2);
    if (need_w || need_b) {
      c10::OptionalArrayRef<int64_t> bias_sizes;
      std::vector<int64_t> bias_shape{w.size(0)};
      if (has_bias) bias_sizes = bias_shape;
      auto r = at::convolution_backward(g, x, w, bias_sizes, {1, 1, 1}, padding, {1, 1, 1},
                                        false, {0, 0, 0}, 1, {false, need_w, need_b});
      gw = std::get<1>(r);
      gb = std::get<2>(r);
    }
    if (HasBias) return {gx, gw, gb, at::Tensor()};
    return {gx, gw, at::Tensor()};
  }
};

/// Whether `FullConvBackward3d` applies (`CALOTWIN_CONV_BACKWARD=native` turns it off, for A/B
/// benchmarks): a gradient is wanted, CPU float32 5-D input, stride 1,
/// no dilation, one group, padding at most kernel − 1 in every dimension.
bool full_conv_backward_applies(const at::Tensor &x, const at::Tensor &w, at::IntArrayRef stride,
                                at::IntArrayRef padding, at::IntArrayRef dilation,
                                int64_t groups) {
  static const bool disabled = [] {
    const char *v = std::getenv("CALOTWIN_CONV_BACKWARD");
    return v != nullptr && std::string(v) == "native";
  }();
  if (disabled) return false;
  if (!at::GradMode::is_enabled() || !(x.requires_grad() || w.requires_grad())) return false;
  if (!x.device().is_cpu() || x.scalar_type() != at::kFloat || w.scalar_type() != at::kFloat)
    return false;
  if (x.dim() != 5 || w.dim() != 5 || groups != 1) return false;
  for (int i = 0; i < 3; ++i) {
    if (stride[i] != 1 || dilation[i] != 1) return false;
    if (padding[i] < 0 || padding[i] > w.size(2 + i) - 1) return false;
  }
  return true;
}

}  // namespace

extern "C" {

const char *ct_last_error(void) { return last_error.c_str(); }
int64_t ct_live_handles(void) { return live_handles.load(std::memory_order_relaxed); }
int64_t ct_thread_live_handles(void) { return thread_live_handles; }

void ct_free(ct_tensor t) {
  if (t == nullptr) return;
  delete t;
  live_handles.fetch_sub(1, std::memory_order_relaxed);
  --thread_live_handles;
}

// MARK: - Global state

int ct_manual_seed(uint64_t seed) {
  return guard_int([&] { at::manual_seed(seed); });
}
int ct_push_thread_generator(uint64_t seed) {
  return guard_int([&] { thread_generators.push_back(at::make_generator<at::CPUGeneratorImpl>(seed)); });
}
int ct_pop_thread_generator(void) {
  return guard_int([&] {
    TORCH_CHECK(!thread_generators.empty(), "no thread generator to pop");
    thread_generators.pop_back();
  });
}
int ct_set_num_threads(int n) {
  return guard_int([&] {
    TORCH_CHECK(n >= 1, "thread count must be at least 1, got ", n);
    at::set_num_threads(n);
  });
}
int ct_get_num_threads(void) { return at::get_num_threads(); }
const char *ct_version(void) {
  static const std::string version = std::to_string(TORCH_VERSION_MAJOR) + "." +
                                     std::to_string(TORCH_VERSION_MINOR) + "." +
                                     std::to_string(TORCH_VERSION_PATCH);
  return version.c_str();
}
int ct_cuda_is_available(void) {
  return guarded<int>(0, [] { return torch::cuda::is_available() ? 1 : 0; });
}
int ct_cuda_device_count(void) {
  return guarded<int>(0, [] { return static_cast<int>(torch::cuda::device_count()); });
}
int ct_cuda_synchronize(void) {
  return guard_int([] {
    if (torch::cuda::is_available()) torch::cuda::synchronize();
  });
}
int ct_is_grad_enabled(void) { return at::GradMode::is_enabled() ? 1 : 0; }
void ct_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

// MARK: - Creation and data access

ct_tensor ct_from_data(const void *data, size_t nbytes, int dtype, const int64_t *shape, int ndim,
                       int device_type, int device_index) {
  return guard_tensor([&] {
    auto options = at::TensorOptions().dtype(scalar_type(dtype));
    auto out = at::empty(ints(shape, ndim), options);
    TORCH_CHECK(static_cast<size_t>(out.nbytes()) == nbytes, "data has ", nbytes,
                " bytes, shape ", out.sizes(), " needs ", out.nbytes());
    if (nbytes > 0) std::memcpy(out.data_ptr(), data, nbytes);
    return out.to(device(device_type, device_index));
  });
}

int ct_copy_data(ct_tensor t, void *out, size_t nbytes) {
  return guard_int([&] {
    auto c = ref(t).detach().to(at::kCPU).contiguous();
    TORCH_CHECK(static_cast<size_t>(c.nbytes()) == nbytes, "buffer has ", nbytes,
                " bytes, tensor has ", c.nbytes());
    if (nbytes > 0) std::memcpy(out, c.data_ptr(), nbytes);
  });
}

ct_tensor ct_filled(int kind, double value, const int64_t *shape, int ndim, int dtype,
                    int device_type, int device_index) {
  return guard_tensor([&] {
    auto options =
        at::TensorOptions().dtype(scalar_type(dtype)).device(device(device_type, device_index));
    auto size = ints(shape, ndim);
    switch (kind) {
    case 0: return at::zeros(size, options);
    case 1: return at::ones(size, options);
    case 2: return at::randn(size, generator_for(options.device()), options);
    case 3: return at::rand(size, generator_for(options.device()), options);
    case 4: return at::full(size, value, options);
    }
    TORCH_CHECK(false, "unknown fill kind ", kind);
  });
}

ct_tensor ct_arange(double start, double end, double step, int dtype, int device_type,
                    int device_index) {
  return guard_tensor([&] {
    auto options =
        at::TensorOptions().dtype(scalar_type(dtype)).device(device(device_type, device_index));
    return at::arange(start, end, step, options);
  });
}

ct_tensor ct_clone(ct_tensor t) {
  return guard_tensor([&] { return ref(t).clone(); });
}

ct_tensor ct_to(ct_tensor t, int dtype, int device_type, int device_index) {
  return guard_tensor(
      [&] { return ref(t).to(device(device_type, device_index), scalar_type(dtype)); });
}

int ct_copy_(ct_tensor dst, ct_tensor src) {
  return guard_int([&] {
    at::NoGradGuard no_grad;
    mut(dst).copy_(ref(src));
  });
}

// MARK: - Queries

int ct_dim(ct_tensor t) {
  return guarded<int>(-1, [&] { return static_cast<int>(ref(t).dim()); });
}
int ct_shape(ct_tensor t, int64_t *out) {
  return guard_int([&] {
    auto s = ref(t).sizes();
    for (size_t i = 0; i < s.size(); ++i) out[i] = s[i];
  });
}
int ct_dtype(ct_tensor t) {
  return guarded<int>(-1, [&] { return dtype_code(ref(t).scalar_type()); });
}
int ct_device(ct_tensor t, int *index) {
  return guarded<int>(-1, [&] {
    auto d = ref(t).device();
    *index = d.has_index() ? d.index() : 0;
    return d.is_cuda() ? CT_CUDA : CT_CPU;
  });
}
int ct_item(ct_tensor t, double *out) {
  return guard_int([&] { *out = ref(t).item<double>(); });
}

// MARK: - Shape

ct_tensor ct_reshape(ct_tensor t, const int64_t *shape, int ndim) {
  return guard_tensor([&] { return ref(t).reshape(ints(shape, ndim)); });
}
ct_tensor ct_permute(ct_tensor t, const int64_t *dims, int ndim) {
  return guard_tensor([&] { return ref(t).permute(ints(dims, ndim)); });
}
ct_tensor ct_transpose(ct_tensor t, int64_t dim0, int64_t dim1) {
  return guard_tensor([&] { return ref(t).transpose(dim0, dim1); });
}
static std::vector<at::Tensor> tensor_list(const ct_tensor *ts, int n) {
  TORCH_CHECK(n >= 1, "need at least one tensor");
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v.push_back(ref(ts[i]));
  return v;
}
ct_tensor ct_cat(const ct_tensor *ts, int n, int64_t dim) {
  return guard_tensor([&] { return at::cat(tensor_list(ts, n), dim); });
}
ct_tensor ct_stack(const ct_tensor *ts, int n, int64_t dim) {
  return guard_tensor([&] { return at::stack(tensor_list(ts, n), dim); });
}
ct_tensor ct_narrow(ct_tensor t, int64_t dim, int64_t start, int64_t length) {
  return guard_tensor([&] { return ref(t).narrow(dim, start, length); });
}
ct_tensor ct_pad(ct_tensor t, const int64_t *pads, int npads, double value) {
  return guard_tensor([&] { return at::constant_pad_nd(ref(t), ints(pads, npads), value); });
}
ct_tensor ct_flatten(ct_tensor t, int64_t start, int64_t end) {
  return guard_tensor([&] { return ref(t).flatten(start, end); });
}
ct_tensor ct_squeeze(ct_tensor t, int64_t dim, int all) {
  return guard_tensor([&] { return all ? ref(t).squeeze() : ref(t).squeeze(dim); });
}
ct_tensor ct_unsqueeze(ct_tensor t, int64_t dim) {
  return guard_tensor([&] { return ref(t).unsqueeze(dim); });
}
ct_tensor ct_expand(ct_tensor t, const int64_t *shape, int ndim) {
  return guard_tensor([&] { return ref(t).expand(ints(shape, ndim)); });
}
ct_tensor ct_contiguous(ct_tensor t) {
  return guard_tensor([&] { return ref(t).contiguous(); });
}

// MARK: - Element-wise arithmetic

static at::Tensor binary(int op, const at::Tensor &a, const at::Tensor &b) {
  switch (op) {
  case CT_ADD: return a + b;
  case CT_SUB: return a - b;
  case CT_MUL: return a * b;
  case CT_DIV: return a / b;
  case CT_POW: return at::pow(a, b);
  case CT_MAXIMUM: return at::maximum(a, b);
  case CT_MINIMUM: return at::minimum(a, b);
  case CT_EQ: return at::eq(a, b);
  case CT_NE: return at::ne(a, b);
  case CT_LT: return at::lt(a, b);
  case CT_LE: return at::le(a, b);
  case CT_GT: return at::gt(a, b);
  case CT_GE: return at::ge(a, b);
  }
  TORCH_CHECK(false, "unknown binary op ", op);
}

ct_tensor ct_binary(int op, ct_tensor a, ct_tensor b) {
  return guard_tensor([&] { return binary(op, ref(a), ref(b)); });
}

ct_tensor ct_binary_scalar(int op, ct_tensor a, double s, int reversed) {
  return guard_tensor([&] {
    const auto &x = ref(a);
    if (!reversed) {
      switch (op) {
      case CT_ADD: return x + s;
      case CT_SUB: return x - s;
      case CT_MUL: return x * s;
      case CT_DIV: return x / s;
      case CT_POW: return at::pow(x, s);
      }
    }
    // A 0-dim tensor of x's dtype, so type promotion matches the Python scalar case.
    auto scalar = at::scalar_tensor(s, x.options().requires_grad(false));
    return reversed ? binary(op, scalar, x) : binary(op, x, scalar);
  });
}

ct_tensor ct_unary(int op, ct_tensor t) {
  return guard_tensor([&] {
    const auto &x = ref(t);
    switch (op) {
    case CT_NEG: return at::neg(x);
    case CT_EXP: return at::exp(x);
    case CT_LOG: return at::log(x);
    case CT_SQRT: return at::sqrt(x);
    case CT_ABS: return at::abs(x);
    case CT_SIGMOID: return at::sigmoid(x);
    case CT_TANH: return at::tanh(x);
    case CT_RELU: return at::relu(x);
    case CT_SQUARE: return at::square(x);
    case CT_RECIPROCAL: return at::reciprocal(x);
    case CT_SIGN: return at::sign(x);
    case CT_LOG1P: return at::log1p(x);
    case CT_RSQRT: return at::rsqrt(x);
    case CT_SIN: return at::sin(x);
    case CT_COS: return at::cos(x);
    case CT_FLOOR: return at::floor(x);
    case CT_CEIL: return at::ceil(x);
    case CT_ROUND: return at::round(x);
    case CT_LOGICAL_NOT: return at::logical_not(x);
    case CT_ISNAN: return at::isnan(x);
    }
    TORCH_CHECK(false, "unknown unary op ", op);
  });
}

ct_tensor ct_clamp(ct_tensor t, double lo, int has_lo, double hi, int has_hi) {
  return guard_tensor([&] {
    c10::optional<at::Scalar> l, h;
    if (has_lo) l = lo;
    if (has_hi) h = hi;
    return at::clamp(ref(t), l, h);
  });
}

ct_tensor ct_where(ct_tensor cond, ct_tensor a, ct_tensor b) {
  return guard_tensor([&] { return at::where(ref(cond), ref(a), ref(b)); });
}

// MARK: - Reductions

ct_tensor ct_reduce(int op, ct_tensor t, const int64_t *dims, int ndims, int keepdim) {
  return guard_tensor([&] {
    const auto &x = ref(t);
    auto all = all_dims(x);
    at::IntArrayRef d = ndims == 0 ? at::IntArrayRef(all) : ints(dims, ndims);
    bool k = keepdim != 0;
    switch (op) {
    case CT_SUM: return ndims == 0 && !k ? at::sum(x) : at::sum(x, d, k);
    case CT_MEAN: return ndims == 0 && !k ? at::mean(x) : at::mean(x, d, k);
    case CT_AMAX: return at::amax(x, d, k);
    case CT_AMIN: return at::amin(x, d, k);
    case CT_PROD:
      if (ndims == 0 && !k) return at::prod(x);
      TORCH_CHECK(ndims == 1, "prod reduces over all dims or exactly one");
      return at::prod(x, dims[0], k);
    }
    TORCH_CHECK(false, "unknown reduction ", op);
  });
}

ct_tensor ct_var(ct_tensor t, const int64_t *dims, int ndims, int unbiased, int keepdim,
                 int is_std) {
  return guard_tensor([&] {
    const auto &x = ref(t);
    auto all = all_dims(x);
    at::IntArrayRef d = ndims == 0 ? at::IntArrayRef(all) : ints(dims, ndims);
    return is_std ? at::std(x, d, unbiased != 0, keepdim != 0)
                  : at::var(x, d, unbiased != 0, keepdim != 0);
  });
}

int ct_max_dim(ct_tensor t, int64_t dim, int keepdim, int is_min, ct_tensor *values,
               ct_tensor *indices) {
  return guard_int([&] {
    auto r = is_min ? at::min(ref(t), dim, keepdim != 0) : at::max(ref(t), dim, keepdim != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  });
}

ct_tensor ct_argmax(ct_tensor t, int64_t dim, int keepdim, int flat, int is_min) {
  return guard_tensor([&] {
    c10::optional<int64_t> d;
    if (!flat) d = dim;
    return is_min ? at::argmin(ref(t), d, keepdim != 0) : at::argmax(ref(t), d, keepdim != 0);
  });
}

ct_tensor ct_cumsum(ct_tensor t, int64_t dim) {
  return guard_tensor([&] { return at::cumsum(ref(t), dim); });
}

// MARK: - Linear algebra

ct_tensor ct_matmul(ct_tensor a, ct_tensor b) {
  return guard_tensor([&] { return at::matmul(ref(a), ref(b)); });
}
ct_tensor ct_linear(ct_tensor x, ct_tensor w, ct_tensor b) {
  return guard_tensor([&] { return at::linear(ref(x), ref(w), opt(b)); });
}

// MARK: - Convolution, pooling, upsampling

ct_tensor ct_conv3d(ct_tensor x, ct_tensor w, ct_tensor b, const int64_t *stride,
                    const int64_t *padding, const int64_t *dilation, int64_t groups) {
  return guard_tensor([&] {
    auto s = ints(stride, 3), p = ints(padding, 3), d = ints(dilation, 3);
    if (full_conv_backward_applies(ref(x), ref(w), s, p, d, groups)) {
      if (b) return FullConvBackward3d<true>::apply(ref(x), ref(w), ref(b), p.vec());
      return FullConvBackward3d<false>::apply(ref(x), ref(w), p.vec());
    }
    return at::conv3d(ref(x), ref(w), opt(b), s, p, d, groups);
  });
}

ct_tensor ct_conv_transpose3d(ct_tensor x, ct_tensor w, ct_tensor b, const int64_t *stride,
                              const int64_t *padding, const int64_t *output_padding,
                              int64_t groups, const int64_t *dilation) {
  return guard_tensor([&] {
    return at::conv_transpose3d(ref(x), ref(w), opt(b), ints(stride, 3), ints(padding, 3),
                                ints(output_padding, 3), groups, ints(dilation, 3));
  });
}

ct_tensor ct_avg_pool3d(ct_tensor x, const int64_t *kernel, const int64_t *stride,
                        const int64_t *padding, int ceil_mode, int count_include_pad) {
  return guard_tensor([&] {
    return at::avg_pool3d(ref(x), ints(kernel, 3), ints(stride, 3), ints(padding, 3),
                          ceil_mode != 0, count_include_pad != 0);
  });
}

ct_tensor ct_max_pool3d(ct_tensor x, const int64_t *kernel, const int64_t *stride,
                        const int64_t *padding) {
  return guard_tensor([&] {
    int64_t one[3] = {1, 1, 1};
    return at::max_pool3d(ref(x), ints(kernel, 3), ints(stride, 3), ints(padding, 3),
                          at::IntArrayRef(one, 3), false);
  });
}

ct_tensor ct_upsample3d(ct_tensor x, int mode, const int64_t *size, const double *scales,
                        int align_corners) {
  return guard_tensor([&] {
    c10::optional<double> sd, sh, sw;
    if (scales != nullptr) {
      sd = scales[0];
      sh = scales[1];
      sw = scales[2];
    }
    auto out = ints(size, 3);
    if (mode == 0) return at::upsample_nearest3d(ref(x), out, sd, sh, sw);
    TORCH_CHECK(mode == 1, "unknown upsampling mode ", mode);
    return at::upsample_trilinear3d(ref(x), out, align_corners != 0, sd, sh, sw);
  });
}

// MARK: - Normalisation, activations, dropout

ct_tensor ct_batch_norm(ct_tensor x, ct_tensor weight, ct_tensor bias, ct_tensor running_mean,
                        ct_tensor running_var, int training, double momentum, double eps) {
  return guard_tensor([&] {
    return at::batch_norm(ref(x), opt(weight), opt(bias), opt(running_mean), opt(running_var),
                          training != 0, momentum, eps, at::globalContext().userEnabledCuDNN());
  });
}

ct_tensor ct_leaky_relu(ct_tensor x, double slope) {
  return guard_tensor([&] { return at::leaky_relu(ref(x), slope); });
}

ct_tensor ct_softmax(ct_tensor x, int64_t dim, int log) {
  return guard_tensor(
      [&] { return log ? at::log_softmax(ref(x), dim) : at::softmax(ref(x), dim); });
}

ct_tensor ct_dropout(ct_tensor x, double p, int training) {
  return guard_tensor([&] {
    TORCH_CHECK(p >= 0 && p <= 1, "dropout probability has to be between 0 and 1, but got ", p);
    auto gen = generator_for(ref(x).device());
    if (!gen || training == 0 || p == 0 || p == 1) return at::dropout(ref(x), p, training != 0);
    // at::dropout's CPU algorithm (bernoulli noise scaled by 1/(1-p)) with this thread's generator.
    auto noise = at::empty_like(ref(x)).bernoulli_(1 - p, gen);
    noise.div_(1 - p);
    return ref(x) * noise;
  });
}

// MARK: - Losses

ct_tensor ct_bce(ct_tensor p, ct_tensor target, ct_tensor weight, int reduction) {
  return guard_tensor(
      [&] { return at::binary_cross_entropy(ref(p), ref(target), opt(weight), reduction); });
}
ct_tensor ct_bce_with_logits(ct_tensor logits, ct_tensor target, ct_tensor weight,
                             ct_tensor pos_weight, int reduction) {
  return guard_tensor([&] {
    return at::binary_cross_entropy_with_logits(ref(logits), ref(target), opt(weight),
                                                opt(pos_weight), reduction);
  });
}
ct_tensor ct_mse(ct_tensor p, ct_tensor target, int reduction) {
  return guard_tensor([&] { return at::mse_loss(ref(p), ref(target), reduction); });
}
ct_tensor ct_l1(ct_tensor p, ct_tensor target, int reduction) {
  return guard_tensor([&] { return at::l1_loss(ref(p), ref(target), reduction); });
}

// MARK: - Autograd

int ct_set_requires_grad(ct_tensor t, int requires) {
  return guard_int([&] { mut(t).set_requires_grad(requires != 0); });
}
int ct_requires_grad(ct_tensor t) {
  return guarded<int>(-1, [&] { return ref(t).requires_grad() ? 1 : 0; });
}
int ct_is_leaf(ct_tensor t) {
  return guarded<int>(-1, [&] { return ref(t).is_leaf() ? 1 : 0; });
}
int ct_backward(ct_tensor t, ct_tensor grad, int retain_graph) {
  return guard_int([&] {
    at::Tensor g;
    if (grad != nullptr) g = grad->t;
    ref(t).backward(g, retain_graph != 0);
  });
}
int ct_grad(ct_tensor t, ct_tensor *out) {
  return guard_int([&] {
    const auto &g = ref(t).grad();
    *out = g.defined() ? wrap(g) : nullptr;
  });
}
int ct_zero_grad(ct_tensor t, int set_to_none) {
  return guard_int([&] {
    auto &g = mut(t).mutable_grad();
    if (!g.defined()) return;
    if (set_to_none) {
      g.reset();
    } else {
      at::NoGradGuard no_grad;
      g.detach_();
      g.zero_();
    }
  });
}
ct_tensor ct_detach(ct_tensor t) {
  return guard_tensor([&] { return ref(t).detach(); });
}

// MARK: - Optimizer updates (torch/optim/{rmsprop,adam}.py, 1.13, single-tensor path)

int ct_rmsprop_update(ct_tensor param, ct_tensor square_avg, ct_tensor momentum_buf,
                      ct_tensor grad_avg, double lr, double alpha, double eps,
                      double weight_decay, double momentum, int centered) {
  return guard_int([&] {
    at::NoGradGuard no_grad;
    auto &p = mut(param);
    auto grad = p.grad();
    TORCH_CHECK(grad.defined(), "parameter has no gradient");
    if (weight_decay != 0) grad = grad.add(p, weight_decay);
    auto &sq = mut(square_avg);
    sq.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
    at::Tensor avg;
    if (centered) {
      TORCH_CHECK(grad_avg != nullptr, "centered RMSprop needs grad_avg");
      auto &ga = mut(grad_avg);
      ga.mul_(alpha).add_(grad, 1 - alpha);
      avg = sq.addcmul(ga, ga, -1).sqrt_();
    } else {
      avg = sq.sqrt();
    }
    avg.add_(eps);
    if (momentum > 0) {
      TORCH_CHECK(momentum_buf != nullptr, "RMSprop with momentum needs momentum_buf");
      auto &buf = mut(momentum_buf);
      buf.mul_(momentum).addcdiv_(grad, avg);
      p.add_(buf, -lr);
    } else {
      p.addcdiv_(grad, avg, -lr);
    }
  });
}

int ct_adam_update(ct_tensor param, ct_tensor exp_avg, ct_tensor exp_avg_sq,
                   ct_tensor max_exp_avg_sq, int64_t step, double lr, double beta1,
                   double beta2, double eps, double weight_decay, int amsgrad) {
  return guard_int([&] {
    at::NoGradGuard no_grad;
    auto &p = mut(param);
    auto grad = p.grad();
    TORCH_CHECK(grad.defined(), "parameter has no gradient");
    TORCH_CHECK(step >= 1, "Adam step must be at least 1, got ", step);
    if (weight_decay != 0) grad = grad.add(p, weight_decay);
    auto &m = mut(exp_avg);
    auto &v = mut(exp_avg_sq);
    m.mul_(beta1).add_(grad, 1 - beta1);
    v.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
    // As Python: the step count is a float there (state['step'] is a float tensor).
    double s = static_cast<double>(step);
    double bias_correction1 = 1 - std::pow(beta1, s);
    double bias_correction2 = 1 - std::pow(beta2, s);
    double step_size = lr / bias_correction1;
    double bias_correction2_sqrt = std::sqrt(bias_correction2);
    at::Tensor denom;
    if (amsgrad) {
      TORCH_CHECK(max_exp_avg_sq != nullptr, "AMSGrad needs max_exp_avg_sq");
      auto &mx = mut(max_exp_avg_sq);
      at::maximum_out(mx, mx, v);
      denom = (mx.sqrt() / bias_correction2_sqrt).add_(eps);
    } else {
      denom = (v.sqrt() / bias_correction2_sqrt).add_(eps);
    }
    p.addcdiv_(m, denom, -step_size);
  });
}

} // extern "C"
