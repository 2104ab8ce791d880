// Softmax, categorical cross-entropy and classification counts. Built twice:
// every STATIC_REQUIRE a static_assert, then at runtime with opaque inputs.
// Expected values: numpy's formulas, e = exp(z - z.max()); p = e / e.sum(),
// in Python with math.exp (correctly rounded on these inputs).
#include <array>
#include <charconv>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

#include "iris_task.hpp"
#include "notebook_tasks.hpp"
#include "support.hpp"

using ctnn_test::opaque;

namespace {
// z = x: one layer whose sums are its inputs, then softmax.
constexpr ctnn::basic_network<ctnn::dense<3, 3, ctnn::softmax_t>> softmax_of_input(
    ctnn::dense<3, 3, ctnn::softmax_t>{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, {0, 0, 0}});
}  // namespace

TEST_CASE("softmax: numpy's exp(z - max) / sum, to the bit", "[softmax]") {
    constexpr std::array<double, 3> expected{0x1.70c3e5f682bdap-4, 0x1.f534335ca4bcfp-3, 0x1.549a766a06790p-1};
    STATIC_REQUIRE(softmax_of_input.feedforward({opaque(1.0), 2.0, 3.0}) == expected);
    // Shifting every sum changes nothing: z - z.max() is the same.
    STATIC_REQUIRE(softmax_of_input.feedforward({opaque(1001.0), 1002.0, 1003.0}) == expected);
    // Sums far apart: no overflow, no NaN; the largest takes everything.
    STATIC_REQUIRE(softmax_of_input.feedforward({opaque(-1000.0), 0.0, 1000.0}) == std::array{0.0, 0.0, 1.0});
}

TEST_CASE("softmax: four outputs", "[softmax]") {
    constexpr ctnn::basic_network<ctnn::dense<4, 4, ctnn::softmax_t>> net(
        ctnn::dense<4, 4, ctnn::softmax_t>{{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}}, {0, 0, 0, 0}});
    STATIC_REQUIRE(net.feedforward({opaque(-0.5), 0.25, 2.0, -3.0}) ==
                   std::array{0x1.0a4ae50820235p-4, 0x1.19dee47ebc138p-3, 0x1.95837065da3c0p-1, 0x1.5dbcecb95d587p-8});
}

TEST_CASE("categorical cross-entropy: -sum(y log p) per sample, mean over samples", "[softmax]") {
    constexpr std::array<std::array<double, 3>, 1> x{{{1, 2, 3}}};
    constexpr std::array<std::array<double, 3>, 1> y{{{0, 0, 1}}};
    STATIC_REQUIRE(ctnn::loss_over<ctnn::categorical_cross_entropy_t>(softmax_of_input, x, y) == 0.40760596444438046);
    // Its gradient with respect to the sums, with softmax: p - y.
    STATIC_REQUIRE(ctnn::categorical_cross_entropy_t::gradient(opaque(1.0), 0.75, 3) == -0.25);
    STATIC_REQUIRE(ctnn::categorical_cross_entropy_t::gradient(opaque(0.0), 0.25, 3) == 0.25);
}

TEST_CASE("one-hot rows and the class a row stands for", "[softmax]") {
    STATIC_REQUIRE(ctnn::one_hot<3>(opaque(std::size_t{2})) == std::array{0.0, 0.0, 1.0});
    STATIC_REQUIRE(ctnn::one_hot_rows<3>(std::array<std::size_t, 2>{opaque(std::size_t{1}), 0}) ==
                   std::array{std::array{0.0, 1.0, 0.0}, std::array{1.0, 0.0, 0.0}});
    STATIC_REQUIRE(ctnn::class_of(std::array{0.2, opaque(0.5), 0.3}) == 1);
    STATIC_REQUIRE(ctnn::class_of(std::array{0.4, opaque(0.4), 0.2}) == 0);  // the first of equals, like np.argmax
    STATIC_REQUIRE(ctnn::class_of(opaque(0.7)) == 1);
    STATIC_REQUIRE(ctnn::class_of(std::array{opaque(0.5)}) == 0);  // one output: above 0.5 is class 1
    CHECK_THROWS_AS(ctnn::one_hot<3>(opaque(std::size_t{3})), std::out_of_range);
}

