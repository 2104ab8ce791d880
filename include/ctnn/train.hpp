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
#include <cstddef>
#include <iterator>
#include <ranges>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <ctnn/bits/dispatch.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/network.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

struct sgd {
    double learn_rate = 0.5;
    std::size_t epochs = 1000;
};

namespace bits {

// A row of data: std::array<double, N>, or a plain number for one target.
template <class Row>
constexpr std::size_t row_width() {
    if constexpr (std::is_arithmetic_v<Row>) {
        return 1;
    } else {
        return std::tuple_size_v<Row>;
    }
}

// Instantiated with both sizes, so that a mismatch names them.
template <std::size_t GivenRowWidth, std::size_t NetworkInputs>
constexpr void check_input_rows() {
    static_assert(GivenRowWidth == NetworkInputs,
                  "ctnn: each input row must hold as many numbers as the network has inputs "
                  "(see check_input_rows<given, expected>)");
}
template <std::size_t GivenRowWidth, std::size_t NetworkOutputs>
constexpr void check_target_rows() {
    static_assert(GivenRowWidth == NetworkOutputs,
                  "ctnn: each target row must hold as many numbers as the network has outputs "
                  "(see check_target_rows<given, expected>)");
}

template <class Network, class Inputs, class Targets>
constexpr std::size_t checked_row_count(const Inputs& inputs, const Targets& targets) {
    static_assert(std::ranges::random_access_range<Inputs> && std::ranges::sized_range<Inputs> &&
                      std::ranges::random_access_range<Targets> && std::ranges::sized_range<Targets>,
                  "ctnn: inputs and targets must be sized random-access ranges (std::array, std::vector, std::span)");
    using input_row = std::ranges::range_value_t<Inputs>;
    static_assert(std::is_arithmetic_v<input_row> || std::is_same_v<input_row, std::array<double, row_width<input_row>()>>,
                  "ctnn: each input row must be a std::array<double, N>, or a number for a one-input network");
    check_input_rows<row_width<input_row>(), Network::inputs>();
    check_target_rows<row_width<std::ranges::range_value_t<Targets>>(), Network::outputs>();
    if (std::ranges::size(inputs) != std::ranges::size(targets))
        throw std::invalid_argument("ctnn: inputs and targets must have the same number of rows");
    return std::ranges::size(inputs);
}

template <std::size_t N, class T>
constexpr std::array<double, N> as_row(const T& target) {
    if constexpr (std::is_arithmetic_v<T>) {
        return {static_cast<double>(target)};
    } else {
        return target;
    }
}

template <class Range>
constexpr decltype(auto) row(const Range& range, std::size_t i) {
    return std::ranges::begin(range)[static_cast<std::ranges::range_difference_t<Range>>(i)];
}

// What backprop does with each step it computes: training subtracts it from
// the parameter; ctnn::gradient stores it in place of the parameter (with a
// learning rate of 1, in a copy of the network). A template argument rather
// than a function object: constant evaluators charge for every call, and
// this runs once per parameter per sample.
enum class step_use { subtract, store };

// Layer I's part of the backward pass (backward_from, below), unrolled as
// the forward pass is (bits::forward_pass, layer.hpp): one call per neuron j,
// each a fold over the inputs I... . For neuron j, with f'_j from its output:
// layer I-1's g_i gets g_j (w_ji f'_j), summed over j in order (j = 0 sets
// it), and w_ji and b_j take their steps g_j (x_i f'_j) and g_j f'_j. Each
// g_i reads w_ji before w_ji's own step.
template <class Layer, std::size_t InOffset, std::size_t OutOffset, bool Propagate, step_use Use,
          class Neurons = std::make_index_sequence<Layer::outputs>,
          class Inputs = std::make_index_sequence<Layer::inputs>>
struct backward_pass;
template <class Layer, std::size_t InOffset, std::size_t OutOffset, bool Propagate, step_use Use, std::size_t... J,
          std::size_t... I>
struct backward_pass<Layer, InOffset, OutOffset, Propagate, Use, std::index_sequence<J...>,
                     std::index_sequence<I...>> {
    template <std::size_t N>
    [[gnu::always_inline]] static constexpr void run(Layer& layer, const double (&a)[N], double (&g)[N]) {
        (neuron<J>(layer, a, g), ...);
    }

    // Each step is written where it is used, not named: Clang's evaluator
    // pays for each local it creates (docs/compile-time.md).
    template <std::size_t j, std::size_t N>
    [[gnu::always_inline]] static constexpr void neuron(Layer& layer, const double (&a)[N], double (&g)[N]) {
        const double d = Layer::activation_type::derivative_from_output(a[OutOffset + j]);  // f'_j
        const double g_j = g[OutOffset + j];
        if constexpr (Propagate && j == 0) {
            ((g[InOffset + I] = g_j * (layer.weights[j][I] * d)), ...);
        } else if constexpr (Propagate) {
            ((g[InOffset + I] += g_j * (layer.weights[j][I] * d)), ...);
        }
        if constexpr (Use == step_use::subtract) {
            ((layer.weights[j][I] -= g_j * (a[InOffset + I] * d)), ...);
            layer.biases[j] -= g_j * d;
        } else {
            ((layer.weights[j][I] = g_j * (a[InOffset + I] * d)), ...);
            layer.biases[j] = g_j * d;
        }
    }
};

// The last layer down to layer I of Network, where `layers` is the list
// whose first element is layer I: it recurses on `.rest` first, as
// forward_from does, then does layer I's work, so the layers above I come
// first. g holds, at each layer's offset, the learning rate times
// dL/d(output) for that layer's neurons; layer I's part is filled in by the
// layer above (or the loss), layer I-1's part is computed here from the
// weights before this step, and each step goes to its parameter. The two
// need only one network: each weight is read once, just before its own step
// is applied. The layer's sizes and offsets are template parameters for the
// reason given at forward_from.
template <class Network, std::size_t I, step_use Use, class Layers, std::size_t N,
          std::size_t In = Network::topology_type::sizes[I], std::size_t Out = Network::topology_type::sizes[I + 1],
          std::size_t InOffset = activation_offsets<Network>[I], std::size_t OutOffset = activation_offsets<Network>[I + 1]>
[[gnu::always_inline]] constexpr void backward_from(Layers& layers, const double (&a)[N], double (&g)[N]) {
    if constexpr (I + 1 < Network::layer_count) backward_from<Network, I + 1, Use>(layers.rest, a, g);
#if defined(__clang__)
    // Unrolled (backward_pass, above): Clang's constant evaluator pays for each
    // loop iteration, and more for a local copy of the layer than for writes
    // through `layers` (docs/compile-time.md).
    backward_pass<std::remove_cvref_t<decltype(layers.first)>, InOffset, OutOffset, (I > 0), Use>::run(layers.first, a,
                                                                                                      g);
#else
    // GCC's evaluator is the other way round: it pays far more for each write
    // into an object of another call than for two copies, so the steps go to
    // a copy of the layer, a local of this call, which then replaces the
    // layer (the notebook's epochs 7% cheaper, XOR's training 13%). And
    // loops: unrolled, GCC's evaluator would pay about 1% less, but GCC
    // compiles the unrolled form into a slower runtime kernel (SGD 4% slower
    // in interleaved runs of bench/runtime.cpp). docs/compile-time.md has the
    // figures. The same operations in the same order either way.
    auto layer = layers.first;
    using layer_type = decltype(layer);
    for (std::size_t j = 0; j < Out; ++j) {
        const double d = layer_type::activation_type::derivative_from_output(a[OutOffset + j]);  // f'_j
        const double g_j = g[OutOffset + j];
        for (std::size_t i = 0; i < In; ++i) {
            if constexpr (I > 0) {  // layer I-1's g_i = sum_j g_j (w_ji f'_j), summed over j in order
                if (j == 0) {
                    g[InOffset + i] = g_j * (layer.weights[j][i] * d);
                } else {
                    g[InOffset + i] += g_j * (layer.weights[j][i] * d);
                }
            }
            if constexpr (Use == step_use::subtract) {
                layer.weights[j][i] -= g_j * (a[InOffset + i] * d);  // after it was read above
            } else {
                layer.weights[j][i] = g_j * (a[InOffset + i] * d);
            }
        }
        if constexpr (Use == step_use::subtract) {
            layer.biases[j] -= g_j * d;
        } else {
            layer.biases[j] = g_j * d;
        }
    }
    layers.first = layer;
#endif
}

// softmax_t and categorical_cross_entropy_t come as a pair: their gradient
// p - y is right only together (loss.hpp). Instantiated with what was found.
template <bool SoftmaxOutput, bool CategoricalCrossEntropy>
constexpr void check_softmax_with_cross_entropy() {
    static_assert(SoftmaxOutput == CategoricalCrossEntropy,
                  "ctnn: train a softmax_t output layer with categorical_cross_entropy_t, and use that loss only "
                  "with softmax_t (see check_softmax_with_cross_entropy<softmax?, cross-entropy?>)");
}

// A loss whose per-sample value is the sum over the outputs (categorical
// cross-entropy), rather than their mean.
template <class Loss>
constexpr bool sums_over_outputs() {
    if constexpr (requires { Loss::sums_over_outputs; }) {
        return Loss::sums_over_outputs;
    } else {
        return false;
    }
}

template <class Loss>
constexpr bool needs_softmax() {
    if constexpr (requires { Loss::needs_softmax; }) {
        return Loss::needs_softmax;
    } else {
        return false;
    }
}

// Forward and backward for one sample; every parameter's step goes to it.
// (Always inlined, as forward_from: see network.hpp.)
// (Math, FirstOutput, Inputs and Outputs are template parameters for the
// reasons given at forward_from: a template parameter reads as a literal,
// Network::inputs as a named constant, which Clang's evaluator pays for.)
template <class Loss, step_use Use, class Math, class Network, class InputRow, class TargetRow,
          std::size_t FirstOutput = activation_offsets<Network>[Network::layer_count],
          std::size_t Inputs = Network::inputs, std::size_t Outputs = Network::outputs>
[[gnu::always_inline]] constexpr void backprop(Network& net, const InputRow& x, const TargetRow& y_true,
                                               double learn_rate) {
    // Checked once, where the template is instantiated, not on every call.
    static_assert((check_softmax_with_cross_entropy<layer_activation<typename Network::last_layer::activation_type>,
                                                    needs_softmax<Loss>()>(),
                   true));
    double a[FirstOutput + Outputs] = {};  // the input, then every layer's outputs
    double g[FirstOutput + Outputs] = {};  // learning rate times dL/d(each of those)
    // A row is a std::array, or a number for a row of one. Read here rather
    // than through a helper: Clang's evaluator pays about 20,000 instructions
    // for each call that binds a reference to a data row
    // (bench/compile_instructions.sh; docs/compile-time.md).
    if constexpr (std::is_arithmetic_v<InputRow>) {
        a[0] = static_cast<double>(x);
    } else {
        for (std::size_t i = 0; i < Inputs; ++i) a[i] = x[i];
    }
    forward_from<Network, 0, Math>(net.layers, a);
    if constexpr (std::is_arithmetic_v<TargetRow>) {
        g[FirstOutput] = learn_rate * Loss::gradient(static_cast<double>(y_true), a[FirstOutput], Outputs);
    } else {
        for (std::size_t o = 0; o < Outputs; ++o)
            g[FirstOutput + o] = learn_rate * Loss::gradient(y_true[o], a[FirstOutput + o], Outputs);
    }
    backward_from<Network, 0, Use>(net.layers, a, g);
}

}  // namespace bits

