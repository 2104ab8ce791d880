// ctnn::numpy_sum against numpy itself: np.sum and np.mean of the same terms,
// recorded once by tests/numpy/numpy_sum_cases.py in tests/data/numpy_sum_cases.hpp.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>

#include <catch2/catch.hpp>

#include <ctnn/loss.hpp>

#include "data/numpy_sum_cases.hpp"

namespace {

// term(i) of tests/numpy/numpy_sum_cases.py: a 53-bit integer times 2^exponent, exact.
constexpr double numpy_sum_term(std::size_t i) {
    // Wraps modulo 2^64, a multiple of 2^53: the same u as Python's exact integers.
    const std::uint64_t u = (i * 0x9E3779B97F4A7C15u + 40503u) % (std::uint64_t{1} << 53);
    const int exponent = static_cast<int>((i * 7) % 23) - 60;
    const double power_of_two = std::bit_cast<double>(static_cast<std::uint64_t>(1023 + exponent) << 52);
    const double value = static_cast<double>(u) * power_of_two;
    return (u >> 3) & 1 ? -value : value;
}

constexpr double sum_of(const numpy_sum_case& c) { return ctnn::numpy_sum(numpy_sum_term, c.first, c.n); }

constexpr bool matches_numpy(const numpy_sum_case& c) {
    return sum_of(c) == c.sum && sum_of(c) / static_cast<double>(c.n) == c.mean;  // numpy's mean: the sum, divided
}

}  // namespace

TEST_CASE("numpy_sum: np.sum's and np.mean's bits for 8 to 8192 terms", "[loss][numpy]") {
    for (const numpy_sum_case& c : numpy_sum_cases) {
        INFO("terms " << c.first << " to " << c.first + c.n - 1);
        const double sum = sum_of(c);
        CHECK(sum == c.sum);
        CHECK(sum / static_cast<double>(c.n) == c.mean);
    }
}

TEST_CASE("numpy_sum: the same bits at compile time", "[loss][numpy]") {
    STATIC_REQUIRE(std::ranges::all_of(numpy_sum_cases, matches_numpy));
}

// numpy adds its 8192-term buffers' sums in sequence; so does numpy_sum.
TEST_CASE("numpy_sum: beyond numpy's 8192-term buffer", "[loss][numpy]") {
    for (const numpy_sum_case& c : numpy_sum_cases_beyond_buffer) {
        INFO("terms " << c.first << " to " << c.first + c.n - 1);
        CHECK(sum_of(c) == c.sum);
        CHECK(sum_of(c) / static_cast<double>(c.n) == c.mean);
    }
}
