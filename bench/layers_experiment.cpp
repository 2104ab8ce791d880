// Where a constant evaluator's time goes in generic training code: the
// notebook's SGD for EPOCHS epochs in one evaluation, the same operations
// (each variant reproduces numpy's Alice at 1000 epochs), in the same order
// but for independent updates, with the parameters held six ways
// (docs/compile-time.md):
//   -DLAYERS=0  ctnn::dense layers in a hana::tuple, reached with hana::at_c
//   -DLAYERS=1  ctnn::dense layers in a ctnn::layer_list, reached by recursion
//               that hands on .rest (what ctnn's training does)
//   -DLAYERS=2  one flat array of all nine parameters, generic loops
//   -DLAYERS=3  the same flat array, the loops unrolled by fold expressions
//               (straight-line code, indices computed from template parameters)
// Layout 4, nine named doubles written out by hand, is task 6 of
// compile_time_task.cpp (-DCTNN_TASK=6 -DCTNN_EPOCHS=...). Two more move that
// hand-written loop towards ctnn's code; like it, each is one function whose
// only calls are the sigmoid's and the reads of the task's data:
//   -DLAYERS=5  layout 4's statements, the parameters where ctnn keeps them
//               (the layers' weights[j][i] and biases[j], in a layer_list)
//   -DLAYERS=6  layout 5, its values (the input, the layers' outputs, the
//               learning rate times dL/d each) in two buffers, as ctnn's
//               backprop keeps them, the output layer's steps first as there
// The cost per epoch: instructions at -DEPOCHS=300 minus those at
// -DEPOCHS=100, over 200 (bench/compile_instructions.sh --per-epoch).
#if !defined(LAYERS) || !defined(EPOCHS)
#error "compile with -DLAYERS=... and -DEPOCHS=..."
#elif LAYERS == 4
#error "layout 4 is task 6 of bench/compile_time_task.cpp"
#elif !(LAYERS >= 0 && LAYERS <= 6)
#error "LAYERS must be 0, 1, 2, 3, 5 or 6"
#endif
#include <array>
#include <cstddef>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

namespace {
using task = ctnn_examples::notebook_task;
constexpr double sigmoid(double x) { return 1.0 / (1.0 + ctnn::exp(-x)); }

// The input, the hidden outputs and the output in one buffer, as ctnn's.
constexpr std::size_t sizes[] = {2, 2, 1};
constexpr std::size_t offsets[] = {0, 2, 4};
using buffer = double[5];

#if LAYERS <= 1 || LAYERS >= 5
// One layer's forward and backward, the same for the two storages.
template <std::size_t I, class Layer, std::size_t In = sizes[I], std::size_t Out = sizes[I + 1],
          std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1]>
constexpr void forward_layer(const Layer& layer, buffer& a) {
    for (std::size_t j = 0; j < Out; ++j) {
        double sum = layer.weights[j][0] * a[InOffset];
        for (std::size_t i = 1; i < In; ++i) sum += layer.weights[j][i] * a[InOffset + i];
        a[OutOffset + j] = sigmoid(sum + layer.biases[j]);
    }
}
template <std::size_t I, class Layer, std::size_t In = sizes[I], std::size_t Out = sizes[I + 1],
          std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1]>
constexpr void backward_layer(Layer& layer, const buffer& a, buffer& g) {
    for (std::size_t j = 0; j < Out; ++j) {
        const double d = a[OutOffset + j] * (1.0 - a[OutOffset + j]);
        const double g_j = g[OutOffset + j];
        for (std::size_t i = 0; i < In; ++i) {
            if constexpr (I > 0) {
                const double term = g_j * (layer.weights[j][i] * d);
                g[InOffset + i] = j == 0 ? term : g[InOffset + i] + term;
            }
            layer.weights[j][i] -= g_j * (a[InOffset + i] * d);
        }
        layer.biases[j] -= g_j * d;
    }
}
#endif

