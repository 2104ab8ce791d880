// Every input of the hard-to-round lists (tests/data/worst_cases.md, about
// 430,000 inputs) against MPFR: through ctnn's functions, and through the last
// resort alone; the double-double phases against their proven error bounds;
// and the distance of each exact result from a rounding boundary against the
// last resort's bound, which is what makes it decide every case. Built with
// the default flags and again with -O2/-O3 -march=native (tests/CMakeLists.txt).
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctnn/bits/simd.hpp>
#include <ctnn/math.hpp>

#include "mpfr_reference.hpp"
#include "support.hpp"
#include "worst_cases.hpp"

namespace {

using ctnn_test::mpfr_function;

struct tested_function {
    const char* name;
    mpfr_function reference;
    double (*correctly_rounded)(double);
    std::size_t list_size;
    bool odd;  // the list holds positive inputs only: test -x too
};

const tested_function functions[] = {
    {"exp", mpfr_exp, [](double x) { return ctnn::exp(x); }, 140'866, false},
    {"expm1", mpfr_expm1, [](double x) { return ctnn::expm1(x); }, 123'551, false},
    {"log", mpfr_log, [](double x) { return ctnn::log(x); }, 134'956, false},
    {"tanh", mpfr_tanh, [](double x) { return ctnn::bits::tanh(x); }, 31'294, true},
};

std::vector<double> inputs_of(const tested_function& f) {
    std::vector<double> inputs = ctnn_test::read_worst_cases(CTNN_WORST_CASES_DIR, f.name);
    if (f.odd) {
        const std::size_t positive = inputs.size();
        for (std::size_t i = 0; i < positive; ++i) inputs.push_back(-inputs[i]);
    }
    return inputs;
}

bool same_or_both_nan(double a, double b) { return (a != a && b != b) || ctnn_test::same_bits(a, b); }

// How many inputs `candidate` rounds differently from MPFR (the first few are reported).
template <class Candidate>
long count_misrounded(const tested_function& f, const std::vector<double>& inputs, Candidate candidate) {
    const ctnn_test::double_context context;
    long wrong = 0;
    for (const double x : inputs) {
        const double y = candidate(x);
        const double expected = ctnn_test::correctly_rounded(f.reference, x);
        if (!same_or_both_nan(y, expected) && ++wrong <= 5) {
            char text[160];
            std::snprintf(text, sizeof text, "%s(%a) = %a, correctly rounded %a", f.name, x, y, expected);
            UNSCOPED_INFO(text);
        }
    }
    return wrong;
}

// log2 of |approximation - f(x)| / |f(x)|, from a 300-bit evaluation.
double log2_relative_error(mpfr_function f, double x, ctnn::bits::double_double approximation) {
    mpfr_t exact, error;
    mpfr_inits2(300, exact, error, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_d(exact, x, MPFR_RNDN);
    f(exact, exact, MPFR_RNDN);
    mpfr_set_d(error, approximation.hi, MPFR_RNDN);
    mpfr_add_d(error, error, approximation.lo, MPFR_RNDN);
    mpfr_sub(error, error, exact, MPFR_RNDN);
    mpfr_div(error, error, exact, MPFR_RNDN);
    const double relative = std::fabs(mpfr_get_d(error, MPFR_RNDN));
    mpfr_clears(exact, error, static_cast<mpfr_ptr>(nullptr));
    return relative == 0 ? -HUGE_VAL : std::log2(relative);
}

}  // namespace

TEST_CASE("exp, expm1, log and tanh are correctly rounded on every hard case", "[math][hard-cases]") {
    for (const tested_function& f : functions) {
        const std::vector<double> inputs = inputs_of(f);
        const long wrong = count_misrounded(f, inputs, f.correctly_rounded);
        std::printf("%s: %zu hard cases, %ld not correctly rounded\n", f.name, inputs.size(), wrong);
        INFO(f.name);
        CHECK(inputs.size() == f.list_size * (f.odd ? 2 : 1));
        CHECK(wrong == 0);
    }
}

namespace {
// exp as the FMA kernels compute it (bits/dispatch.hpp compiles them the same way).
[[gnu::target("fma"), gnu::flatten]] double exp_with_fma(double x) { return ctnn::bits::exp_fma(x); }
}  // namespace

TEST_CASE("exp_fma, the FMA kernels' exp, is correctly rounded on every hard case", "[math][hard-cases]") {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("fma")) {
        WARN("this CPU has no FMA: exp_fma not tested");
        return;
    }
    const tested_function& exp = functions[0];
    const std::vector<double> inputs = inputs_of(exp);
    const long wrong = count_misrounded(exp, inputs, exp_with_fma);
    std::printf("exp_fma: %zu hard cases, %ld not correctly rounded\n", inputs.size(), wrong);
    CHECK(wrong == 0);
}

TEST_CASE("exp_fma at the edges of its fast range and beyond: ctnn::exp's bits", "[math][hard-cases]") {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("fma")) {
        WARN("this CPU has no FMA: exp_fma not tested");
        return;
    }
    const double range = ctnn::bits::exp_fast_range;
    const double edges[] = {0.0, -0.0, 0x1p-1074, -0x1p-1074, 0x1p-60, -0x1p-60, range, -range,
                            std::nextafter(range, 0.0), std::nextafter(-range, 0.0), 700.0, -700.0, 709.78, 709.79,
                            -745.13, -745.14, -708.5, -740.0, 1e300, -1e300, INFINITY, -INFINITY};
    for (const double x : edges) {
        INFO(x);
        CHECK(ctnn_test::same_bits(exp_with_fma(x), ctnn::exp(x)));
    }
    CHECK(std::isnan(exp_with_fma(NAN)));
}

#if defined(__x86_64__)
TEST_CASE("fma_math's exp of two lanes (a layer's neurons in pairs) is correctly rounded on every hard case in "
          "both lanes",
          "[math][hard-cases]") {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("fma")) {
        WARN("this CPU has no FMA: fma_math's pairs not tested");
        return;
    }
    const tested_function& exp = functions[0];
    const std::vector<double> inputs = inputs_of(exp);
    for (std::size_t lane = 0; lane < 2; ++lane) {  // each input in lane 0, then in lane 1
        std::size_t next = 0;
        const long wrong = count_misrounded(exp, inputs, [&](double x) {
            const double neighbour = inputs[++next % inputs.size()];  // another hard case in the other lane
            ctnn::bits::f64x2 pair{neighbour, neighbour};
            pair[lane] = x;
            return ctnn::bits::fma_math::exp(pair)[lane];
        });
        std::printf("fma_math::exp, pairs, lane %zu: %zu hard cases, %ld not correctly rounded\n", lane, inputs.size(),
                    wrong);
        CHECK(wrong == 0);
    }
}
#endif

#if defined(CTNN_HAS_SIMD_KERNEL)
namespace {
// exp4, four lanes at a time; each input goes through every lane position
// in turn (the k-th pass shifts the inputs by k lanes).
[[gnu::target("avx2,fma"), gnu::flatten]] std::vector<double> exp_in_lanes(const std::vector<double>& inputs, int pass) {
    std::vector<double> out(inputs.size());
    for (std::size_t i = 0; i + 4 <= inputs.size(); i += 4) {
        ctnn::bits::simd::f64x4 x{};
        for (int lane = 0; lane < 4; ++lane) x[lane] = inputs[i + static_cast<std::size_t>((lane + pass) % 4)];
        const ctnn::bits::simd::f64x4 y = ctnn::bits::simd::exp4(x);
        for (int lane = 0; lane < 4; ++lane) out[i + static_cast<std::size_t>((lane + pass) % 4)] = y[lane];
    }
    for (std::size_t i = inputs.size() / 4 * 4; i < inputs.size(); ++i) out[i] = ctnn::bits::exp_fma(inputs[i]);
    return out;
}
}  // namespace

TEST_CASE("exp4, four lanes of the SIMD kernel, is correctly rounded on every hard case in every lane",
          "[math][hard-cases]") {
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("fma") || !__builtin_cpu_supports("avx2")) {
        WARN("this CPU has no AVX2 and FMA: exp4 not tested");
        return;
    }
    const tested_function& exp = functions[0];
    const std::vector<double> inputs = inputs_of(exp);
    for (int pass = 0; pass < 4; ++pass) {
        const std::vector<double> lanes = exp_in_lanes(inputs, pass);
        std::size_t next = 0;
        const long wrong = count_misrounded(exp, inputs, [&](double) { return lanes[next++]; });
        std::printf("exp4, lanes shifted by %d: %zu hard cases, %ld not correctly rounded\n", pass, inputs.size(), wrong);
        CHECK(wrong == 0);
    }
}
#endif

TEST_CASE("the last resort alone rounds every hard case in its domain correctly", "[math][hard-cases]") {
    using namespace ctnn::bits;
    struct last_resort_case {
        const tested_function& f;
        bool (*in_domain)(double);
        double (*evaluate)(double);
    };
    const last_resort_case cases[] = {
        {functions[0], [](double x) { return std::fabs(x) >= 0x1p-140 && std::fabs(x) < 745.2; },
         [](double x) { return exp_last_resort(x); }},
        {functions[1], [](double x) { return std::fabs(x) >= 0x1p-54 && x >= -40 && x <= 700; },
         [](double x) { return expm1_last_resort(x); }},
        {functions[2], [](double x) { return x > 0 && x < HUGE_VAL && x != 1; },
         [](double x) {
             const auto [m, e] = reduce_for_log(x);
             return log_last_resort(m, e);
         }},
        {functions[3], [](double x) { return std::fabs(x) > 0x1p-27 && std::fabs(x) <= 20; },
         [](double x) { return tanh_last_resort(x); }},
    };
    for (const auto& c : cases) {
        std::vector<double> inputs;
        for (const double x : inputs_of(c.f)) {
            if (c.in_domain(x)) inputs.push_back(x);
        }
        const long wrong = count_misrounded(c.f, inputs, c.evaluate);
        std::printf("%s's last resort: %zu hard cases, %ld not correctly rounded\n", c.f.name, inputs.size(), wrong);
        INFO(c.f.name);
        CHECK(inputs.size() > c.f.list_size * 9 / 10);
        CHECK(wrong == 0);
    }
}

TEST_CASE("no hard case lies within the last resort's error bound of a rounding boundary", "[math][hard-cases]") {
    const double bound_log2 = std::log2(ctnn::bits::last_resort_error);  // -176
    for (const tested_function& f : functions) {
        double closest = 0;
        double closest_input = 0;
        for (const double x : inputs_of(f)) {
            double rounded = 0;
            {
                const ctnn_test::double_context context;
                rounded = ctnn_test::correctly_rounded(f.reference, x);
            }
            if (!std::isfinite(rounded) || rounded == 0) continue;
            const double distance = ctnn_test::log2_distance_to_boundary(f.reference, x, rounded);
            if (distance < closest) {
                closest = distance;
                closest_input = x;
            }
        }
        std::printf("%s: the closest hard case, %a, lies 2^%.2f (relative) from a rounding boundary\n", f.name,
                    closest_input, closest);
        INFO(f.name);
        CHECK(closest > bound_log2);
    }
}

TEST_CASE("the double-double phases stay within their proven error bounds", "[math][hard-cases]") {
    using namespace ctnn::bits;
    // docs/math.md derives these; the rounding tests in math.hpp use looser ones.
    struct phase {
        const tested_function& f;
        double proven_log2;
        bool (*in_domain)(double);
        double_double (*evaluate)(double);
    };
    const phase phases[] = {
        {functions[0], -103.9, [](double x) { return std::fabs(x) > 0x1p-54 && x > -600 && x < 700; },
         [](double x) { return exp_double_double(reduce_for_exp(x)); }},
        {functions[1], -92.0, [](double x) { return std::fabs(x) > 0x1p-54 && x >= -40 && x <= 700; },
         [](double x) { return expm1_double_double(x); }},
        {functions[2], -91.5, [](double x) { return x > 0 && x < HUGE_VAL && x != 1; },
         [](double x) { return log_double_double(reduce_for_log(x)); }},
        {functions[3], -90.0, [](double x) { return x > 0x1p-27 && x <= 20; },
         [](double x) { return tanh_double_double(x); }},
    };
    for (const phase& p : phases) {
        std::vector<double> inputs = inputs_of(p.f);
        for (long k = 0; k < 20'000; ++k) {  // and spread points: near 0, and over the whole range
            const double t = static_cast<double>(k) / 20'000.0;
            for (const double x : {std::ldexp(1.0 + t, static_cast<int>(k % 200) - 190), (t - 0.5) * 80.0, 650.0 * t,
                                   -590.0 * t, std::ldexp(1.0 + t, static_cast<int>(k % 2098) - 1074)}) {
                inputs.push_back(x);
            }
        }
        double worst = -HUGE_VAL;
        for (const double x : inputs) {
            if (p.in_domain(x)) worst = std::max(worst, log2_relative_error(p.f.reference, x, p.evaluate(x)));
        }
        std::printf("%s's double-double phase: largest error 2^%.2f, proven bound 2^%.1f\n", p.f.name, worst,
                    p.proven_log2);
        INFO(p.f.name);
        CHECK(worst <= p.proven_log2);
    }
}
