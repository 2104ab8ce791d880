// The hardest inputs of exp, expm1, log and tanh (tests/data/hard_case_sample.hpp:
// 200 per function, with MPFR's values), checked from one source twice: by the
// compiler (static_assert), and at runtime on inputs the optimiser cannot see.
// On GCC, whose constant evaluator folds __builtin_exp and its kin with MPFR,
// the compiler also vouches for ctnn's values itself.
#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

#include <catch2/catch.hpp>

#include <ctnn/math.hpp>

#include "data/hard_case_sample.hpp"
#include "support.hpp"

namespace {

using function = double (*)(double);

// Cases per constant evaluation: a last-resort call costs under 10,000 of
// Clang's default 1,048,576 steps, so 20 stay far inside the limit.
constexpr std::size_t chunk_size = 20;

template <const auto& cases>
constexpr std::size_t chunk_count = (std::size(cases) + chunk_size - 1) / chunk_size;

// Chunk k of the cases gives MPFR's bits (for an odd function, -x gives -f(x) too).
template <const auto& cases, function f, bool odd>
constexpr bool chunk_matches(std::size_t k) {
    for (std::size_t i = k * chunk_size; i < std::size(cases) && i < (k + 1) * chunk_size; ++i) {
        const double x = ctnn_test::opaque(cases[i].input);
        if (!ctnn_test::same_bits(f(x), cases[i].expected)) return false;
        if (odd && !ctnn_test::same_bits(f(-x), -cases[i].expected)) return false;
    }
    return true;
}

// Each chunk is a template argument, so each is its own constant evaluation.
template <const auto& cases, function f, bool odd, std::size_t... k>
constexpr bool every_chunk_matches(std::index_sequence<k...>) {
    return (std::bool_constant<chunk_matches<cases, f, odd>(k)>::value && ...);
}

template <const auto& cases, function f, bool odd = false>
void check_hard_cases() {
#ifdef CATCH_CONFIG_RUNTIME_STATIC_REQUIRE
    for (std::size_t k = 0; k < chunk_count<cases>; ++k) {
        INFO("cases " << k * chunk_size << " to " << (k + 1) * chunk_size - 1);
        REQUIRE(chunk_matches<cases, f, odd>(k));
    }
#else
    STATIC_REQUIRE(every_chunk_matches<cases, f, odd>(std::make_index_sequence<chunk_count<cases>>{}));
#endif
}

constexpr double ctnn_exp(double x) { return ctnn::exp(x); }
constexpr double ctnn_expm1(double x) { return ctnn::expm1(x); }
constexpr double ctnn_log(double x) { return ctnn::log(x); }
constexpr double ctnn_tanh(double x) { return ctnn::bits::tanh(x); }

}  // namespace

TEST_CASE("exp: the hard-case sample is correctly rounded", "[math][hard-cases]") {
    check_hard_cases<ctnn_test::exp_hard_cases, ctnn_exp>();
}

TEST_CASE("expm1: the hard-case sample is correctly rounded", "[math][hard-cases]") {
    check_hard_cases<ctnn_test::expm1_hard_cases, ctnn_expm1>();
}

TEST_CASE("log: the hard-case sample is correctly rounded", "[math][hard-cases]") {
    check_hard_cases<ctnn_test::log_hard_cases, ctnn_log>();
}

TEST_CASE("tanh: the hard-case sample is correctly rounded, x and -x", "[math][hard-cases]") {
    check_hard_cases<ctnn_test::tanh_hard_cases, ctnn_tanh, true>();
}

#if defined(__GNUC__) && !defined(__clang__)
namespace {

constexpr double gcc_exp(double x) { return __builtin_exp(x); }
constexpr double gcc_expm1(double x) { return __builtin_expm1(x); }
constexpr double gcc_log(double x) { return __builtin_log(x); }
constexpr double gcc_tanh(double x) { return __builtin_tanh(x); }

// GCC folds a builtin only when the result is a normal double: the other
// cases are left to the MPFR values above.
template <const auto& cases, function f, function gcc_f, std::size_t... k>
constexpr bool gcc_agrees(std::index_sequence<k...>) {
    constexpr auto chunk_agrees = [](std::size_t chunk) {
        for (std::size_t i = chunk * chunk_size; i < std::size(cases) && i < (chunk + 1) * chunk_size; ++i) {
            if (cases[i].normal && !ctnn_test::same_bits(f(cases[i].input), gcc_f(cases[i].input))) return false;
        }
        return true;
    };
    return (std::bool_constant<chunk_agrees(k)>::value && ...);
}

template <const auto& cases, function f, function gcc_f>
constexpr bool gcc_agrees() {
    return gcc_agrees<cases, f, gcc_f>(std::make_index_sequence<chunk_count<cases>>{});
}

}  // namespace

TEST_CASE("GCC's own correctly rounded folding gives ctnn's bits on the sample", "[math][hard-cases][gcc]") {
    STATIC_REQUIRE(gcc_agrees<ctnn_test::exp_hard_cases, ctnn_exp, gcc_exp>());
    STATIC_REQUIRE(gcc_agrees<ctnn_test::expm1_hard_cases, ctnn_expm1, gcc_expm1>());
    STATIC_REQUIRE(gcc_agrees<ctnn_test::log_hard_cases, ctnn_log, gcc_log>());
    STATIC_REQUIRE(gcc_agrees<ctnn_test::tanh_hard_cases, ctnn_tanh, gcc_tanh>());
}
#endif
