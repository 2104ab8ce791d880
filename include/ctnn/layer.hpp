// A fully connected layer: Out neurons, each with In weights and a bias.
#ifndef CTNN_LAYER_HPP
#define CTNN_LAYER_HPP

#include <array>
#include <cstddef>

#include <ctnn/activation.hpp>
#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
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

    // out[j] = activation(w_j0 * in[0] + ... + w_j,In-1 * in[In-1] + b_j): the
    // dot product left to right, then the bias, as the notebook's
    // w1 * x[0] + w2 * x[1] + b1. Pointers rather than arrays because training
    // keeps every layer's outputs in one buffer, and because a constant
    // evaluator charges for each array operation. Math chooses the
    // implementation of exp (the same bits from each, math.hpp).
    template <class Math = bits::portable_math>
    constexpr void forward(const double* in, double* out, Math math = {}) const {
        for (std::size_t j = 0; j < Out; ++j) {
            const double* w = weights[j].data();
            double sum = w[0] * in[0];
            for (std::size_t i = 1; i < In; ++i) sum += w[i] * in[i];
            const double z = sum + biases[j];
            if constexpr (requires { Activation{}(z, math); }) {
                out[j] = Activation{}(z, math);
            } else {  // an activation that takes no implementation of exp
                out[j] = Activation{}(z);
            }
        }
    }

    template <class Math = bits::portable_math>
    constexpr output_type forward(const input_type& x, Math math = {}) const {
        output_type out{};
        forward(x.data(), out.data(), math);
        return out;
    }

    friend constexpr bool operator==(const dense&, const dense&) = default;
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
