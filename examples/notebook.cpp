// The notebook, cell by cell: the fixed-weight cells are computed and checked
// by the compiler (notebook_cells.hpp); the training cell runs at runtime and
// prints what numpy prints after np.random.seed(0).
#include <cstdio>

#include <ctnn/ctnn.hpp>

#include "notebook_cells.hpp"
#include "notebook_tasks.hpp"

int main() {
    ctnn_examples::print_cells();

    using task = ctnn_examples::notebook_task;
    const auto print_loss = [](std::size_t epoch, const task::network& net) {
        if (epoch % 10 == 0) std::printf("Epoch %zu loss: %.3f\n", epoch, ctnn::loss_over(net, task::inputs, task::targets));
    };
    const auto trained = ctnn::train(task::initial, task::inputs, task::targets, task::options, print_loss);
    for (std::size_t i = 0; i < task::inputs.size(); ++i)
        std::printf("%s: %.17g\n", task::names[i], trained.feedforward(task::inputs[i]));
    // The tutorial's follow-up: two people the network has not seen.
    std::printf("Emily: %.17g\n", trained.feedforward({-7, -3}));
    std::printf("Frank: %.17g\n", trained.feedforward({20, 2}));
}
