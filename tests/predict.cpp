// ctnn::predict: the same bits as feedforward for every row, whatever the
// input (NaN, infinities, huge values), clear errors for mismatched spans.
// Registered three times (tests/CMakeLists.txt): with the CPU's fastest path
// (four rows at a time with AVX2 and FMA), with CTNN_MATH=fma (one row at a
// time with FMA) and with CTNN_MATH=portable (no FMA).
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>
#include <ctnn/predict.hpp>  // not in the umbrella header: it brings <immintrin.h>

#include "support.hpp"

namespace {

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;
using three_outputs = ctnn::network<ctnn::topology<3, 4, 3>, ctnn::tanh_t, ctnn::sigmoid_t>;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Rows over a wide range, the extremes included.
template <std::size_t N>
std::vector<std::array<double, N>> rows() {
    std::vector<std::array<double, N>> out;
    const double specials[] = {0.0, -0.0, 1e-300, -1e-300, 745.0, -745.0, 1e300, -1e300, inf, -inf, nan};
    for (std::size_t i = 0; i < 2000; ++i) {
        std::array<double, N> row{};
        for (std::size_t k = 0; k < N; ++k) row[k] = (static_cast<double>((i * 7919 + k * 104729) % 2001) - 1000.0) * 0.037;
        out.push_back(row);
    }
    for (const double s : specials) {
        std::array<double, N> row{};
        row.fill(s);
        out.push_back(row);
        row[0] = 1.5;
        out.push_back(row);
    }
    return out;
}

}  // namespace

TEST_CASE("predict gives feedforward's bits for every row", "[predict]") {
    const auto notebook = ctnn::random_network<notebook_network>(0);
    const auto inputs = rows<2>();
    std::vector<double> outputs(inputs.size());
    ctnn::predict(notebook, inputs, outputs);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        INFO("row " << i);
        CHECK(ctnn_test::same_bits(outputs[i], notebook.feedforward(inputs[i])));
        CHECK(ctnn_test::same_bits(outputs[i], notebook.forward(inputs[i])[0]));  // the portable path
    }

    const auto wide = ctnn::random_network<three_outputs>(3);
    const auto wide_inputs = rows<3>();
    std::vector<std::array<double, 3>> wide_outputs(wide_inputs.size());
    ctnn::predict(wide, wide_inputs, wide_outputs);
    for (std::size_t i = 0; i < wide_inputs.size(); ++i) {
        const auto expected = wide.forward(wide_inputs[i]);
        for (std::size_t k = 0; k < 3; ++k) CHECK(ctnn_test::same_bits(wide_outputs[i][k], expected[k]));
    }
}

TEST_CASE("predict refuses spans of different lengths and writes nothing", "[predict]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    const std::vector<std::array<double, 2>> inputs{{1, 2}, {3, 4}, {5, 6}};
    std::vector<double> outputs(2, 42.0);
    REQUIRE_THROWS_MATCHES(ctnn::predict(net, inputs, outputs), std::invalid_argument,
                           Catch::Message("ctnn::predict: 3 input rows but 2 output rows"));
    CHECK(outputs == std::vector<double>(2, 42.0));
}

TEST_CASE("predict on no rows does nothing", "[predict]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    std::vector<std::array<double, 2>> inputs;
    std::vector<double> outputs;
    ctnn::predict(net, inputs, outputs);
    CHECK(outputs.empty());
}

TEST_CASE("the fastest path is chosen from the CPU, unless CTNN_MATH forces one", "[predict][dispatch]") {
    const char* forced_text = std::getenv("CTNN_MATH");
    const std::string forced = forced_text != nullptr ? forced_text : "";
    __builtin_cpu_init();
    using kind = ctnn::bits::math_kind;
    kind expected = kind::portable;
    if (forced != "portable" && __builtin_cpu_supports("fma"))
        expected = forced != "fma" && __builtin_cpu_supports("avx2") ? kind::fma_avx2 : kind::fma;
    CHECK(ctnn::bits::fastest_math() == expected);
}
