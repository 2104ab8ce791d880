// Digits, checked by the compiler, step 2 of 2: the network digits.cpp
// trained and exported, and a static_assert that it classifies at least 95%
// of the 360 held-out images right. The images are checked 60 at a time,
// each batch its own constant evaluation, so that every evaluation stays
// within the compilers' default limits (as ctnn::trained splits training).
#include <cstddef>
#include <cstdio>
#include <utility>

#include <ctnn/ctnn.hpp>

#include "digits_network.hpp"  // written into the build tree by digits.cpp
#include "digits_task.hpp"

namespace task = ctnn_examples::digits_task;

constexpr std::size_t batch = 60;
static_assert(task::test_rows % batch == 0);

template <std::size_t First>
inline constexpr std::size_t correct_in_batch =
    ctnn::correct_predictions(digits_network, task::inputs<task::part::test, batch>(First),
                              task::targets<task::part::test, batch>(First));

constexpr std::size_t correct = [] {
    return [&]<std::size_t... B>(std::index_sequence<B...>) {
        return (correct_in_batch<B * batch> + ...);
    }(std::make_index_sequence<task::test_rows / batch>{});
}();
static_assert(correct * 100 >= 95 * task::test_rows, "at least 95% of the 360 held-out digits classified right");

int main() {
    std::printf("held-out digits classified right, checked by the compiler: %zu of %zu\n", correct, task::test_rows);
}
