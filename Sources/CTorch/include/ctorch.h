// Plain-C facade over libtorch (ATen + autograd). Imported into Swift as a C module.
//
// Conventions:
// - `ct_tensor` is an opaque, owned handle; every function returning one gives the caller a new
//   handle that must be released with `ct_free`. Inputs are borrowed.
// - Failure: functions returning a handle return NULL, functions returning int return -1; the
//   message (libtorch's, without backtrace) is then in `ct_last_error()` (per thread).
// - Shapes are `(const int64_t *shape, int ndim)`; layouts are channels-first (N, C, D, H, W).
// - Nullable tensor arguments are marked "or NULL".
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque owned tensor handle.
typedef struct ct_tensor_s *ct_tensor;

/// Element types: values of `ct_dtype`.
enum {
  CT_FLOAT32 = 0,
  CT_FLOAT64 = 1,
  CT_INT64 = 2,
  CT_BOOL = 3,
  CT_INT32 = 4,
  CT_UINT8 = 5,
  CT_FLOAT16 = 6,
  CT_BFLOAT16 = 7,
};

/// Device kinds for the `device_type` arguments.
enum { CT_CPU = 0, CT_CUDA = 1 };

// MARK: - Errors, handles, global state

/// Message of the last failed ct_ call on this thread, or an empty string.
const char *ct_last_error(void);
/// Number of live tensor handles in the process (created minus freed).
int64_t ct_live_handles(void);
/// Handles created minus handles freed on the calling thread (for leak checks in tests that
/// run in parallel with others: a synchronous test stays on one thread).
int64_t ct_thread_live_handles(void);
/// Releases a handle (NULL is ignored).
void ct_free(ct_tensor t);
/// Seeds libtorch's CPU (and CUDA) generators, as torch.manual_seed.
int ct_manual_seed(uint64_t seed);
/// Makes a fresh CPU generator seeded with `seed` (the stream of ct_manual_seed(seed)) the source of
/// this thread's CPU randn, rand and dropout until the matching ct_pop_thread_generator; nests.
int ct_push_thread_generator(uint64_t seed);
/// Removes this thread's innermost generator (-1 when there is none).
int ct_pop_thread_generator(void);
/// Sets libtorch's intra-op thread count (>= 1).
int ct_set_num_threads(int n);
/// Current intra-op thread count.
int ct_get_num_threads(void);
/// libtorch's version as "major.minor.patch" (static storage).
const char *ct_version(void);
/// 1 when a CUDA device can be used, else 0.
int ct_cuda_is_available(void);
/// Number of CUDA devices (0 without CUDA).
int ct_cuda_device_count(void);
/// Waits for all CUDA kernels on the current device (no-op without CUDA).
int ct_cuda_synchronize(void);
/// Whether gradient recording is on for this thread.
int ct_is_grad_enabled(void);
/// Turns gradient recording on or off for this thread.
void ct_set_grad_enabled(int enabled);

// MARK: - Creation and data access

/// New tensor copied from `nbytes` of raw native-endian data of `dtype` with `shape`.
ct_tensor ct_from_data(const void *data, size_t nbytes, int dtype, const int64_t *shape, int ndim,
                       int device_type, int device_index);
/// Copies the elements (C order, on the CPU) into `out`; `nbytes` must equal numel * element size.
int ct_copy_data(ct_tensor t, void *out, size_t nbytes);
/// zeros (kind 0), ones (1), randn (2), rand (3), full of `value` (4) with `shape`.
ct_tensor ct_filled(int kind, double value, const int64_t *shape, int ndim, int dtype,
                    int device_type, int device_index);
/// 1-D tensor [start, start+step, ...) below `end`, as torch.arange.
ct_tensor ct_arange(double start, double end, double step, int dtype, int device_type,
                    int device_index);
/// A copy with its own storage (keeps the autograd graph, as torch.clone).
ct_tensor ct_clone(ct_tensor t);
/// Converts to `dtype` and moves to the device.
ct_tensor ct_to(ct_tensor t, int dtype, int device_type, int device_index);
/// Copies `src` into `dst` in place, without recording gradients (shapes must broadcast).
int ct_copy_(ct_tensor dst, ct_tensor src);

// MARK: - Queries

/// Number of dimensions, or -1.
int ct_dim(ct_tensor t);
/// Writes the `ct_dim(t)` sizes into `out`.
int ct_shape(ct_tensor t, int64_t *out);
/// Element type (CT_FLOAT32 ...), or -1 for an unsupported one.
int ct_dtype(ct_tensor t);
/// Device kind (CT_CPU, CT_CUDA) and index through `index`.
int ct_device(ct_tensor t, int *index);
/// Value of a one-element tensor, converted to double.
int ct_item(ct_tensor t, double *out);

// MARK: - Shape

