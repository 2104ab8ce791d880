// Activation functions: a value and the derivative expressed through that
// value, so that backprop needs one exp per neuron (sigmoid' = f (1 - f)).
#ifndef CTNN_ACTIVATION_HPP
#define CTNN_ACTIVATION_HPP

#include <concepts>

#include <cstddef>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/loss.hpp>  // numpy_sum
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

// 1 / (1 + e^-x), the notebook's formula to the bit. Defined for every input:
// +-1000 and +-inf give 1 and 0 (e^1000 is +inf, never a failed evaluation).
struct sigmoid_t {
    static constexpr const char* name = "sigmoid";
    static constexpr const char* type_name = "ctnn::sigmoid_t";
    // With a chosen implementation of exp (math.hpp): the same bits. Static,
    // and what a layer calls: a constant evaluator pays for an object and a
    // call of its member (docs/compile-time.md). (Defined before its uses
    // below, which Clang needs in constant evaluation.)
    template <class Math = bits::portable_math>
    static constexpr double activate(double x) {
        if (x != x) return x;
        return 1.0 / (1.0 + Math::exp(-x));
    }
    template <class Math>
    constexpr double operator()(double x, Math) const { return activate<Math>(x); }
    constexpr double operator()(double x) const { return activate(x); }
    // Several neurons at once, one per lane of a vector of doubles, where Math
    // has an exp for such vectors (fma_math's pairs, at runtime): each lane
    // is the function above.
    template <class Math, class Lanes>
    [[gnu::always_inline]] static Lanes on_lanes(Lanes x, Math) {
        const Lanes y = 1.0 / (1.0 + Math::exp(-x));
        return x != x ? x : y;
    }
    static constexpr double derivative_from_output(double f) { return f * (1.0 - f); }
};

// tanh, correctly rounded (bits::tanh in math.hpp).
struct tanh_t {
    static constexpr const char* name = "tanh";
    static constexpr const char* type_name = "ctnn::tanh_t";
    template <class Math = bits::portable_math>  // as sigmoid_t's: here Math plays no part
    static constexpr double activate(double x) { return bits::tanh(x); }
    constexpr double operator()(double x) const { return activate(x); }
    static constexpr double derivative_from_output(double f) { return 1.0 - f * f; }
};

// max(0, x); its derivative at 0 is taken as 0.
struct relu_t {
    static constexpr const char* name = "relu";
    static constexpr const char* type_name = "ctnn::relu_t";
    template <class Math = bits::portable_math>  // as sigmoid_t's: here Math plays no part
    static constexpr double activate(double x) { return x > 0 ? x : 0.0; }
    constexpr double operator()(double x) const { return activate(x); }
    static constexpr double derivative_from_output(double f) { return f > 0 ? 1.0 : 0.0; }
};

// Softmax over a whole layer, numpy's
//     e = np.exp(z - z.max()); p = e / e.sum()
// operation for operation: the layer's outputs become probabilities. It acts
// on the layer, not on one neuron, so a layer calls apply() once with all its
// sums (layer.hpp). Only the last layer may use it (a network with softmax_t
// elsewhere does not compile), and trains only with
// categorical_cross_entropy_t (train, sgd_step and gradient refuse any other
// loss; loss_over may still score it with one): together their gradient
// with respect to the sums is p - y (loss.hpp), so the derivative backprop
// multiplies by is 1.
struct softmax_t {
    static constexpr const char* name = "softmax";
    static constexpr const char* type_name = "ctnn::softmax_t";
    template <class Math = bits::portable_math, std::size_t N>
    static constexpr void apply(double (&buffer)[N], std::size_t first, std::size_t count, Math = {}) {
        double largest = buffer[first];  // z.max()
        for (std::size_t k = 1; k < count; ++k) largest = buffer[first + k] > largest ? buffer[first + k] : largest;
        for (std::size_t k = 0; k < count; ++k) buffer[first + k] = Math::exp(buffer[first + k] - largest);
        const double sum = numpy_sum([&](std::size_t k) { return buffer[first + k]; }, 0, count);  // e.sum()
        for (std::size_t k = 0; k < count; ++k) buffer[first + k] = buffer[first + k] / sum;
    }
    static constexpr double derivative_from_output(double) { return 1.0; }
};

inline constexpr sigmoid_t sigmoid{};
inline constexpr tanh_t tanh{};
inline constexpr relu_t relu{};

// An activation of one neuron at a time (sigmoid_t, tanh_t, relu_t)...
template <class A>
concept neuron_activation = requires(const A a, double x) {
    { a(x) } -> std::same_as<double>;
    { A::derivative_from_output(x) } -> std::same_as<double>;
};

// ...or of a whole layer at once (softmax_t): apply(buffer, first, count)
// turns the layer's sums buffer[first, first + count) into its outputs.
template <class A>
concept layer_activation = requires(double (&buffer)[4], double x) {
    A::apply(buffer, std::size_t{0}, std::size_t{4});
    { A::derivative_from_output(x) } -> std::same_as<double>;
};

template <class A>
concept activation = neuron_activation<A> || layer_activation<A>;

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
