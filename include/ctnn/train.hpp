// Stochastic gradient descent: one update per sample, in data order, exactly
// as the notebook's train() does for its 2-2-1 network, for any topology.
//
// Backprop carries g_j = learn_rate * dL/d(output of neuron j). At the output
// layer g = learn_rate * dL/dy_pred; one layer down g_i = sum_j g_j * (w_ji * f'_j).
// Updates are w_ji -= g_j * (x_i * f'_j) and b_j -= g_j * f'_j, with f'_j taken
// from neuron j's output. For 2-2-1 with MSE this is the notebook's
//     w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
// operation for operation, so the results agree to the bit. All gradients of
// a step use the weights from before that step.
#ifndef CTNN_TRAIN_HPP
#define CTNN_TRAIN_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <iterator>
#include <ranges>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/scan_left.hpp>

#include <ctnn/loss.hpp>
#include <ctnn/network.hpp>

namespace ctnn {

struct sgd {
    double learn_rate = 0.5;
    std::size_t epochs = 1000;
};

// Inputs: a random-access range of std::array<double, N> rows.
template <class R, std::size_t N>
concept input_rows = std::ranges::random_access_range<R> && std::ranges::sized_range<R> &&
                     std::same_as<std::ranges::range_value_t<R>, std::array<double, N>>;

// Targets: rows of std::array<double, N>, or plain numbers when N is 1.
template <class R, std::size_t N>
concept target_rows = std::ranges::random_access_range<R> && std::ranges::sized_range<R> &&
                      (std::same_as<std::ranges::range_value_t<R>, std::array<double, N>> ||
                       (N == 1 && std::is_arithmetic_v<std::ranges::range_value_t<R>>));

namespace bits {

template <std::size_t N, class T>
constexpr std::array<double, N> as_row(const T& target) {
    if constexpr (std::is_arithmetic_v<T>) {
        return {static_cast<double>(target)};
    } else {
        return target;
    }
}

template <class Layer, std::size_t Out>
constexpr std::array<double, Out> derivatives_from_outputs(const std::array<double, Out>& out) {
    std::array<double, Out> d{};
    for (std::size_t j = 0; j < Out; ++j) d[j] = Layer::activation_type::derivative_from_output(out[j]);
    return d;
}

// Layer I and everything below it, given g for layer I's outputs.
template <std::size_t I, class Network, class Outputs, std::size_t N>
constexpr void backward(Network& net, const Outputs& outputs, const std::array<double, N>& g) {
    auto& layer = net.template layer<I>();
    using layer_type = std::remove_cvref_t<decltype(layer)>;
    const auto& in = outputs[hana::size_c<I>];
    const auto d = derivatives_from_outputs<layer_type>(outputs[hana::size_c<I + 1>]);

    std::array<double, layer_type::inputs> g_below{};
    if constexpr (I > 0) {  // from this layer's weights before they change
        for (std::size_t i = 0; i < layer_type::inputs; ++i) {
            g_below[i] = g[0] * (layer.weights[0][i] * d[0]);
            for (std::size_t j = 1; j < N; ++j) g_below[i] += g[j] * (layer.weights[j][i] * d[j]);
        }
    }
    for (std::size_t j = 0; j < N; ++j) {
        for (std::size_t i = 0; i < layer_type::inputs; ++i) layer.weights[j][i] -= g[j] * (in[i] * d[j]);
        layer.biases[j] -= g[j] * d[j];
    }
    if constexpr (I > 0) backward<I - 1>(net, outputs, g_below);
}

}  // namespace bits

// One SGD update of `net` on one sample.
template <class Loss = mse_t, class Network>
constexpr void sgd_step(Network& net, const typename Network::input_type& x,
                        const std::array<double, Network::outputs>& y_true, double learn_rate) {
    // The input, then each layer's output: what backprop needs.
    const auto outputs = hana::scan_left(net.layers, x, [](const auto& in, const auto& layer) {
        return layer.forward(in);
    });
    const auto& y_pred = outputs[hana::size_c<Network::layer_count>];
    std::array<double, Network::outputs> g{};
    for (std::size_t o = 0; o < Network::outputs; ++o)
        g[o] = learn_rate * Loss::gradient(y_true[o], y_pred[o], Network::outputs);
    bits::backward<Network::layer_count - 1>(net, outputs, g);
}

// The loss of `net` over a data set, as the notebook computes it each tenth
// epoch (predictions for every row, then numpy's mean over all outputs).
template <class Loss = mse_t, class Network, input_rows<Network::inputs> Inputs,
          target_rows<Network::outputs> Targets>
constexpr double loss_over(const Network& net, const Inputs& inputs, const Targets& targets) {
    constexpr std::size_t outs = Network::outputs;
    std::size_t cached_row = static_cast<std::size_t>(-1);
    std::array<double, outs> prediction{};
    const auto term = [&](std::size_t k) {  // numpy_sum asks for rows in order
        const std::size_t row = k / outs;
        if (row != cached_row) {
            prediction = net.forward(std::ranges::begin(inputs)[static_cast<std::ptrdiff_t>(row)]);
            cached_row = row;
        }
        const auto y = bits::as_row<outs>(std::ranges::begin(targets)[static_cast<std::ptrdiff_t>(row)]);
        return Loss::term(y[k % outs], prediction[k % outs]);
    };
    const std::size_t count = std::ranges::size(inputs) * outs;
    return numpy_sum(term, 0, count) / static_cast<double>(count);
}

struct ignore_epoch {
    template <class Network>
    constexpr void operator()(std::size_t, const Network&) const {}
};

// Trains a copy of `net` and returns it. After each epoch, on_epoch(epoch, net)
// is called (epochs count from 0), e.g. to print the loss every tenth epoch.
template <class Loss = mse_t, class Network, input_rows<Network::inputs> Inputs,
          target_rows<Network::outputs> Targets, class OnEpoch = ignore_epoch>
constexpr Network train(Network net, const Inputs& inputs, const Targets& targets, sgd options,
                        OnEpoch on_epoch = {}) {
    const std::size_t rows = std::ranges::size(inputs);
    for (std::size_t epoch = 0; epoch < options.epochs; ++epoch) {
        for (std::size_t r = 0; r < rows; ++r) {
            const auto i = static_cast<std::ptrdiff_t>(r);
            sgd_step<Loss>(net, std::ranges::begin(inputs)[i],
                           bits::as_row<Network::outputs>(std::ranges::begin(targets)[i]), options.learn_rate);
        }
        on_epoch(epoch, std::as_const(net));
    }
    return net;
}

}  // namespace ctnn

#endif
