// exp, log, expm1 and tanh against MPFR's correctly rounded results over
// dense sweeps, and the exp table against MPFR. Runtime only (MPFR is not
// constexpr); sqrt's constant-evaluation path is compared with the IEEE
// square root in compile_time_equals_runtime.cpp.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include <ctnn/activation.hpp>
#include <ctnn/math.hpp>

#include "mpfr_reference.hpp"

namespace {

using ctnn_test::correctly_rounded;
using ctnn_test::double_context;
using ctnn_test::mpfr_function;

// |y - f(x)| in units of the last place of the correctly rounded result,
// from a 200-bit evaluation.
double ulp_error(mpfr_function f, double x, double y) {
    const double reference = correctly_rounded(f, x);
    if (y == reference) return 0.0;
    if (!std::isfinite(reference) || !std::isfinite(y)) return std::numeric_limits<double>::infinity();
    mpfr_t exact, diff;
    mpfr_inits2(200, exact, diff, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_d(exact, x, MPFR_RNDN);
    mpfr_set_emin(mpfr_get_emin_min());
    f(exact, exact, MPFR_RNDN);
    mpfr_set_emin(-1073);
    mpfr_sub_d(diff, exact, y, MPFR_RNDN);
    // The spacing of doubles in the result's binade (away from zero).
    const double away = std::nextafter(reference, reference < 0 ? -HUGE_VAL : HUGE_VAL);
    const double ulp = std::max(std::abs(away - reference), 0x1p-1074);
    const double error = std::abs(mpfr_get_d(diff, MPFR_RNDN)) / ulp;
    mpfr_clears(exact, diff, static_cast<mpfr_ptr>(nullptr));
    return error;
}

struct sweep_result {
    long points = 0;
    long exact = 0;
    double max_ulp = 0;
};

template <class Function, class Points>
sweep_result sweep(const char* name, mpfr_function reference, Function f, long count, Points point) {
    sweep_result r;
    for (long i = 0; i < count; ++i) {
        const double x = point(i);
        const double y = f(x);
        const double err = ulp_error(reference, x, y);
        ++r.points;
        if (err == 0) ++r.exact;
        r.max_ulp = std::max(r.max_ulp, err);
    }
    std::printf("%s: %ld points, max error %.3g ulp, correctly rounded %.6f%%\n", name, r.points, r.max_ulp,
                100.0 * static_cast<double>(r.exact) / static_cast<double>(r.points));
    return r;
}

// The k-th of n points spread evenly over [lo, hi], nudged off the grid by a
// few ulps so that no two sweeps share their points' low bits.
double spread(long k, long n, double lo, double hi) {
    const double x = lo + (hi - lo) * static_cast<double>(k) / static_cast<double>(n - 1);
    std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    bits ^= (static_cast<std::uint64_t>(k) * 0x9e3779b97f4a7c15u) >> 40;  // low 24 bits scrambled
    return std::bit_cast<double>(bits);
}

}  // namespace

TEST_CASE("exp: at most 1 ulp, correctly rounded, over the whole finite range", "[math][accuracy]") {
    const double_context context;
    constexpr long points = 1'200'000;
    const auto r = sweep("exp over [-745.2, 709.8]", mpfr_exp, [](double x) { return ctnn::exp(x); }, points,
                         [](long k) { return spread(k, points, -745.2, 709.8); });
    CHECK(r.max_ulp <= 1.0);
    CHECK(r.exact == r.points);

    // Near zero, where exp(x) - 1 is tiny and rounding is delicate.
    const auto small = sweep("exp over [-2^-10, 2^-10]", mpfr_exp, [](double x) { return ctnn::exp(x); }, 200'000,
                             [](long k) { return spread(k, 200'000, -0x1p-10, 0x1p-10); });
    CHECK(small.exact == small.points);
}

namespace {
// exp as the FMA kernels compute it (bits/dispatch.hpp compiles them the same way).
[[gnu::target("fma"), gnu::flatten]] double exp_with_fma(double x) { return ctnn::bits::exp_fma(x); }

// exp_fma's second chance on every input, not only on those its first test
// leaves (its bound holds for any x in the fast range).
[[gnu::target("fma"), gnu::flatten]] double second_chance_alone(double x) {
    const auto [th, r, r2, p, kd, ratio] = ctnn::bits::exp_fma_reduce(x);
    return ctnn::bits::exp_fma_second_chance(th, r, r2, p, kd, ratio);
}

// f against MPFR's exp over exp_fma's fast range, and near zero.
template <class Function>
void check_fast_range(const std::string& name, Function f, long points, long points_near_zero) {
    const double_context context;
    const auto wide = sweep((name + " over [-620, 620]").c_str(), mpfr_exp, f, points,
                            [&](long k) { return spread(k, points, -620.0, 620.0); });
    CHECK(wide.exact == wide.points);
    const auto small = sweep((name + " over [-2^-10, 2^-10]").c_str(), mpfr_exp, f, points_near_zero,
                             [&](long k) { return spread(k, points_near_zero, -0x1p-10, 0x1p-10); });
    CHECK(small.exact == small.points);
}

bool has_fma() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("fma")) return true;
    WARN("this CPU has no FMA: exp_fma not tested");
    return false;
}
}  // namespace

// The hard cases (math_hard_cases.cpp) mostly go past exp_fma's rounding test
// to its second chance or the rare path; these sweeps check the answers it
// gives when the test passes.
TEST_CASE("exp_fma, the FMA kernels' exp: correctly rounded over its fast range and near zero", "[math][accuracy]") {
    if (has_fma()) check_fast_range("exp_fma", exp_with_fma, 1'200'000, 200'000);
}

TEST_CASE("exp_fma's second chance, on every input: correctly rounded", "[math][accuracy]") {
    if (has_fma()) check_fast_range("exp_fma's second chance", second_chance_alone, 400'000, 100'000);
}

TEST_CASE("log: correctly rounded over the positive doubles", "[math][accuracy]") {
    const double_context context;
    // Exponents from subnormal to huge, and a dense band around 1.
    const auto wide = sweep("log over 2^-1074..2^1024", mpfr_log, [](double x) { return ctnn::log(x); }, 200'000,
                            [](long k) { return std::ldexp(spread(k, 200'000, 1.0, 2.0), static_cast<int>(k % 2098) - 1074); });
    CHECK(wide.exact == wide.points);
    const auto near_one = sweep("log over [0.99, 1.01]", mpfr_log, [](double x) { return ctnn::log(x); }, 200'000,
                                [](long k) { return spread(k, 200'000, 0.99, 1.01); });
    CHECK(near_one.exact == near_one.points);
}

TEST_CASE("expm1 and tanh: correctly rounded", "[math][accuracy]") {
    const double_context context;
    const auto e = sweep("expm1 over [-40, 40]", mpfr_expm1, [](double x) { return ctnn::expm1(x); }, 200'000,
                         [](long k) { return spread(k, 200'000, -40.0, 40.0); });
    CHECK(e.exact == e.points);
    const auto t = sweep("tanh over [-20, 20]", mpfr_tanh, [](double x) { return ctnn::tanh(x); }, 200'000,
                         [](long k) { return spread(k, 200'000, -20.0, 20.0); });
    CHECK(t.exact == t.points);
}

TEST_CASE("exp table: every 2^(j/1024) entry is right to 2^-104", "[math]") {
    mpfr_t exact, diff;
    mpfr_inits2(300, exact, diff, static_cast<mpfr_ptr>(nullptr));
    for (int j = 0; j < ctnn::bits::exp_table_size; ++j) {
        mpfr_set_si(exact, j, MPFR_RNDN);
        mpfr_div_si(exact, exact, ctnn::bits::exp_table_size, MPFR_RNDN);
        mpfr_exp2(exact, exact, MPFR_RNDN);
        const auto [hi, lo] = ctnn::bits::exp2_table[static_cast<std::size_t>(j)];
        mpfr_sub_d(diff, exact, hi, MPFR_RNDN);
        mpfr_sub_d(diff, diff, lo, MPFR_RNDN);
        INFO("j = " << j);
        CHECK(std::abs(mpfr_get_d(diff, MPFR_RNDN)) <= 0x1p-104);
        CHECK(hi == hi + lo);  // normalised: |lo| <= ulp(hi) / 2
    }
    mpfr_clears(exact, diff, static_cast<mpfr_ptr>(nullptr));
}
