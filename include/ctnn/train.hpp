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

// Training keeps the input and every layer's outputs in one flat buffer:
// the input at offset 0, layer I's outputs from activation_offsets[I + 1].
template <class Network>
inline constexpr auto activation_offsets = [] {
    std::array<std::size_t, Network::layer_count + 2> offsets{};
    for (std::size_t l = 0; l <= Network::layer_count; ++l)
        offsets[l + 1] = offsets[l] + Network::topology_type::sizes[l];
    return offsets;
}();

template <std::size_t I, class Network>
constexpr void forward_from(const Network& net, double* a) {
    constexpr auto& offsets = activation_offsets<Network>;
    net.template layer<I>().forward(a + offsets[I], a + offsets[I + 1]);
    if constexpr (I + 1 < Network::layer_count) forward_from<I + 1>(net, a);
}

// Layer I and everything below it. g holds, at each layer's offset, the
// learning rate times dL/d(output) for that layer's neurons; layer I's part
// is filled in, layer I-1's part is computed here.
template <std::size_t I, class Network>
constexpr void backward_from(Network& net, const double* a, double* g) {
    constexpr auto& offsets = activation_offsets<Network>;
    auto& layer = net.template layer<I>();
    using layer_type = std::remove_cvref_t<decltype(layer)>;
    constexpr std::size_t in_count = layer_type::inputs;
    constexpr std::size_t out_count = layer_type::outputs;
    const double* in = a + offsets[I];
    const double* out = a + offsets[I + 1];
    const double* g_out = g + offsets[I + 1];

    double d[out_count] = {};  // f'_j, from neuron j's output
    for (std::size_t j = 0; j < out_count; ++j) d[j] = layer_type::activation_type::derivative_from_output(out[j]);

    if constexpr (I > 0) {  // from this layer's weights before they change
        double* g_in = g + offsets[I];
        for (std::size_t i = 0; i < in_count; ++i) {
            g_in[i] = g_out[0] * (layer.weights[0][i] * d[0]);
            for (std::size_t j = 1; j < out_count; ++j) g_in[i] += g_out[j] * (layer.weights[j][i] * d[j]);
        }
    }
    for (std::size_t j = 0; j < out_count; ++j) {
        double* w = layer.weights[j].data();
        for (std::size_t i = 0; i < in_count; ++i) w[i] -= g_out[j] * (in[i] * d[j]);
        layer.biases[j] -= g_out[j] * d[j];
    }
    if constexpr (I > 0) backward_from<I - 1>(net, a, g);
}

}  // namespace bits

// One SGD update of `net` on one sample.
template <class Loss = mse_t, class Network>
constexpr void sgd_step(Network& net, const typename Network::input_type& x,
                        const std::array<double, Network::outputs>& y_true, double learn_rate) {
    constexpr auto& offsets = bits::activation_offsets<Network>;
    constexpr std::size_t last = Network::layer_count;
    double a[offsets[last + 1]] = {};  // the input, then every layer's outputs
    double g[offsets[last + 1]] = {};  // learning rate times dL/d(each of those)
    for (std::size_t i = 0; i < Network::inputs; ++i) a[i] = x[i];
    bits::forward_from<0>(net, a);
    for (std::size_t o = 0; o < Network::outputs; ++o)
        g[offsets[last] + o] = learn_rate * Loss::gradient(y_true[o], a[offsets[last] + o], Network::outputs);
    bits::backward_from<last - 1>(net, a, g);
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
