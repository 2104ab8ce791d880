// The 8x8 digits as a classification task: every fifth image (0, 5, 10, ...)
// held out, 360 of them, the other 1437 to train on; pixels scaled to [0, 1];
// a 64-20-10 ReLU/softmax network trained with categorical cross-entropy.
#ifndef CTNN_EXAMPLES_DIGITS_TASK_HPP
#define CTNN_EXAMPLES_DIGITS_TASK_HPP

#include <array>
#include <cstddef>

#include <ctnn/ctnn.hpp>

#include "data/digits.hpp"

namespace ctnn_examples::digits_task {

inline constexpr std::size_t training_rows = 1437;
inline constexpr std::size_t test_rows = digits::rows.size() - training_rows;  // 360
inline constexpr std::size_t hidden = 20;
using network = ctnn::network<ctnn::topology<64, hidden, 10>, ctnn::relu_t, ctnn::softmax_t>;
using loss = ctnn::categorical_cross_entropy_t;
inline constexpr ctnn::sgd options{.learn_rate = 0.03, .epochs = 40};

// Image `row` as the network's input: each pixel / 16.
constexpr std::array<double, 64> input(std::size_t row) {
    std::array<double, 64> x{};
    for (std::size_t p = 0; p < 64; ++p) x[p] = digits::rows[row][p] / 16.0;
    return x;
}
constexpr std::array<double, 10> target(std::size_t row) { return ctnn::one_hot<10>(digits::rows[row][64]); }

// The data set's row number of training image n, and of test image n.
constexpr std::size_t training_row(std::size_t n) { return 5 * (n / 4) + n % 4 + 1; }
constexpr std::size_t test_row(std::size_t n) { return 5 * n; }

// Training or test images [first, first + N) as inputs and one-hot targets.
enum class part { training, test };
template <part Part, std::size_t N>
constexpr std::array<std::array<double, 64>, N> inputs(std::size_t first = 0) {
    std::array<std::array<double, 64>, N> x{};
    for (std::size_t n = 0; n < N; ++n) x[n] = input(Part == part::training ? training_row(first + n) : test_row(first + n));
    return x;
}
template <part Part, std::size_t N>
constexpr std::array<std::array<double, 10>, N> targets(std::size_t first = 0) {
    std::array<std::array<double, 10>, N> y{};
    for (std::size_t n = 0; n < N; ++n) y[n] = target(Part == part::training ? training_row(first + n) : test_row(first + n));
    return y;
}

}  // namespace ctnn_examples::digits_task

#endif