#if LAYERS == 0
using parameters = boost::hana::tuple<ctnn::dense<2, 2>, ctnn::dense<2, 1>>;
constexpr parameters initial{task::initial.layer<0>(), task::initial.layer<1>()};
template <std::size_t I>
constexpr void forward(const parameters& p, buffer& a) {
    forward_layer<I>(boost::hana::at_c<I>(p), a);
    if constexpr (I == 0) forward<1>(p, a);
}
template <std::size_t I>
constexpr void backward(parameters& p, const buffer& a, buffer& g) {
    backward_layer<I>(boost::hana::at_c<I>(p), a, g);
    if constexpr (I == 1) backward<0>(p, a, g);
}
#elif LAYERS == 1 || LAYERS >= 5
using parameters = ctnn::layer_list<ctnn::dense<2, 2>, ctnn::dense<2, 1>>;
constexpr parameters initial{task::initial.layer<0>(), task::initial.layer<1>()};
template <std::size_t I, class List>
constexpr void forward(const List& list, buffer& a) {
    forward_layer<I>(list.first, a);
    if constexpr (I == 0) forward<1>(list.rest, a);
}
template <std::size_t I, class List>
constexpr void backward(List& list, const buffer& a, buffer& g) {
    if constexpr (I == 0) backward<1>(list.rest, a, g);
    backward_layer<I>(list.first, a, g);
}
#elif LAYERS == 2 || LAYERS == 3
// weights of layer I from weight_offsets[I], neuron-major; its biases from bias_offsets[I].
struct parameters {
    double p[9];
};
constexpr std::size_t weight_offsets[] = {0, 6};
constexpr std::size_t bias_offsets[] = {4, 8};
constexpr parameters initial = [] {
    const auto& h = task::initial.layer<0>();
    const auto& o = task::initial.layer<1>();
    return parameters{{h.weights[0][0], h.weights[0][1], h.weights[1][0], h.weights[1][1], h.biases[0],
                       h.biases[1], o.weights[0][0], o.weights[0][1], o.biases[0]}};
}();
#if LAYERS == 2
template <std::size_t I, std::size_t In = sizes[I], std::size_t Out = sizes[I + 1], std::size_t W = weight_offsets[I],
          std::size_t B = bias_offsets[I], std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1]>
constexpr void forward(const parameters& n, buffer& a) {
    for (std::size_t j = 0; j < Out; ++j) {
        double sum = n.p[W + j * In] * a[InOffset];
        for (std::size_t i = 1; i < In; ++i) sum += n.p[W + j * In + i] * a[InOffset + i];
        a[OutOffset + j] = sigmoid(sum + n.p[B + j]);
    }
    if constexpr (I == 0) forward<1>(n, a);
}
template <std::size_t I, std::size_t In = sizes[I], std::size_t Out = sizes[I + 1], std::size_t W = weight_offsets[I],
          std::size_t B = bias_offsets[I], std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1]>
constexpr void backward(parameters& n, const buffer& a, buffer& g) {
    for (std::size_t j = 0; j < Out; ++j) {
        const double d = a[OutOffset + j] * (1.0 - a[OutOffset + j]);
        const double g_j = g[OutOffset + j];
        for (std::size_t i = 0; i < In; ++i) {
            if constexpr (I > 0) {
                const double term = g_j * (n.p[W + j * In + i] * d);
                g[InOffset + i] = j == 0 ? term : g[InOffset + i] + term;
            }
            n.p[W + j * In + i] -= g_j * (a[InOffset + i] * d);
        }
        n.p[B + j] -= g_j * d;
    }
    if constexpr (I == 1) backward<0>(n, a, g);
}
#else
// K runs over the layer's weights (neuron K / In, input K % In), J over its neurons.
template <std::size_t I, std::size_t In = sizes[I], std::size_t W = weight_offsets[I], std::size_t B = bias_offsets[I],
          std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1], std::size_t... K, std::size_t... J>
constexpr void forward_unrolled(const parameters& n, buffer& a, std::index_sequence<K...>, std::index_sequence<J...>) {
    ((a[OutOffset + K / In] = K % In == 0 ? n.p[W + K] * a[InOffset + K % In]
                                          : a[OutOffset + K / In] + n.p[W + K] * a[InOffset + K % In]),
     ...);
    ((a[OutOffset + J] = sigmoid(a[OutOffset + J] + n.p[B + J])), ...);
}
template <std::size_t I>
constexpr void forward(const parameters& n, buffer& a) {
    forward_unrolled<I>(n, a, std::make_index_sequence<sizes[I] * sizes[I + 1]>{}, std::make_index_sequence<sizes[I + 1]>{});
    if constexpr (I == 0) forward<1>(n, a);
}
template <std::size_t I, std::size_t In = sizes[I], std::size_t Out = sizes[I + 1], std::size_t W = weight_offsets[I],
          std::size_t B = bias_offsets[I], std::size_t InOffset = offsets[I], std::size_t OutOffset = offsets[I + 1],
          std::size_t... K, std::size_t... J>
