// The notebook's single neuron as a type: its weights and bias are template
// arguments, so the neuron's output is known to the compiler.
//
//   using notebook_neuron = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<4>>;
//   static_assert(notebook_neuron::feedforward({2, 3}) == 0.9990889488055994);
//
// Weights are integers (Clang 14 has no double template arguments); use
// ctnn::dense with constexpr values for any other weights.
#ifndef CTNN_NEURON_HPP
#define CTNN_NEURON_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/layer.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

template <std::intmax_t... W>
struct weights {
    static constexpr std::array<double, sizeof...(W)> values{static_cast<double>(W)...};
};

template <std::intmax_t B>
struct bias {
    static constexpr double value = static_cast<double>(B);
};

template <class Weights, class Bias, activation Activation = sigmoid_t>
struct neuron;

template <std::intmax_t... W, std::intmax_t B, activation Activation>
struct neuron<weights<W...>, bias<B>, Activation> {
    static constexpr std::size_t inputs = sizeof...(W);
    static_assert(inputs > 0, "ctnn::neuron needs at least one weight");

    // A one-neuron layer: the neuron computes exactly what a layer does.
    static constexpr dense<inputs, 1, Activation> as_layer{{{static_cast<double>(W)...}}, {bias<B>::value}};

    static constexpr double feedforward(const std::array<double, inputs>& x) { return as_layer.forward(x)[0]; }
};

// A layer of Count copies of Neuron, like the notebook's h1 and h2.
template <class Neuron, std::size_t Count>
constexpr auto layer_of() {
    using layer_type = dense<Neuron::inputs, Count, typename decltype(Neuron::as_layer)::activation_type>;
    layer_type layer{};
    for (std::size_t j = 0; j < Count; ++j) {
        for (std::size_t i = 0; i < Neuron::inputs; ++i) layer.weights[j][i] = Neuron::as_layer.weights[0][i];
        layer.biases[j] = Neuron::as_layer.biases[0];
    }
    return layer;
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
