// Four rows at a time: exp, sigmoid and a dense layer on vectors of four
// doubles, for ctnn::predict on x86-64 CPUs with AVX2 and FMA.
//
// exp4 is exp_fma (math.hpp) lane by lane: the same operations in the same
// order, the same table and the same rounding test, so each lane gives
// exp_fma's bits; a lane the test cannot decide (or out of the fast range,
// or NaN) is recomputed by the scalar exp_fma. The network's sums stay
// unfused (the headers turn contraction off), so every lane is the scalar
// kernel's result.
//
// Written with GCC/Clang vector extensions and two intrinsics (fma, movemask)
// inside functions compiled for the AVX2+FMA target: see docs/math.md for why
// not a SIMD library.
#ifndef CTNN_BITS_SIMD_HPP
#define CTNN_BITS_SIMD_HPP

#if defined(__x86_64__)
#define CTNN_HAS_SIMD_KERNEL 1

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <immintrin.h>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits::simd {

using f64x4 = double __attribute__((vector_size(32)));
using i64x4 = std::int64_t __attribute__((vector_size(32)));

#define CTNN_SIMD_TARGET gnu::target("avx2,fma"), gnu::always_inline

[[CTNN_SIMD_TARGET]] inline f64x4 splat(double v) { return f64x4{v, v, v, v}; }

[[CTNN_SIMD_TARGET]] inline f64x4 fma(f64x4 a, f64x4 b, f64x4 c) {
    return reinterpret_cast<f64x4>(_mm256_fmadd_pd(reinterpret_cast<__m256d>(a), reinterpret_cast<__m256d>(b),
                                                   reinterpret_cast<__m256d>(c)));
}

// Lanes where mask is all ones, as bits 0..3.
[[CTNN_SIMD_TARGET]] inline int lanes(i64x4 mask) {
    return _mm256_movemask_pd(reinterpret_cast<__m256d>(mask));
}

// exp_fma on each lane (see exp_fma for every step and math.md for the bound).
[[CTNN_SIMD_TARGET]] inline f64x4 exp4(f64x4 x) {
    const f64x4 shifted = fma(x, splat(inv_ln2_1024), splat(round_shift));
    const f64x4 kd = shifted - splat(round_shift);
    // The bits of 1.5 2^52 + k are those of 1.5 2^52 plus k, as integers.
    const i64x4 k = reinterpret_cast<i64x4>(shifted) - std::bit_cast<std::int64_t>(round_shift);
    const i64x4 j = k & (exp_table_size - 1);
    const f64x4 scale = reinterpret_cast<f64x4>(((k - j) << (52 - exp_table_bits)) + (std::int64_t{1023} << 52));
    // Eight plain loads rather than two of AVX2's gathers: on the AMD EPYC
    // (Zen 3) the gathers made exp4 about a third slower (docs/math.md).
    const auto j0 = static_cast<std::size_t>(j[0]), j1 = static_cast<std::size_t>(j[1]),
               j2 = static_cast<std::size_t>(j[2]), j3 = static_cast<std::size_t>(j[3]);
    const f64x4 th = f64x4{exp2_table[j0].hi, exp2_table[j1].hi, exp2_table[j2].hi, exp2_table[j3].hi} * scale;
    const f64x4 lo_over_hi{exp2_lo_over_hi[j0], exp2_lo_over_hi[j1], exp2_lo_over_hi[j2], exp2_lo_over_hi[j3]};
    const f64x4 r = fma(-kd, splat(ln2_1024_head), x);
    const f64x4 r2 = r * r;
    const f64x4 p = fma(r2, fma(r, splat(0x1.1111111111111p-7), splat(0x1.5555555555555p-5)),
                        fma(r, splat(0x1.5555555555555p-3), splat(0.5)));
    const f64x4 one_plus_r = fma(-kd, splat(ln2_1024_head), x + splat(1.0));
    const f64x4 s = fma(lo_over_hi, one_plus_r, fma(-kd * splat(ln2_1024_tail), one_plus_r, r));
    const f64x4 t = fma(r2, p, s);
    const f64x4 y_fast = fma(th, t, th);
    const f64x4 y_error = fma(th, t, th - y_fast);
    const f64x4 error = splat(exp_fma_error) * th;
    // exp_fma's conditions: |x| in its range (false for NaN), and the test decided.
    const f64x4 magnitude = reinterpret_cast<f64x4>(reinterpret_cast<i64x4>(x) & 0x7fffffffffffffff);
    const i64x4 decided =
        (magnitude < splat(exp_fast_range)) & (y_fast + (y_error - error) == y_fast + (y_error + error));
    f64x4 y = y_fast;
    const int undecided = ~lanes(decided) & 0xf;
    if (undecided != 0) [[unlikely]] {
        for (int lane = 0; lane < 4; ++lane) {
            if ((undecided >> lane) & 1) y[lane] = exp_fma(x[lane]);
        }
    }
    return y;
}

// The activation on each lane, as the scalar kernel computes it.
template <class Activation>
[[CTNN_SIMD_TARGET]] inline f64x4 activate4(f64x4 z) {
    if constexpr (std::is_same_v<Activation, sigmoid_t>) {
        const f64x4 y = splat(1.0) / (splat(1.0) + exp4(-z));
        return (z != z) ? z : y;  // sigmoid(NaN) is that NaN, as in sigmoid_t
    } else if constexpr (std::is_same_v<Activation, relu_t>) {
        return (z > splat(0.0)) ? z : splat(0.0);
    } else {  // any other activation: lane by lane, the scalar code
        f64x4 y;
        for (int lane = 0; lane < 4; ++lane) {
            if constexpr (requires { Activation{}(z[lane], fma_math{}); }) {
                y[lane] = Activation{}(z[lane], fma_math{});
            } else {
                y[lane] = Activation{}(z[lane]);
            }
        }
        return y;
    }
}

// A dense layer on four rows: in[i] holds input i of each row.
template <class Layer>
[[CTNN_SIMD_TARGET]] inline std::array<f64x4, Layer::outputs> forward4(const Layer& layer,
                                                                       const std::array<f64x4, Layer::inputs>& in) {
    std::array<f64x4, Layer::outputs> out{};
    for (std::size_t j = 0; j < Layer::outputs; ++j) {
        const auto& w = layer.weights[j];
        f64x4 sum = splat(w[0]) * in[0];  // the dot product left to right, then the bias
        for (std::size_t i = 1; i < Layer::inputs; ++i) sum += splat(w[i]) * in[i];
        out[j] = activate4<typename Layer::activation_type>(sum + splat(layer.biases[j]));
    }
    return out;
}

// Layer I and the ones after it, on four rows.
template <std::size_t I, class Network, std::size_t Width>
[[CTNN_SIMD_TARGET]] inline auto forward4_from(const Network& net, const std::array<f64x4, Width>& in) {
    const auto out = forward4(net.template layer<I>(), in);
    if constexpr (I + 1 < Network::layer_count) {
        return forward4_from<I + 1>(net, out);
    } else {
        return out;
    }
}

#undef CTNN_SIMD_TARGET

}  // namespace ctnn::bits::simd
CTNN_END_SEPARATE_ROUNDING

#endif  // __x86_64__
#endif
