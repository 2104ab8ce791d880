// Iris, trained by the compiler: 120 flowers, 10 epochs of SGD on a 4-8-3
// ReLU/softmax network (examples/iris_task.hpp), and a static_assert that it
// classifies at least 28 of the 30 held-out flowers right. If training
// changed so that it did not, this file would not compile.
#include <cstddef>
#include <cstdio>

#include <ctnn/ctnn.hpp>

#include "iris_task.hpp"

using task = ctnn_examples::iris_task;

constexpr auto trained = ctnn::trained<task>;
constexpr std::size_t correct = ctnn::correct_predictions(trained, task::test_inputs, task::test_targets);
static_assert(correct >= 28, "the compile-time trained network classifies at least 28 of 30 held-out flowers right");

int main() {
    std::printf("4-8-3 ReLU/softmax, trained by the compiler (10 epochs, 120 flowers)\n");
    std::printf("held-out flowers classified right: %zu of %zu\n\n", correct, task::test_inputs.size());
    std::printf("%-10s  %-10s  %s\n", "species", "predicted", "p(setosa, versicolor, virginica)");
    for (std::size_t n = 0; n < task::test_inputs.size(); ++n) {
        const auto p = trained.feedforward(task::test_inputs[n]);
        std::printf("%-10s  %-10s  %.3f %.3f %.3f\n", ctnn_examples::iris::species[ctnn::class_of(task::test_targets[n])],
                    ctnn_examples::iris::species[ctnn::class_of(p)], p[0], p[1], p[2]);
    }
}
