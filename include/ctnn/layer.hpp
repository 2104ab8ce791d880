// A fully connected layer: Out neurons, each with In weights and a bias.
#ifndef CTNN_LAYER_HPP
#define CTNN_LAYER_HPP

#include <array>
#include <cstddef>
#include <utility>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {
// A layer's forward pass with its loops unrolled: a fold expression over the
// neurons J..., each a left fold over the inputs I... . Constant evaluators
// pay for every loop iteration (its test, its increment, its body's scope),
// Clang's most (docs/compile-time.md); the indices of a fold are literals.
// The dot product runs left to right, then the bias, as the notebook's
// w1 * x[0] + w2 * x[1] + b1: (... + e) is ((e_0 + e_1) + e_2) + ... .
template <class Layer, class Neurons = std::make_index_sequence<Layer::outputs>,
          class Inputs = std::make_index_sequence<Layer::inputs>>
struct forward_pass;
template <class Layer, std::size_t... J, std::size_t... I>
struct forward_pass<Layer, std::index_sequence<J...>, std::index_sequence<I...>> {
    using activation_type = typename Layer::activation_type;

    template <std::size_t in, std::size_t j, std::size_t N>
    [[gnu::always_inline]] static constexpr double dot(const Layer& layer, const double (&buffer)[N]) {
        return (... + (layer.weights[j][I] * buffer[in + I]));
    }

    // buffer[out + j] = activation(dot_j + b_j) for each neuron j, the sum
    // plus bias written where it is used: Clang's evaluator pays for each
    // local it creates. Four overloads rather than `if constexpr` branches,
    // whose conditions Clang's evaluator evaluates on every call
    // (docs/compile-time.md). ctnn's activations, with a static activate<Math>:
    template <std::size_t in, std::size_t out, class Math, std::size_t N>
        requires(!Layer::template activates_in_pairs<Math> &&
                 requires { activation_type::template activate<Math>(0.0); })
    [[gnu::always_inline]] static constexpr void run(const Layer& layer, double (&buffer)[N]) {
        ((buffer[out + J] = activation_type::template activate<Math>(dot<in, J>(layer, buffer) + layer.biases[J])),
         ...);
    }
    // Any other neuron_activation, called as an object:
    template <std::size_t in, std::size_t out, class Math, std::size_t N>
        requires(neuron_activation<activation_type> && !Layer::template activates_in_pairs<Math> &&
                 !requires { activation_type::template activate<Math>(0.0); })
    [[gnu::always_inline]] static constexpr void run(const Layer& layer, double (&buffer)[N]) {
        ((buffer[out + J] = activation_type{}(dot<in, J>(layer, buffer) + layer.biases[J])), ...);
    }
    // An activation of the whole layer (softmax_t): every sum, then apply().
    template <std::size_t in, std::size_t out, class Math, std::size_t N>
        requires layer_activation<activation_type>
    [[gnu::always_inline]] static constexpr void run(const Layer& layer, double (&buffer)[N]) {
        ((buffer[out + J] = dot<in, J>(layer, buffer) + layer.biases[J]), ...);
        if constexpr (requires { activation_type::apply(buffer, out, Layer::outputs, Math{}); }) {
            activation_type::apply(buffer, out, Layer::outputs, Math{});
        } else {  // one that takes no implementation of exp
            activation_type::apply(buffer, out, Layer::outputs);
        }
    }
    // At runtime, where Math has an exp for pairs (fma_math): every sum first,
    // then the activations two at a time, one call of exp for two neurons
    // (the same bits).
    template <std::size_t in, std::size_t out, class Math, std::size_t N>
        requires Layer::template activates_in_pairs<Math>
    [[gnu::always_inline]] static void run(const Layer& layer, double (&buffer)[N]) {
        ((buffer[out + J] = dot<in, J>(layer, buffer) + layer.biases[J]), ...);
        constexpr std::size_t outputs = Layer::outputs;
        std::size_t j = 0;
        for (; j + 2 <= outputs; j += 2) {
            const auto y =
                activation_type::on_lanes(typename Math::pair{buffer[out + j], buffer[out + j + 1]}, Math{});
            buffer[out + j] = y[0];
            buffer[out + j + 1] = y[1];
        }
        if (j < outputs) buffer[out + j] = activation_type{}(buffer[out + j], Math{});
    }
};
}  // namespace bits

template <std::size_t In, std::size_t Out, activation Activation = sigmoid_t>
struct dense {
    static_assert(In > 0 && Out > 0, "ctnn::dense: a layer needs at least one input and one neuron");

    static constexpr std::size_t inputs = In;
    static constexpr std::size_t outputs = Out;
    using activation_type = Activation;
    using input_type = std::array<double, In>;
    using output_type = std::array<double, Out>;

    // weights[j][i]: neuron j's weight for input i. Plain arrays rather than
    // std::array: a constant evaluator pays for each call of std::array's
    // operator[], and training reads every weight twice per sample (measured
    // in docs/compile-time.md: GCC trains the notebook 2.6x faster this way).
    double weights[Out][In] = {};
    double biases[Out] = {};

    // Two neurons per call of exp where Math has an exp for pairs (fma_math,
    // at runtime): bits::forward_pass's last overload.
    template <class Math>
    static constexpr bool activates_in_pairs =
        Out >= 2 && requires { Activation::on_lanes(typename Math::pair{}, Math{}); };

    // buffer[out + j] = activation(w_j0 * buffer[in] + ... + w_j,In-1 *
    // buffer[in + In-1] + b_j) for each neuron j (bits::forward_pass, above).
    // One buffer holds the layer's inputs and outputs because training keeps
    // every layer's values in one, indexed rather than pointed into (constant
    // evaluators pay more for pointer arithmetic). Math chooses the
    // implementation of exp (the same bits from each, math.hpp). The offsets
    // and Math are template arguments, not function arguments: training calls
    // this for every layer and sample, and a constant evaluator pays for each
    // argument it binds.
    template <std::size_t in, std::size_t out, class Math = bits::portable_math, std::size_t N>
    constexpr void forward(double (&buffer)[N]) const {
        bits::forward_pass<dense>::template run<in, out, Math>(*this, buffer);
    }

    template <class Math = bits::portable_math>
    constexpr output_type forward(const input_type& x, Math = {}) const {
        double buffer[In + Out] = {};
        for (std::size_t i = 0; i < In; ++i) buffer[i] = x[i];
        forward<0, In, Math>(buffer);
        output_type out{};
        for (std::size_t j = 0; j < Out; ++j) out[j] = buffer[In + j];
        return out;
    }

    friend constexpr bool operator==(const dense&, const dense&) = default;
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
