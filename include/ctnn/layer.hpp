// A fully connected layer: Out neurons, each with In weights and a bias.
#ifndef CTNN_LAYER_HPP
#define CTNN_LAYER_HPP

#include <array>
#include <cstddef>

#include <ctnn/activation.hpp>
#include <ctnn/math.hpp>

namespace ctnn {

template <std::size_t In, std::size_t Out, activation Activation = sigmoid_t>
struct dense {
    static_assert(In > 0 && Out > 0, "ctnn::dense: a layer needs at least one input and one neuron");

    static constexpr std::size_t inputs = In;
    static constexpr std::size_t outputs = Out;
    using activation_type = Activation;
    using input_type = std::array<double, In>;
    using output_type = std::array<double, Out>;

    std::array<std::array<double, In>, Out> weights{};  // weights[j]: neuron j's input weights
    std::array<double, Out> biases{};

    // Neuron j's total input: its weights dotted with x, left to right, then
    // plus its bias: the notebook's w1 * x[0] + w2 * x[1] + b1.
    constexpr output_type pre_activation(const input_type& x) const {
        output_type sums{};
        for (std::size_t j = 0; j < Out; ++j) sums[j] = dot(weights[j], x) + biases[j];
        return sums;
    }

    constexpr output_type forward(const input_type& x) const {
        output_type out = pre_activation(x);
        for (double& v : out) v = Activation{}(v);
        return out;
    }

    friend constexpr bool operator==(const dense&, const dense&) = default;
};

}  // namespace ctnn

#endif
