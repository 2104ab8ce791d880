// Training done by the compiler: the notebook's 2-2-1 network and XOR on
// 2-4-3-1, both at the compilers' default constexpr limits. Every number this
// program prints was computed while it was being compiled.
#include <cstdio>

#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

using ctnn_examples::notebook_task;
using ctnn_examples::xor_task;

constexpr auto notebook_trained = ctnn::trained<notebook_task>;
constexpr auto xor_trained = ctnn::trained<xor_task>;

// The notebook's predictions after training (numpy's, tests/data/numpy_seed0.txt), checked to the bit.
static_assert(notebook_trained.feedforward({-2, -1}) == 0.9752078786915166);
static_assert(notebook_trained.feedforward({25, 6}) == 0.01667863301810864);
static_assert(notebook_trained.feedforward({17, 4}) == 0.016678633018115924);
static_assert(notebook_trained.feedforward({-15, -6}) == 0.9777002862059458);

static_assert(xor_trained.feedforward({0, 0}) < 0.5 && xor_trained.feedforward({0, 1}) > 0.5 &&
              xor_trained.feedforward({1, 0}) > 0.5 && xor_trained.feedforward({1, 1}) < 0.5);

int main() {
    constexpr std::array<double, 4> notebook_predictions{
        notebook_trained.feedforward(notebook_task::inputs[0]), notebook_trained.feedforward(notebook_task::inputs[1]),
        notebook_trained.feedforward(notebook_task::inputs[2]), notebook_trained.feedforward(notebook_task::inputs[3])};
    constexpr std::array<const char*, 4> people{"Alice", "Bob", "Charlie", "Diana"};
    std::printf("The notebook's network, trained by the compiler (seed 0, 1000 epochs, learning rate 0.5):\n");
    for (std::size_t i = 0; i < people.size(); ++i) std::printf("  %s: %.17g\n", people[i], notebook_predictions[i]);

    constexpr std::array<double, 4> xor_predictions{
        xor_trained.feedforward(xor_task::inputs[0]), xor_trained.feedforward(xor_task::inputs[1]),
        xor_trained.feedforward(xor_task::inputs[2]), xor_trained.feedforward(xor_task::inputs[3])};
    std::printf("XOR on 2-4-3-1 (ReLU, ReLU, sigmoid; binary cross-entropy; He init, seed 0; 500 epochs, rate 0.05):\n");
    for (std::size_t i = 0; i < xor_predictions.size(); ++i)
        std::printf("  %g XOR %g -> %.6f\n", xor_task::inputs[i][0], xor_task::inputs[i][1], xor_predictions[i]);
}
