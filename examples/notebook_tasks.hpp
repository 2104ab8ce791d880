// The two training tasks ctnn runs at compile time, as ctnn::trained expects
// them: a network type, its initial value, the data, and the SGD settings.
#ifndef CTNN_EXAMPLES_NOTEBOOK_TASKS_HPP
#define CTNN_EXAMPLES_NOTEBOOK_TASKS_HPP

#include <array>

#include <ctnn/ctnn.hpp>

namespace ctnn_examples {

// The notebook's training cell: 2-2-1, sigmoid, MSE, np.random.seed(0),
// 1000 epochs at learning rate 0.5, on Alice, Bob, Charlie and Diana
// (weight - 135 lb, height - 66 in; 1 = female).
struct notebook_task {
    using network = ctnn::network<ctnn::topology<2, 2, 1>>;
    static constexpr auto initial = ctnn::random_network<network>(0);
    static constexpr std::array<const char*, 4> names{"Alice", "Bob", "Charlie", "Diana"};
    static constexpr std::array<std::array<double, 2>, 4> inputs{{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}}};
    static constexpr std::array<double, 4> targets{1, 0, 0, 1};
    static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 1000};
};

// XOR with 2-4-3-1, ReLU, ReLU, sigmoid and binary cross-entropy, 500 epochs
// of per-sample SGD at learning rate 0.05. Initial weights: ctnn::he_network
// with seed 0 (numpy's normal draws in ctnn's order, times sqrt(2 / fan-in);
// biases 0). With plain standard-normal weights, seed 0 leaves ReLUs dead and
// gets 3 of 4 right; He-scaled seed 0 gets all four.
struct xor_task {
    using network = ctnn::network<ctnn::topology<2, 4, 3, 1>, ctnn::relu_t, ctnn::relu_t, ctnn::sigmoid_t>;
    using loss = ctnn::binary_cross_entropy_t;
    static constexpr auto initial = ctnn::he_network<network>(0);
    static constexpr std::array<std::array<double, 2>, 4> inputs{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
    static constexpr std::array<double, 4> targets{0, 1, 1, 0};
    static constexpr ctnn::sgd options{.learn_rate = 0.05, .epochs = 500};
};

}  // namespace ctnn_examples

#endif
