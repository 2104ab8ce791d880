// Random initial weights, drawn as the notebook draws them.
//
// Order of the draws (each one np.random.normal()): first every weight, layer
// by layer, neuron by neuron, input by input; then every bias, layer by layer,
// neuron by neuron. For the 2-2-1 network that is the notebook's w1..w6
// (h1's two weights, h2's two, o1's two) followed by b1, b2, b3.
#ifndef CTNN_INIT_HPP
#define CTNN_INIT_HPP

#include <cstdint>

#include <boost/hana/for_each.hpp>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/network.hpp>
#include <ctnn/random.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

template <class Network>
constexpr Network random_network(numpy_random& rng) {
    Network net{};
    hana::for_each(net.layers, [&](auto& layer) {
        for (auto& neuron_weights : layer.weights)
            for (double& w : neuron_weights) w = rng.normal();
    });
    hana::for_each(net.layers, [&](auto& layer) {
        for (double& b : layer.biases) b = rng.normal();
    });
    return net;
}

// As after np.random.seed(seed).
template <class Network>
constexpr Network random_network(std::uint32_t seed) {
    numpy_random rng(seed);
    return random_network<Network>(rng);
}

// He initialisation, for ReLU networks: the same weight draws, each times
// sqrt(2 / inputs of its layer); biases 0 (none are drawn). Standard normal
// weights leave ReLU units dead too often for small tasks such as XOR.
template <class Network>
constexpr Network he_network(std::uint32_t seed) {
    numpy_random rng(seed);
    Network net{};
    hana::for_each(net.layers, [&](auto& layer) {
        const double scale = sqrt(2.0 / static_cast<double>(layer.inputs));
        for (auto& neuron_weights : layer.weights)
            for (double& w : neuron_weights) w = rng.normal() * scale;
    });
    return net;
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
