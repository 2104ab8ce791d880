// The data behind the walkthrough's two pictures (docs/pictures/make_pictures.py
// draws them): the notebook's training run, seed 0 and 1000 epochs as in
// notebook.cpp, with the loss after every epoch; then the trained network's
// prediction for the six people and over a grid of the weight x height plane
// (weight - 135 lb, height - 66 in, as the notebook shifts them). Plain text,
// one value per line:
//   loss EPOCH LOSS
//   person NAME WEIGHT HEIGHT PREDICTION
//   grid WEIGHT HEIGHT PREDICTION
#include <cstddef>
#include <cstdio>

#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

int main() {
    using task = ctnn_examples::notebook_task;
    const auto print_loss = [](std::size_t epoch, const task::network& net) {
        std::printf("loss %zu %.17g\n", epoch, ctnn::loss_over(net, task::inputs, task::targets));
    };
    const auto trained = ctnn::train(task::initial, task::inputs, task::targets, task::options, print_loss);

    const auto print_person = [&](const char* name, double weight, double height) {
        std::printf("person %s %g %g %.17g\n", name, weight, height, trained.feedforward({weight, height}));
    };
    for (std::size_t i = 0; i < task::inputs.size(); ++i)
        print_person(task::names[i], task::inputs[i][0], task::inputs[i][1]);
    // The tutorial's two people the network has not seen.
    print_person("Emily", -7, -3);
    print_person("Frank", 20, 2);

    // Weight -30..30 lb in steps of 0.5, height -10..10 in in steps of 0.25: 121 x 81 points.
    for (int j = 0; j <= 80; ++j)
        for (int i = 0; i <= 120; ++i) {
            const double weight = -30 + 0.5 * i, height = -10 + 0.25 * j;
            std::printf("grid %g %g %.17g\n", weight, height, trained.feedforward({weight, height}));
        }
}