/// View with a new shape (one entry may be -1), as torch.reshape.
ct_tensor ct_reshape(ct_tensor t, const int64_t *shape, int ndim);
/// Dimensions reordered by `dims`, as torch.permute.
ct_tensor ct_permute(ct_tensor t, const int64_t *dims, int ndim);
/// Swaps two dimensions.
ct_tensor ct_transpose(ct_tensor t, int64_t dim0, int64_t dim1);
/// Concatenation of `n` tensors along `dim`.
ct_tensor ct_cat(const ct_tensor *ts, int n, int64_t dim);
/// Stack of `n` equal-shape tensors along a new `dim`.
ct_tensor ct_stack(const ct_tensor *ts, int n, int64_t dim);
/// Slice [start, start+length) along `dim`, as torch.narrow.
ct_tensor ct_narrow(ct_tensor t, int64_t dim, int64_t start, int64_t length);
/// Constant padding, `pads` as torch.nn.functional.pad: (last_lo, last_hi, prev_lo, prev_hi, ...).
ct_tensor ct_pad(ct_tensor t, const int64_t *pads, int npads, double value);
/// Flattens dims start...end into one.
ct_tensor ct_flatten(ct_tensor t, int64_t start, int64_t end);
/// Removes `dim` if its size is 1; `all` != 0 removes every size-1 dim.
ct_tensor ct_squeeze(ct_tensor t, int64_t dim, int all);
/// Inserts a size-1 dim at `dim`.
ct_tensor ct_unsqueeze(ct_tensor t, int64_t dim);
/// Broadcast view to `shape` (-1 keeps a size), as torch.expand.
ct_tensor ct_expand(ct_tensor t, const int64_t *shape, int ndim);
/// Contiguous copy (or the same data if already contiguous).
ct_tensor ct_contiguous(ct_tensor t);

// MARK: - Element-wise arithmetic

/// Binary operations for `ct_binary`.
enum {
  CT_ADD = 0, CT_SUB, CT_MUL, CT_DIV, CT_POW, CT_MAXIMUM, CT_MINIMUM,
  CT_EQ, CT_NE, CT_LT, CT_LE, CT_GT, CT_GE,
};
/// a op b with broadcasting.
ct_tensor ct_binary(int op, ct_tensor a, ct_tensor b);
/// a op s (`reversed` == 0) or s op a (`reversed` != 0) for a scalar s.
ct_tensor ct_binary_scalar(int op, ct_tensor a, double s, int reversed);

/// Unary operations for `ct_unary`.
enum {
  CT_NEG = 0, CT_EXP, CT_LOG, CT_SQRT, CT_ABS, CT_SIGMOID, CT_TANH, CT_RELU, CT_SQUARE,
  CT_RECIPROCAL, CT_SIGN, CT_LOG1P, CT_RSQRT, CT_SIN, CT_COS, CT_FLOOR, CT_CEIL, CT_ROUND,
  CT_LOGICAL_NOT, CT_ISNAN,
};
/// Element-wise function of `t`.
ct_tensor ct_unary(int op, ct_tensor t);
/// Clamps to [lo, hi]; a bound is used only when its has_ flag is non-zero.
ct_tensor ct_clamp(ct_tensor t, double lo, int has_lo, double hi, int has_hi);
/// cond ? a : b element-wise (broadcasting).
ct_tensor ct_where(ct_tensor cond, ct_tensor a, ct_tensor b);

// MARK: - Reductions

/// Reductions for `ct_reduce`.
enum { CT_SUM = 0, CT_MEAN, CT_AMAX, CT_AMIN, CT_PROD };
/// Reduction over `dims` (all dims when ndims == 0).
ct_tensor ct_reduce(int op, ct_tensor t, const int64_t *dims, int ndims, int keepdim);
/// Variance (`is_std` == 0) or standard deviation over `dims` (all when ndims == 0);
/// `unbiased` != 0 divides by N - 1.
ct_tensor ct_var(ct_tensor t, const int64_t *dims, int ndims, int unbiased, int keepdim, int is_std);
/// Max (`is_min` == 0) or min along `dim`: values and int64 indices.
int ct_max_dim(ct_tensor t, int64_t dim, int keepdim, int is_min, ct_tensor *values,
               ct_tensor *indices);
/// Index of the max (`is_min` == 0) or min along `dim` (flattened when `flat` != 0).
ct_tensor ct_argmax(ct_tensor t, int64_t dim, int keepdim, int flat, int is_min);
/// Cumulative sum along `dim`.
ct_tensor ct_cumsum(ct_tensor t, int64_t dim);

// MARK: - Linear algebra

/// Matrix product with torch.matmul's broadcasting rules.
ct_tensor ct_matmul(ct_tensor a, ct_tensor b);
/// x [*, in] · wᵀ [out, in] + b [out] (b or NULL).
ct_tensor ct_linear(ct_tensor x, ct_tensor w, ct_tensor b);

// MARK: - Convolution, pooling, upsampling