constexpr void backward_unrolled(parameters& n, const buffer& a, buffer& g, std::index_sequence<K...>,
                                 std::index_sequence<J...>) {
    const double d[Out] = {a[OutOffset + J] * (1.0 - a[OutOffset + J])...};
    if constexpr (I > 0)
        ((g[InOffset + K % In] = K / In == 0 ? g[OutOffset + K / In] * (n.p[W + K] * d[K / In])
                                             : g[InOffset + K % In] + g[OutOffset + K / In] * (n.p[W + K] * d[K / In])),
         ...);
    ((n.p[W + K] -= g[OutOffset + K / In] * (a[InOffset + K % In] * d[K / In])), ...);
    ((n.p[B + J] -= g[OutOffset + J] * d[J]), ...);
}
template <std::size_t I>
constexpr void backward(parameters& n, const buffer& a, buffer& g) {
    backward_unrolled<I>(n, a, g, std::make_index_sequence<sizes[I] * sizes[I + 1]>{},
                         std::make_index_sequence<sizes[I + 1]>{});
    if constexpr (I == 1) backward<0>(n, a, g);
}
#endif
#endif

constexpr parameters train(parameters n, int epochs) {
#if LAYERS >= 5
    auto& h = n.first;       // the hidden layer
    auto& o = n.rest.first;  // the output layer
#endif
    for (int epoch = 0; epoch < epochs; ++epoch) {
        for (std::size_t s = 0; s < 4; ++s) {
#if LAYERS == 5
            const double x0 = task::inputs[s][0], x1 = task::inputs[s][1];
            const double h1 = sigmoid(h.weights[0][0] * x0 + h.weights[0][1] * x1 + h.biases[0]);
            const double h2 = sigmoid(h.weights[1][0] * x0 + h.weights[1][1] * x1 + h.biases[1]);
            const double o1 = sigmoid(o.weights[0][0] * h1 + o.weights[0][1] * h2 + o.biases[0]);
            const double d_h1 = h1 * (1 - h1), d_h2 = h2 * (1 - h2), d_o1 = o1 * (1 - o1);
            const double g = 0.5 * (-2 * (task::targets[s] - o1));  // learn_rate * d_L_d_ypred
            const double g_h1 = g * (o.weights[0][0] * d_o1), g_h2 = g * (o.weights[0][1] * d_o1);
            h.weights[0][0] -= g_h1 * (x0 * d_h1);
            h.weights[0][1] -= g_h1 * (x1 * d_h1);
            h.biases[0] -= g_h1 * d_h1;
            h.weights[1][0] -= g_h2 * (x0 * d_h2);
            h.weights[1][1] -= g_h2 * (x1 * d_h2);
            h.biases[1] -= g_h2 * d_h2;
            o.weights[0][0] -= g * (h1 * d_o1);
            o.weights[0][1] -= g * (h2 * d_o1);
            o.biases[0] -= g * d_o1;
#elif LAYERS == 6
            buffer a = {task::inputs[s][0], task::inputs[s][1]}, g = {};
            a[2] = sigmoid(h.weights[0][0] * a[0] + h.weights[0][1] * a[1] + h.biases[0]);
            a[3] = sigmoid(h.weights[1][0] * a[0] + h.weights[1][1] * a[1] + h.biases[1]);
            a[4] = sigmoid(o.weights[0][0] * a[2] + o.weights[0][1] * a[3] + o.biases[0]);
            g[4] = 0.5 * (-2 * (task::targets[s] - a[4]));  // learn_rate * d_L_d_ypred
            const double d_o1 = a[4] * (1 - a[4]);
            g[2] = g[4] * (o.weights[0][0] * d_o1);
            g[3] = g[4] * (o.weights[0][1] * d_o1);
            o.weights[0][0] -= g[4] * (a[2] * d_o1);
            o.weights[0][1] -= g[4] * (a[3] * d_o1);
            o.biases[0] -= g[4] * d_o1;
            const double d_h1 = a[2] * (1 - a[2]);
            h.weights[0][0] -= g[2] * (a[0] * d_h1);
            h.weights[0][1] -= g[2] * (a[1] * d_h1);
            h.biases[0] -= g[2] * d_h1;
            const double d_h2 = a[3] * (1 - a[3]);
            h.weights[1][0] -= g[3] * (a[0] * d_h2);
            h.weights[1][1] -= g[3] * (a[1] * d_h2);
            h.biases[1] -= g[3] * d_h2;
#else
            buffer a = {task::inputs[s][0], task::inputs[s][1]}, g = {};
            forward<0>(n, a);
            g[4] = 0.5 * (-2 * (task::targets[s] - a[4]));  // learn_rate * d_L_d_ypred
            backward<LAYERS == 1 ? 0 : 1>(n, a, g);
#endif
        }
    }
    return n;
}
constexpr double alice(const parameters& n) {
    buffer a = {-2, -1};
    forward<0>(n, a);
    return a[4];
}

constexpr parameters trained = train(initial, EPOCHS);
static_assert(EPOCHS != 1000 || alice(trained) == 0.9752078786915166, "numpy's Alice after 1000 epochs");
}  // namespace

int main() { return alice(trained) > 0 ? 0 : 1; }
