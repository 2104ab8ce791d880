// What a constant evaluator pays for std::array: the notebook's 1000 epochs
// of SGD, written as generic loops over a layer type stored either as plain
// arrays or as std::array, otherwise the same code (docs/compile-time.md).
//   -DSTORAGE=0  plain arrays (what ctnn::dense uses)
//   -DSTORAGE=1  std::array
//   -DTRAIN=0    the same translation unit without the training (the baseline)
#include <array>
#include <cstddef>

#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

template <std::size_t In, std::size_t Out>
struct layer {
#if STORAGE == 0
    double w[Out][In];
    double b[Out];
#else
    std::array<std::array<double, In>, Out> w;
    std::array<double, Out> b;
#endif
};
struct network {
    layer<2, 2> h;
    layer<2, 1> o;
};

constexpr double sigmoid(double x) { return 1.0 / (1.0 + ctnn::exp(-x)); }

template <std::size_t In, std::size_t Out>
constexpr void forward(const layer<In, Out>& l, const double (&in)[In], double (&out)[Out]) {
    for (std::size_t j = 0; j < Out; ++j) {
        double s = l.w[j][0] * in[0];
        for (std::size_t i = 1; i < In; ++i) s += l.w[j][i] * in[i];
        out[j] = sigmoid(s + l.b[j]);
    }
}
template <std::size_t In, std::size_t Out, bool BelowToo>
constexpr void backward(layer<In, Out>& l, const double (&in)[In], const double (&out)[Out], const double (&g)[Out],
                        double (&g_in)[In]) {
    for (std::size_t j = 0; j < Out; ++j) {
        const double d = out[j] * (1.0 - out[j]);
        for (std::size_t i = 0; i < In; ++i) {
            if constexpr (BelowToo) {
                const double term = g[j] * (l.w[j][i] * d);
                g_in[i] = j == 0 ? term : g_in[i] + term;
            }
            l.w[j][i] -= g[j] * (in[i] * d);
        }
        l.b[j] -= g[j] * d;
    }
}

constexpr network train(network n, int epochs) {
    using task = ctnn_examples::notebook_task;
    for (int e = 0; e < epochs; ++e)
        for (std::size_t s = 0; s < 4; ++s) {
            const double x[2] = {task::inputs[s][0], task::inputs[s][1]};
            double h[2] = {}, o[1] = {};
            forward(n.h, x, h);
            forward(n.o, h, o);
            const double g[1] = {0.5 * (-2 * (task::targets[s] - o[0]))};
            double g_h[2] = {}, unused[2] = {};
            backward<2, 1, true>(n.o, h, o, g, g_h);
            backward<2, 2, false>(n.h, x, h, g_h, unused);
        }
    return n;
}

constexpr network initial = [] {
    const auto& h = ctnn_examples::notebook_task::initial.layer<0>();
    const auto& o = ctnn_examples::notebook_task::initial.layer<1>();
    network n{};
    for (std::size_t j = 0; j < 2; ++j) {
        for (std::size_t i = 0; i < 2; ++i) n.h.w[j][i] = h.weights[j][i];
        n.h.b[j] = h.biases[j];
        n.o.w[0][j] = o.weights[0][j];
    }
    n.o.b[0] = o.biases[0];
    return n;
}();

#if TRAIN
constexpr network after_250 = train(initial, 250);  // four evaluations, each within Clang's budget
constexpr network after_500 = train(after_250, 250);
constexpr network after_750 = train(after_500, 250);
constexpr network after_1000 = train(after_750, 250);
constexpr double alice(const network& n) {
    const double x[2] = {-2, -1};
    double h[2] = {}, o[1] = {};
    forward(n.h, x, h);
    forward(n.o, h, o);
    return o[0];
}
static_assert(alice(after_1000) == 0.9752078786915166);  // numpy's Alice, to the bit
#endif

int main() {}
