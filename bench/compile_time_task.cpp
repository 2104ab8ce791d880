// One translation unit, several ways, chosen with -DCTNN_TASK=...: the
// difference in compile time against CTNN_TASK=0 is the cost of the training.
//   0  no training
//   1  the notebook's task (ctnn::trained, 1000 epochs)
//   2  XOR on 2-4-3-1 (ctnn::trained, 500 epochs)
//   3  the notebook's task for CTNN_EPOCHS epochs (ctnn::trained)
//   4  a 2-CTNN_WIDTH-1 network on the notebook's data, 200 epochs (ctnn::trained)
//   5  the notebook's task for CTNN_EPOCHS epochs in ONE constant evaluation
//      (ctnn::train directly): how far the default limits reach unchunked
//   6  the notebook's task as a plain hand-written constexpr loop over
//      ctnn::exp, in four chunks of CTNN_EPOCHS / 4 epochs (default 1000
//      epochs: the baseline for task 1)
//   7  Iris, 4-8-3 ReLU/softmax, 10 epochs of 120 flowers (ctnn::trained),
//      and its held-out count (examples/iris.cpp)
//   8  task 6 with a sigmoid that calls no exp: the cost of the loop itself
//      (bench/compile_instructions.sh)
#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"
#ifndef CTNN_EPOCHS
#define CTNN_EPOCHS 1000
#endif
#if CTNN_TASK == 7
#include "iris_task.hpp"
#endif

#if CTNN_TASK == 1
constexpr auto trained = ctnn::trained<ctnn_examples::notebook_task>;
static_assert(trained.feedforward({-2, -1}) == 0.9752078786915166);
#elif CTNN_TASK == 2
constexpr auto trained = ctnn::trained<ctnn_examples::xor_task>;
static_assert(trained.feedforward({0, 1}) > 0.5);
#elif CTNN_TASK == 3
struct epochs_task : ctnn_examples::notebook_task {
    static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = CTNN_EPOCHS};
};
constexpr auto trained = ctnn::trained<epochs_task>;
static_assert(trained.feedforward({-2, -1}) > 0);
#elif CTNN_TASK == 4
struct width_task : ctnn_examples::notebook_task {
    using network = ctnn::network<ctnn::topology<2, CTNN_WIDTH, 1>>;
    static constexpr auto initial = ctnn::random_network<network>(0);
    static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 200};
};
constexpr auto trained = ctnn::trained<width_task>;
static_assert(trained.feedforward({-2, -1}) > 0);
#elif CTNN_TASK == 5
using task = ctnn_examples::notebook_task;
constexpr auto trained = ctnn::train(task::initial, task::inputs, task::targets,
                                     ctnn::sgd{.learn_rate = 0.5, .epochs = CTNN_EPOCHS});
static_assert(trained.feedforward({-2, -1}) > 0);
#elif CTNN_TASK == 6 || CTNN_TASK == 8
// The notebook's train() written out: nine named doubles, no arrays, no
// templates; the same operations in the same order as ctnn::train, so the
// same bits (checked below against ctnn's runtime result for Alice).
struct plain_network {
    double w1, w2, w3, w4, w5, w6, b1, b2, b3;
};
#if CTNN_TASK == 6
constexpr double sigmoid(double x) { return 1.0 / (1.0 + ctnn::exp(-x)); }
#else
constexpr double sigmoid(double x) { return 1.0 / (1.0 + (1.0 - x)); }  // no exp; the values stay finite
#endif
constexpr double feedforward(const plain_network& n, double x0, double x1) {
    const double h1 = sigmoid(n.w1 * x0 + n.w2 * x1 + n.b1);
    const double h2 = sigmoid(n.w3 * x0 + n.w4 * x1 + n.b2);
    return sigmoid(n.w5 * h1 + n.w6 * h2 + n.b3);
}
constexpr plain_network train_plain(plain_network n, int epochs) {
    using task = ctnn_examples::notebook_task;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        for (int s = 0; s < 4; ++s) {
            const double x0 = task::inputs[s][0], x1 = task::inputs[s][1];
            const double h1 = sigmoid(n.w1 * x0 + n.w2 * x1 + n.b1);
            const double h2 = sigmoid(n.w3 * x0 + n.w4 * x1 + n.b2);
            const double o1 = sigmoid(n.w5 * h1 + n.w6 * h2 + n.b3);
            const double d_h1 = h1 * (1 - h1), d_h2 = h2 * (1 - h2), d_o1 = o1 * (1 - o1);
            const double g = 0.5 * (-2 * (task::targets[s] - o1));  // learn_rate * d_L_d_ypred
            const double g_h1 = g * (n.w5 * d_o1), g_h2 = g * (n.w6 * d_o1);
            n.w1 -= g_h1 * (x0 * d_h1);
            n.w2 -= g_h1 * (x1 * d_h1);
            n.b1 -= g_h1 * d_h1;
            n.w3 -= g_h2 * (x0 * d_h2);
            n.w4 -= g_h2 * (x1 * d_h2);
            n.b2 -= g_h2 * d_h2;
            n.w5 -= g * (h1 * d_o1);
            n.w6 -= g * (h2 * d_o1);
            n.b3 -= g * d_o1;
        }
    }
    return n;
}
constexpr plain_network plain_initial = [] {
    const auto& h = ctnn_examples::notebook_task::initial.layer<0>();
    const auto& o = ctnn_examples::notebook_task::initial.layer<1>();
    return plain_network{h.weights[0][0], h.weights[0][1], h.weights[1][0], h.weights[1][1], o.weights[0][0],
                         o.weights[0][1], h.biases[0],     h.biases[1],     o.biases[0]};
}();
constexpr int chunk = CTNN_EPOCHS / 4;
constexpr plain_network chunk1 = train_plain(plain_initial, chunk);
constexpr plain_network chunk2 = train_plain(chunk1, chunk);
constexpr plain_network chunk3 = train_plain(chunk2, chunk);
constexpr plain_network trained = train_plain(chunk3, CTNN_EPOCHS - 3 * chunk);
#if CTNN_TASK == 6
static_assert(CTNN_EPOCHS != 1000 || feedforward(trained, -2, -1) == 0.9752078786915166, "numpy's Alice");
#else
static_assert(feedforward(trained, -2, -1) == feedforward(trained, -2, -1));  // evaluated all the same
#endif
#elif CTNN_TASK == 7
using task = ctnn_examples::iris_task;
constexpr auto trained = ctnn::trained<task>;
static_assert(ctnn::correct_predictions(trained, task::test_inputs, task::test_targets) >= 28);
#endif

int main() {}