TEST_CASE("correct_predictions and accuracy count the rows classified right", "[softmax]") {
    constexpr std::array<std::array<double, 3>, 4> x{{{3, 1, 0}, {0, 2, 1}, {0, 0, 5}, {1, 2, 3}}};
    constexpr std::array<std::array<double, 3>, 4> y{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}}};  // the last is wrong
    STATIC_REQUIRE(ctnn::correct_predictions(softmax_of_input, x, y) == 3);
    STATIC_REQUIRE(ctnn::correct_predictions(softmax_of_input, x, y, opaque(std::size_t{1}), 2) == 2);  // rows 1 and 2
    STATIC_REQUIRE(ctnn::correct_predictions(softmax_of_input, x, y, opaque(std::size_t{3}), 10) == 0);  // past the end
    STATIC_REQUIRE(ctnn::accuracy(softmax_of_input, x, y) == 0.75);
    // One sigmoid output, as the notebook's: 1 above 0.5, against targets 0 and 1.
    using ctnn_examples::notebook_task;
    STATIC_REQUIRE(ctnn::correct_predictions(notebook_task::initial, notebook_task::inputs, notebook_task::targets) == 0);  // 0.494 0.687 0.687 0.474
    STATIC_REQUIRE(ctnn::correct_predictions(ctnn::trained<notebook_task>, notebook_task::inputs, notebook_task::targets) == 4);
}

TEST_CASE("Iris: the compiler's training is the runtime's, bit for bit", "[softmax][iris]") {
    using task = ctnn_examples::iris_task;
    constexpr auto at_compile_time = ctnn::trained<task>;
    const auto at_runtime = ctnn::train<task::loss>(task::initial, task::inputs, task::targets, task::options);
    CHECK(at_runtime == at_compile_time);
    STATIC_REQUIRE(ctnn::correct_predictions(at_compile_time, task::test_inputs, task::test_targets) == 29);
    STATIC_REQUIRE(ctnn::correct_predictions(at_compile_time, task::inputs, task::targets) == 114);
}

TEST_CASE("Iris: the header is the CSV", "[iris]") {
    // examples/data/iris.hpp is generated from examples/data/iris.csv.
    STATIC_REQUIRE(ctnn_examples::iris::measurements[0] == std::array{5.1, 3.5, 1.4, 0.2});
    STATIC_REQUIRE(ctnn_examples::iris::measurements[149] == std::array{5.9, 3.0, 5.1, 1.8});
    STATIC_REQUIRE(ctnn_examples::iris::species_index[149] == 2);
}

namespace {
// A hex float as Python's float.hex() writes it ("0x1.8p-1", "-0x0.0p+0").
double from_hex(std::string text) {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.erase(0, 1);
    REQUIRE(text.rfind("0x", 0) == 0);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data() + 2, text.data() + text.size(), value, std::chars_format::hex);
    REQUIRE((error == std::errc{} && end == text.data() + text.size()));
    return negative ? -value : value;
}
}  // namespace

TEST_CASE("Iris: runtime training gives the numpy reference's bits", "[softmax][iris][numpy]") {
    // tests/numpy/softmax_iris.py: the same task written out with numpy.
    std::ifstream file(CTNN_TEST_DATA_DIR "/iris_numpy.txt");
    REQUIRE(file);
    using task = ctnn_examples::iris_task;
    std::vector<double> losses;
    const auto net = ctnn::train<task::loss>(task::initial, task::inputs, task::targets, task::options,
                                             [&](std::size_t, const auto& n) {
                                                 losses.push_back(ctnn::loss_over<task::loss>(n, task::inputs, task::targets));
                                             });
    REQUIRE(losses.size() == 10);
    std::string line;
    for (std::size_t epoch = 0; epoch < 10; ++epoch) {
        REQUIRE(std::getline(file, line));
        std::istringstream words(line);
        std::string word, number, loss_word, loss;
        words >> word >> number >> loss_word >> loss;
        REQUIRE(number == std::to_string(epoch));
        CHECK(losses[epoch] == from_hex(loss));
    }
    std::size_t rows = 0;
    for (; std::getline(file, line); ++rows) {
        REQUIRE(rows < task::test_inputs.size());
        std::istringstream words(line);
        std::string p0, p1, p2;
        words >> p0 >> p1 >> p2;
        CHECK(net.feedforward(task::test_inputs[rows]) == std::array{from_hex(p0), from_hex(p1), from_hex(p2)});
    }
    CHECK(rows == task::test_inputs.size());
}
