// Digits, checked by the compiler, step 1 of 2: trains the 64-20-10
// ReLU/softmax network of digits_task.hpp at runtime on 1437 images and
// writes it as a header (ctnn::io::write_header) for step 2,
// digits_check.cpp, whose static_assert checks it on the 360 others.
//
//     digits OUTPUT.hpp [DIGITS.csv]
//
// The images come from examples/data/digits.hpp, or from DIGITS.csv (a
// header, then 64 pixel values and the digit 0-9 per row, as
// examples/data/digits.csv): every fifth row held out either way. Bad data
// gets one message and exit status 2, and no OUTPUT is written.
#include <array>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <ctnn/ctnn.hpp>
#include <ctnn/io/csv.hpp>
#include <ctnn/io/export.hpp>

#include "digits_task.hpp"

namespace task = ctnn_examples::digits_task;

namespace {

struct data_set {
    std::vector<std::array<double, 64>> training_inputs, test_inputs;
    std::vector<std::array<double, 10>> training_targets, test_targets;
};

// Rows 0, 5, 10, ... held out, as in digits_task.hpp; pixels / 16.
data_set split(const std::vector<std::array<double, 64>>& pixels, const std::vector<std::size_t>& digits) {
    data_set data;
    for (std::size_t r = 0; r < pixels.size(); ++r) {
        std::array<double, 64> x{};
        for (std::size_t p = 0; p < 64; ++p) x[p] = pixels[r][p] / 16.0;
        (r % 5 == 0 ? data.test_inputs : data.training_inputs).push_back(x);
        (r % 5 == 0 ? data.test_targets : data.training_targets).push_back(ctnn::one_hot<10>(digits[r]));
    }
    return data;
}

data_set compiled_in() {
    std::vector<std::array<double, 64>> pixels;
    std::vector<std::size_t> digits;
    for (const auto& row : ctnn_examples::digits::rows) {
        std::array<double, 64> x{};
        for (std::size_t p = 0; p < 64; ++p) x[p] = row[p];
        pixels.push_back(x);
        digits.push_back(row[64]);
    }
    return split(pixels, digits);
}

data_set from_file(const std::string& path) {
    const std::vector<std::string> classes{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    const auto read = ctnn::io::read_classified_csv_file<64>(path, classes);
    return split(read.inputs, read.classes);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: digits OUTPUT.hpp [DIGITS.csv]\n");
        return 2;
    }
    data_set data;
    try {
        data = argc == 3 ? from_file(argv[2]) : compiled_in();
    } catch (const ctnn::io::data_error& e) {
        std::fprintf(stderr, "digits: %s\n", e.what());
        return 2;
    }

    const auto net = ctnn::train<task::loss>(ctnn::he_network<task::network>(0), data.training_inputs,
                                             data.training_targets, task::options);
    std::printf("64-20-10 ReLU/softmax, %zu epochs on %zu images\n", task::options.epochs, data.training_inputs.size());
    std::printf("training images classified right: %zu of %zu\n",
                ctnn::correct_predictions(net, data.training_inputs, data.training_targets), data.training_inputs.size());
    std::printf("held-out images classified right: %zu of %zu\n",
                ctnn::correct_predictions(net, data.test_inputs, data.test_targets), data.test_inputs.size());

    // The header also static_asserts its predictions for the first three
    // held-out images, softmax outputs included.
    const std::vector<std::array<double, 64>> checked(data.test_inputs.begin(), data.test_inputs.begin() + 3);
    std::vector<std::string> labels;
    for (std::size_t n = 0; n < checked.size(); ++n)
        labels.push_back("held-out image " + std::to_string(n) + ", digit " +
                         std::to_string(ctnn::class_of(data.test_targets[n])));
    std::ostringstream text;
    ctnn::io::write_header(text, net, "digits_network",
                           "64-20-10 ReLU/softmax trained by examples/digits.cpp on the 8x8 digits", labels, checked);
    std::ofstream out(argv[1], std::ios::binary);
    out << text.str();
    out.close();
    if (!out) {
        std::fprintf(stderr, "digits: cannot write %s\n", argv[1]);
        return 2;
    }
    std::printf("written: %s\n", argv[1]);
}
