// Four rows at a time: exp, sigmoid and a dense layer on vectors of four
// doubles, for ctnn::predict on x86-64 CPUs with AVX2 and FMA.
//
// exp4 is bits::exp_fma_lanes (math.hpp) on four lanes: exp_fma's operations
// lane by lane, so each lane gives exp_fma's bits. The network's sums stay
// unfused (the headers turn contraction off), so every lane is the scalar
// kernel's result.
//
// Written with GCC/Clang vector extensions inside functions compiled for the
// AVX2+FMA target: see docs/math.md for why not a SIMD library.
#ifndef CTNN_BITS_SIMD_HPP
#define CTNN_BITS_SIMD_HPP

#if defined(__x86_64__)
#define CTNN_HAS_SIMD_KERNEL 1

#include <array>
#include <cstddef>
#include <type_traits>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits::simd {

using bits::f64x4;

#define CTNN_SIMD_TARGET gnu::target("avx2,fma"), gnu::always_inline

[[CTNN_SIMD_TARGET]] inline f64x4 exp4(f64x4 x) { return exp_fma_lanes(x); }
[[CTNN_SIMD_TARGET]] inline f64x4 splat(double v) { return bits::splat<f64x4>(v); }

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