// One SGD update of `net` on one sample.
template <loss_function Loss = mse_t, class Network>
constexpr void sgd_step(Network& net, const typename Network::input_type& x,
                        const std::array<double, Network::outputs>& y_true, double learn_rate) {
    bits::backprop<Loss, bits::step_use::subtract, bits::portable_math>(net, x, y_true, learn_rate);
}
template <class Network, loss_function Loss>
constexpr void sgd_step(Network& net, const typename Network::input_type& x,
                        const std::array<double, Network::outputs>& y_true, double learn_rate, Loss) {
    sgd_step<Loss>(net, x, y_true, learn_rate);
}

// dL/dw and dL/db of one sample's loss for every parameter, as a network of
// the same shape: what sgd_step subtracts, before the learning rate.
template <loss_function Loss = mse_t, class Network>
constexpr Network gradient(const Network& net, const typename Network::input_type& x,
                           const std::array<double, Network::outputs>& y_true) {
    Network grad = net;  // every weight and bias is replaced by its step
    bits::backprop<Loss, bits::step_use::store, bits::portable_math>(grad, x, y_true, 1.0);
    return grad;
}
template <class Network, loss_function Loss>
constexpr Network gradient(const Network& net, const typename Network::input_type& x,
                           const std::array<double, Network::outputs>& y_true, Loss) {
    return gradient<Loss>(net, x, y_true);
}

