// One arithmetic path: results computed by the compiler are the same bits as
// the same calls made at runtime, over a few hundred inputs each.
#include <array>
#include <bit>
#include <cstddef>
#include <cmath>
#include <cstdint>
#include <utility>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

#include "support.hpp"

namespace {

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;
using deeper_network = ctnn::network<ctnn::topology<2, 3, 3, 1>, ctnn::tanh_t, ctnn::relu_t, ctnn::sigmoid_t>;

constexpr std::size_t count = 300;

// The inputs are computed once, by the compiler: computed again at runtime,
// this file's own arithmetic (not protected like ctnn's) could be fused into
// FMAs under -march=native and give other inputs.
// A spiral out to |x| ~ 40, covering saturated neurons too.
constexpr auto inputs = [] {
    std::array<std::array<double, 2>, count> points{};
    for (std::size_t i = 0; i < count; ++i) {
        const double t = static_cast<double>(i);
        points[i] = {t * 0.13 - 19.5, 23.0 - t * 0.151};
    }
    return points;
}();

// exp's arguments, over its whole range (the hard-case tests cover its rare paths).
constexpr auto arguments = [] {
    std::array<double, count> points{};
    for (std::size_t i = 0; i < count; ++i) points[i] = (static_cast<double>(i) - 150.0) * 4.97 + 0.123;
    return points;
}();

template <class Network>
constexpr std::array<double, count> outputs(const Network& net) {
    std::array<double, count> out{};
    for (std::size_t i = 0; i < count; ++i) out[i] = net.forward(inputs[i])[0];
    return out;
}

constexpr auto notebook_init = ctnn::random_network<notebook_network>(0);
constexpr auto deeper_init = ctnn::random_network<deeper_network>(7);

constexpr auto notebook_at_compile_time = outputs(notebook_init);
constexpr auto deeper_at_compile_time = outputs(deeper_init);
constexpr auto exp_at_compile_time = [] {
    std::array<double, count> out{};
    for (std::size_t i = 0; i < count; ++i) out[i] = ctnn::exp(arguments[i]);
    return out;
}();

// sqrt's constant-evaluation path (runtime uses the IEEE instruction): the
// top binade and subnormals included, 600 points per evaluation.
constexpr std::size_t sqrt_count = 600;
constexpr double sqrt_argument(std::size_t i) {
    // Scrambled significand bits; every binade from the subnormals (exponent
    // field 0) up, and every seventh point in the top binade.
    const std::uint64_t significand = (i * 0x9e3779b97f4a7c15u) >> 12;
    const std::uint64_t exponent_field = i % 7 == 0 ? 2046 : i * 2047 / (3 * sqrt_count);
    return std::bit_cast<double>((exponent_field << 52) | significand);
}
template <std::size_t first>
constexpr auto sqrt_at_compile_time = [] {
    std::array<std::pair<double, double>, sqrt_count> out{};
    for (std::size_t i = 0; i < sqrt_count; ++i) out[i] = {sqrt_argument(first + i), ctnn::sqrt(sqrt_argument(first + i))};
    return out;
}();

}  // namespace

TEST_CASE("feedforward: compile time == runtime, bit for bit", "[one-path]") {
    const auto notebook = ctnn_test::opaque(notebook_init);
    const auto deeper = ctnn_test::opaque(deeper_init);
    for (std::size_t i = 0; i < count; ++i) {
        const auto x = ctnn_test::opaque(inputs[i]);
        INFO("input " << i);
        CHECK(ctnn_test::same_bits(notebook.forward(x)[0], notebook_at_compile_time[i]));
        CHECK(ctnn_test::same_bits(deeper.forward(x)[0], deeper_at_compile_time[i]));
    }
}

TEST_CASE("exp: compile time == runtime, bit for bit", "[one-path]") {
    for (std::size_t i = 0; i < count; ++i) {
        INFO("exp(" << arguments[i] << ")");
        CHECK(ctnn_test::same_bits(ctnn::exp(ctnn_test::opaque(arguments[i])), exp_at_compile_time[i]));
    }
}

TEST_CASE("sqrt: compile time == the IEEE square root, the top binade and subnormals included", "[one-path]") {
    for (const auto& chunk : {sqrt_at_compile_time<0>, sqrt_at_compile_time<sqrt_count>, sqrt_at_compile_time<2 * sqrt_count>}) {
        for (const auto& [x, root] : chunk) {
            INFO("sqrt(" << x << ")");
            CHECK(ctnn_test::same_bits(root, std::sqrt(ctnn_test::opaque(x))));
        }
    }
}