/// 3-D convolution. x [N, Cin, D, H, W], w [Cout, Cin/groups, kD, kH, kW], b [Cout] or NULL;
/// stride, padding, dilation: 3 values each (D, H, W).
ct_tensor ct_conv3d(ct_tensor x, ct_tensor w, ct_tensor b, const int64_t *stride,
                    const int64_t *padding, const int64_t *dilation, int64_t groups);
/// Transposed 3-D convolution. w [Cin, Cout/groups, kD, kH, kW]; 3 values per array.
ct_tensor ct_conv_transpose3d(ct_tensor x, ct_tensor w, ct_tensor b, const int64_t *stride,
                              const int64_t *padding, const int64_t *output_padding,
                              int64_t groups, const int64_t *dilation);
/// 3-D average pooling of x [N, C, D, H, W]; 3 values per array.
ct_tensor ct_avg_pool3d(ct_tensor x, const int64_t *kernel, const int64_t *stride,
                        const int64_t *padding, int ceil_mode, int count_include_pad);
/// 3-D max pooling of x [N, C, D, H, W]; 3 values per array.
ct_tensor ct_max_pool3d(ct_tensor x, const int64_t *kernel, const int64_t *stride,
                        const int64_t *padding);
/// Upsampling of x [N, C, D, H, W] to `size` (3 values), as F.interpolate; `scales` (3 values or
/// NULL) are the user's scale factors, passed on as PyTorch does. `mode` 0: nearest,
/// 1: trilinear (with `align_corners`).
ct_tensor ct_upsample3d(ct_tensor x, int mode, const int64_t *size, const double *scales,
                        int align_corners);

// MARK: - Normalisation, activations, dropout

/// Batch normalisation over dim 1 (as F.batch_norm). weight, bias, running_mean, running_var
/// [C] or NULL. In training the running stats (if given) are updated in place:
/// r = (1 - momentum) r + momentum * stat (unbiased variance).
ct_tensor ct_batch_norm(ct_tensor x, ct_tensor weight, ct_tensor bias, ct_tensor running_mean,
                        ct_tensor running_var, int training, double momentum, double eps);
/// max(x, 0) + slope * min(x, 0).
ct_tensor ct_leaky_relu(ct_tensor x, double slope);
/// Softmax (`log` == 0) or log-softmax along `dim`.
ct_tensor ct_softmax(ct_tensor x, int64_t dim, int log);
/// Zeroes elements with probability p and scales the rest by 1/(1-p) when `training` != 0.
ct_tensor ct_dropout(ct_tensor x, double p, int training);

// MARK: - Losses (reduction: 0 none, 1 mean, 2 sum)

/// Binary cross-entropy on probabilities; weight or NULL.
ct_tensor ct_bce(ct_tensor p, ct_tensor target, ct_tensor weight, int reduction);
/// Binary cross-entropy on logits; weight, pos_weight or NULL.
ct_tensor ct_bce_with_logits(ct_tensor logits, ct_tensor target, ct_tensor weight,
                             ct_tensor pos_weight, int reduction);
/// Mean squared error.
ct_tensor ct_mse(ct_tensor p, ct_tensor target, int reduction);
/// Mean absolute error (L1).
ct_tensor ct_l1(ct_tensor p, ct_tensor target, int reduction);

// MARK: - Autograd

/// Marks a leaf as requiring gradients (in place).
int ct_set_requires_grad(ct_tensor t, int requires);
/// 1 if `t` requires gradients, else 0.
int ct_requires_grad(ct_tensor t);
/// 1 if `t` is a leaf of the autograd graph.
int ct_is_leaf(ct_tensor t);
/// Back-propagates from `t`; `grad` (same shape) or NULL for a one-element `t`.
int ct_backward(ct_tensor t, ct_tensor grad, int retain_graph);
/// Accumulated gradient in `*out` (NULL when none was computed). Returns 0 or -1.
int ct_grad(ct_tensor t, ct_tensor *out);
/// Zeroes the accumulated gradient in place (`set_to_none` != 0 drops it).
int ct_zero_grad(ct_tensor t, int set_to_none);
/// Same data, cut from the graph.
ct_tensor ct_detach(ct_tensor t);

// MARK: - Optimizer updates (in place, without recording gradients; as torch.optim 1.13)

/// One RMSprop update of `param` from its gradient. square_avg [same shape] is required;
/// momentum_buf when momentum > 0 and grad_avg when centered, else NULL.
int ct_rmsprop_update(ct_tensor param, ct_tensor square_avg, ct_tensor momentum_buf,
                      ct_tensor grad_avg, double lr, double alpha, double eps,
                      double weight_decay, double momentum, int centered);
/// One Adam update of `param` at step `step` (1 for the first). max_exp_avg_sq when amsgrad,
/// else NULL.
int ct_adam_update(ct_tensor param, ct_tensor exp_avg, ct_tensor exp_avg_sq,
                   ct_tensor max_exp_avg_sq, int64_t step, double lr, double beta1,
                   double beta2, double eps, double weight_decay, int amsgrad);

#ifdef __cplusplus
}
#endif