// The loss of `net` over a data set, as the notebook computes it each tenth
// epoch (predictions for every row, then numpy's mean over all outputs).
template <loss_function Loss = mse_t, class Network, class Inputs, class Targets>
constexpr double loss_over(const Network& net, const Inputs& inputs, const Targets& targets) {
    constexpr std::size_t outs = Network::outputs;
    const std::size_t rows = bits::checked_row_count<Network>(inputs, targets);
    if constexpr (bits::sums_over_outputs<Loss>()) {  // numpy: -np.sum(y * log p, axis=1).mean()
        const auto sample_sum = [&](std::size_t r) {
            const auto prediction = net.forward(bits::as_row<Network::inputs>(bits::row(inputs, r)));
            const auto& target = bits::row(targets, r);
            return numpy_sum([&](std::size_t k) { return Loss::term(target[k], prediction[k]); }, 0, outs);
        };
        return -(numpy_sum(sample_sum, 0, rows) / static_cast<double>(rows));
    }
    const std::size_t count = rows * outs;
    std::size_t cached_row = static_cast<std::size_t>(-1);
    std::array<double, outs> prediction{};
    const auto term = [&](std::size_t k) {  // numpy_sum asks for rows in order
        const std::size_t r = k / outs;
        if (r != cached_row) {
            prediction = net.forward(bits::as_row<Network::inputs>(bits::row(inputs, r)));
            cached_row = r;
        }
        return Loss::term(bits::as_row<outs>(bits::row(targets, r))[k % outs], prediction[k % outs]);
    };
    return numpy_sum(term, 0, count) / static_cast<double>(count);
}
template <class Network, class Inputs, class Targets, loss_function Loss>
constexpr double loss_over(const Network& net, const Inputs& inputs, const Targets& targets, Loss) {
    return loss_over<Loss>(net, inputs, targets);
}

