// Iris as a compile-time training task: a fixed stratified split (every
// fifth flower of each species held out: 120 to train on, 30 to test), the
// measurements standardised with the training rows' mean and standard
// deviation, computed in constant evaluation, and a 4-8-3 ReLU/softmax
// network trained with categorical cross-entropy (10 epochs of SGD at 0.05,
// He-scaled seed-0 weights). ReLU rather than tanh in the hidden layer: both
// get 29 of the 30 test flowers at runtime, but Clang evaluates ctnn's own
// correctly rounded tanh, and 10 epochs of it cost 10 s to compile there
// (GCC folds tanh, docs/compile-time.md).
#ifndef CTNN_EXAMPLES_IRIS_TASK_HPP
#define CTNN_EXAMPLES_IRIS_TASK_HPP

#include <array>
#include <cstddef>

#include <ctnn/ctnn.hpp>

#include "data/iris.hpp"

namespace ctnn_examples {

namespace iris_split {
inline constexpr std::size_t rows = iris::measurements.size();
inline constexpr std::size_t test_rows = 30;
inline constexpr std::size_t training_rows = rows - test_rows;

// Row i is held out when it is the fifth, tenth, ... flower of its species.
constexpr bool held_out(std::size_t i) {
    std::size_t position = 0;  // among the rows of the same species before it
    for (std::size_t r = 0; r < i; ++r) position += iris::species_index[r] == iris::species_index[i] ? 1 : 0;
    return position % 5 == 4;
}

template <bool HeldOut, std::size_t N>
constexpr std::array<std::size_t, N> row_numbers() {
    std::array<std::size_t, N> numbers{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < rows; ++i)
        if (held_out(i) == HeldOut) numbers[n++] = i;
    if (n != N) throw "the split does not hold the expected number of rows";
    return numbers;
}
inline constexpr auto training = row_numbers<false, training_rows>();
inline constexpr auto test = row_numbers<true, test_rows>();

// Mean and standard deviation (numpy's std: divided by n) of each
// measurement over the training rows, summed row after row.
struct standardisation {
    std::array<double, 4> mean{}, deviation{};
};
inline constexpr standardisation scale = [] {
    standardisation s;
    for (std::size_t f = 0; f < 4; ++f) {
        double sum = 0;
        for (std::size_t r : training) sum += iris::measurements[r][f];
        s.mean[f] = sum / static_cast<double>(training_rows);
        double squares = 0;
        for (std::size_t r : training) {
            const double d = iris::measurements[r][f] - s.mean[f];
            squares += d * d;
        }
        s.deviation[f] = ctnn::sqrt(squares / static_cast<double>(training_rows));
    }
    return s;
}();

template <std::size_t N>
constexpr std::array<std::array<double, 4>, N> standardised(const std::array<std::size_t, N>& numbers) {
    std::array<std::array<double, 4>, N> x{};
    for (std::size_t n = 0; n < N; ++n)
        for (std::size_t f = 0; f < 4; ++f) x[n][f] = (iris::measurements[numbers[n]][f] - scale.mean[f]) / scale.deviation[f];
    return x;
}
template <std::size_t N>
constexpr std::array<std::array<double, 3>, N> one_hot_species(const std::array<std::size_t, N>& numbers) {
    std::array<std::array<double, 3>, N> y{};
    for (std::size_t n = 0; n < N; ++n) y[n] = ctnn::one_hot<3>(iris::species_index[numbers[n]]);
    return y;
}
}  // namespace iris_split

struct iris_task {
    using network = ctnn::network<ctnn::topology<4, 8, 3>, ctnn::relu_t, ctnn::softmax_t>;
    using loss = ctnn::categorical_cross_entropy_t;
    static constexpr auto initial = ctnn::he_network<network>(0);
    static constexpr auto inputs = iris_split::standardised(iris_split::training);
    static constexpr auto targets = iris_split::one_hot_species(iris_split::training);
    static constexpr auto test_inputs = iris_split::standardised(iris_split::test);
    static constexpr auto test_targets = iris_split::one_hot_species(iris_split::test);
    static constexpr ctnn::sgd options{.learn_rate = 0.05, .epochs = 10};
};

}  // namespace ctnn_examples

#endif
