// Digits, checked by the compiler, step 1 of 2: trains the 64-20-10
// ReLU/softmax network of digits_task.hpp at runtime on 1437 images and
// writes it as a header (ctnn::io::write_header) for step 2,
// digits_check.cpp, whose static_assert checks it on the 360 others.
//
//     digits OUTPUT.hpp
#include <cstdio>
#include <fstream>
#include <string>

#include <ctnn/ctnn.hpp>
#include <ctnn/io/export.hpp>

#include "digits_task.hpp"

namespace task = ctnn_examples::digits_task;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: digits OUTPUT.hpp\n");
        return 2;
    }
    static const auto training_inputs = task::inputs<task::part::training, task::training_rows>();
    static const auto training_targets = task::targets<task::part::training, task::training_rows>();
    static const auto test_inputs = task::inputs<task::part::test, task::test_rows>();
    static const auto test_targets = task::targets<task::part::test, task::test_rows>();

    const auto net = ctnn::train<task::loss>(ctnn::he_network<task::network>(0), training_inputs, training_targets,
                                             task::options);
    std::printf("64-20-10 ReLU/softmax, %zu epochs on %zu images\n", task::options.epochs, task::training_rows);
    std::printf("training images classified right: %zu of %zu\n",
                ctnn::correct_predictions(net, training_inputs, training_targets), task::training_rows);
    std::printf("held-out images classified right: %zu of %zu\n", ctnn::correct_predictions(net, test_inputs, test_targets),
                task::test_rows);

    std::ofstream out(argv[1]);
    ctnn::io::write_header(out, net, "digits_network",
                           "64-20-10 ReLU/softmax trained by examples/digits.cpp on the 8x8 digits", {}, {});
    out.close();
    if (!out) {
        std::fprintf(stderr, "digits: cannot write %s\n", argv[1]);
        return 2;
    }
    std::printf("written: %s\n", argv[1]);
}