struct ignore_epoch {
    template <class Network>
    constexpr void operator()(std::size_t, const Network&) const {}
};

// Trains a copy of `net` and returns it. Inputs: rows of std::array<double,
// inputs>, or numbers for one input; targets: rows of std::array<double,
// outputs>, or numbers for one output (std::array, std::vector, std::span...).
// After each epoch, on_epoch(epoch, net) is called (epochs count from 0).
//
// At runtime the epochs run with the fastest exp the CPU has
// (bits/dispatch.hpp), chosen once: the same bits as at compile time.
template <loss_function Loss = mse_t, class Network, class Inputs, class Targets, class OnEpoch = ignore_epoch>
constexpr Network train(Network net, const Inputs& inputs, const Targets& targets, sgd options,
                        OnEpoch on_epoch = {}) {
    const std::size_t rows = bits::checked_row_count<Network>(inputs, targets);
    // Iterators taken once: a constant evaluator pays for each call of
    // std::ranges::begin, and this loop runs rows x epochs times.
    const auto input_rows = std::ranges::begin(inputs);
    const auto target_rows = std::ranges::begin(targets);
    using input_index = std::ranges::range_difference_t<Inputs>;
    using target_index = std::ranges::range_difference_t<Targets>;
    const auto run_epochs = [&](Network& trained, auto math) {
        // Locals of this call rather than captures, which a constant
        // evaluator reaches through the closure on every read.
        const std::size_t epochs = options.epochs, row_count = rows;
        const double learn_rate = options.learn_rate;
        for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
            for (std::size_t r = 0; r < row_count; ++r)
                bits::backprop<Loss, bits::step_use::subtract, decltype(math)>(
                    trained, input_rows[static_cast<input_index>(r)], target_rows[static_cast<target_index>(r)],
                    learn_rate);
            // Not even called when it would do nothing (two calls per epoch saved).
            if constexpr (!std::is_same_v<OnEpoch, ignore_epoch>) on_epoch(epoch, static_cast<const Network&>(trained));
        }
    };
    if (std::is_constant_evaluated()) {
        run_epochs(net, bits::portable_math{});
    } else {
        // A local of the kernel, whose address never leaves it: the compiler
        // may keep the parameters in registers from one sample to the next,
        // rather than store them where exp's calls could read them.
        // (Not returned: the return value would be the caller's memory.)
        bits::run_with_fastest_math([&](auto math) {
            Network trained = net;
            run_epochs(trained, math);
            net = trained;
        });
    }
    return net;
}
// The same, with the loss given as an object: train(net, inputs, targets,
// ctnn::binary_cross_entropy, options).
template <class Network, class Inputs, class Targets, loss_function Loss, class OnEpoch = ignore_epoch>
constexpr Network train(Network net, const Inputs& inputs, const Targets& targets, Loss, sgd options,
                        OnEpoch on_epoch = {}) {
    return train<Loss>(std::move(net), inputs, targets, options, std::move(on_epoch));
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
