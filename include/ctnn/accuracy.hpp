// Classification: one-hot targets, and how many rows a network gets right.
#ifndef CTNN_ACCURACY_HPP
#define CTNN_ACCURACY_HPP

#include <array>
#include <cstddef>
#include <ranges>
#include <stdexcept>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/train.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

// Class c of K as a target row: 1 at c, 0 elsewhere.
template <std::size_t K>
constexpr std::array<double, K> one_hot(std::size_t c) {
    if (c >= K) throw std::out_of_range("ctnn::one_hot: class index out of range");
    std::array<double, K> row{};
    row[c] = 1.0;
    return row;
}

// Class indices as one-hot rows.
template <std::size_t K, std::size_t N>
constexpr std::array<std::array<double, K>, N> one_hot_rows(const std::array<std::size_t, N>& classes) {
    std::array<std::array<double, K>, N> rows{};
    for (std::size_t r = 0; r < N; ++r) rows[r] = one_hot<K>(classes[r]);
    return rows;
}

// The class a row stands for: the index of its largest value (the first of
// equals, like np.argmax); for one value, 1 above 0.5, else 0.
template <class Row>
constexpr std::size_t class_of(const Row& row) {
    if constexpr (std::is_arithmetic_v<Row>) {
        return row > 0.5 ? 1 : 0;
    } else if constexpr (std::tuple_size_v<Row> == 1) {
        return row[0] > 0.5 ? 1 : 0;
    } else {
        std::size_t best = 0;
        for (std::size_t k = 1; k < row.size(); ++k) best = row[k] > row[best] ? k : best;
        return best;
    }
}

// How many rows of `inputs` the network classifies as their target says
// (targets: one-hot rows, or numbers 0/1 for one output). Rows [first,
// first + count) only, so that a long check can be split across several
// constant evaluations.
template <class Network, class Inputs, class Targets>
constexpr std::size_t correct_predictions(const Network& net, const Inputs& inputs, const Targets& targets,
                                          std::size_t first = 0, std::size_t count = std::size_t(-1)) {
    const std::size_t rows = bits::checked_row_count<Network>(inputs, targets);
    const std::size_t end = count > rows - (first < rows ? first : rows) ? rows : first + count;
    std::size_t correct = 0;
    for (std::size_t r = first; r < end; ++r)
        correct += class_of(net.forward(bits::as_row<Network::inputs>(bits::row(inputs, r)))) == class_of(bits::row(targets, r)) ? 1 : 0;
    return correct;
}

// The fraction of rows classified right.
template <class Network, class Inputs, class Targets>
constexpr double accuracy(const Network& net, const Inputs& inputs, const Targets& targets) {
    const std::size_t rows = bits::checked_row_count<Network>(inputs, targets);
    return rows == 0 ? 0.0 : static_cast<double>(correct_predictions(net, inputs, targets)) / static_cast<double>(rows);
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
