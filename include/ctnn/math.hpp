// ctnn's constexpr math core: exp, expm1, log, sqrt and dot, and bits::tanh
// (what the tanh activation computes; ctnn::tanh is that activation).
//
// exp, expm1, log and bits::tanh are correctly rounded (round to
// nearest) for every double, and sqrt is exactly rounded: each returns the
// one double nearest to the exact value. Such a result is unique, so every
// correct implementation gives the same bits; ctnn's own serves constant
// evaluation (std::exp is not constexpr: Clang has no constexpr exp at all)
// and runtime alike.
//
// Each function is evaluated in up to three phases (Ziv's strategy): a fast
// one with a proven error bound and a rounding test, a double-double one with
// its own bound and test, and a last resort in 192-bit fixed point whose bound
// is smaller than the distance of any double's result from a rounding
// boundary. The bounds and their proofs are in docs/math.md.
#ifndef CTNN_MATH_HPP
#define CTNN_MATH_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include <ctnn/bits/double_double.hpp>
#include <ctnn/bits/exp_table.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/bits/last_resort.hpp>

// GCC's constant evaluator folds __builtin_exp, expm1, log and tanh with
// MPFR, correctly rounded, wherever the result is a normal double. A
// correctly rounded result is unique, so that is ctnn's own result, at a
// fraction of the cost of evaluating ctnn's code (docs/compile-time.md). Each
// function takes the builtin only where its result is normal (the condition
// beside each use; outside it GCC would refuse, and ctnn's code runs). Clang
// folds none of them. CTNN_NO_BUILTIN_FOLDING makes GCC evaluate ctnn's own
// code, as some tests do.
#if defined(__GNUC__) && !defined(__clang__) && !defined(CTNN_NO_BUILTIN_FOLDING)
#define CTNN_RETURN_IF_GCC_FOLDS(result_is_normal, call) \
    if (std::is_constant_evaluated() && (result_is_normal)) return call
#else
#define CTNN_RETURN_IF_GCC_FOLDS(result_is_normal, call)
#endif

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {

inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr double quiet_nan = std::numeric_limits<double>::quiet_NaN();

// 2^e as a double, for normal exponents -1022 <= e <= 1023. Always inlined:
// GCC may otherwise call it from exp_fma, compiled for another target.
[[gnu::always_inline]] constexpr double pow2(int e) {
    return std::bit_cast<double>(static_cast<std::uint64_t>(e + 1023) << 52);
}

// Error bounds of the phases (docs/math.md proves them). The fast path's is
// absolute, for a result in [1, 2) before scaling; the others are relative.
inline constexpr double exp_fast_error = 0x1p-62;
inline constexpr double exp_double_double_error = 0x1p-96;    // proven: 2^-103.9
inline constexpr double expm1_double_double_error = 0x1p-84;  // proven: 2^-92
inline constexpr double log_double_double_error = 0x1p-84;    // proven: 2^-91.5
inline constexpr double tanh_double_double_error = 0x1p-80;   // proven: 2^-90
// exp(x) for x above this is +inf, below the other is +0 (after rounding).
inline constexpr double exp_overflow_bound = 709.79;
inline constexpr double exp_underflow_bound = -745.14;

// Ziv's rounding test for y = hi + lo with |y - exact| <= error: decided if
// every value within the error rounds to the same double (rounding is
// monotonic, so checking both ends suffices), which is then the correctly
// rounded result. error must exceed the true bound by a few ulps of lo.
struct rounding {
    double value;
    bool decided;
};

constexpr rounding round_if_decided(double_double y, double error) {
    const double low = y.hi + (y.lo - error);
    return {low, low == y.hi + (y.lo + error)};
}

// x = k * ln2/1024 + r with |r| <= ln2/2048 (plus a hair), r as a double-double.
// ln2/1024 is split in three: the first two parts have 32 significant bits, so
// their products with k (|k| < 2^21) are exact and r loses nothing.
struct exp_reduction {
    double_double r;
    int k;
};

inline constexpr double inv_ln2_1024 = 0x1.71547652b82fep+10;
inline constexpr double ln2_1024_part1 = 0x1.62e42ff000000p-11;   // 32 bits
inline constexpr double ln2_1024_part2 = -0x1.718432a200000p-45;  // 32 bits
inline constexpr double ln2_1024_part3 = 0x1.3c7673007e5edp-79;
inline constexpr double ln2_1024_rest = -0x1.718432a1b0e26p-45;   // part2 + part3, rounded
inline constexpr double round_shift = 0x1.8p52;                   // adding it rounds to an integer

constexpr exp_reduction reduce_for_exp(double x) {
    const double kd = (x * inv_ln2_1024 + round_shift) - round_shift;
    // x - k part1 is exact (Sterbenz), and so is k part2 (32 x 21 bits).
    const auto [rh, rl] = two_sum(x - kd * ln2_1024_part1, -(kd * ln2_1024_part2));
    return {fast_two_sum(rh, rl - kd * ln2_1024_part3), static_cast<int>(kd)};
}

// expm1(r) for |r| <= ln2/2048 in double-double arithmetic: Taylor to degree
// 8 (truncation < 2^-121), result accurate to about 2^-100 relative.
constexpr double_double expm1_small(double_double r) {
    constexpr std::array<double_double, 8> inverse_factorials{{
        {1.0, 0.0},
        {0x1.0000000000000p-1, 0.0},
        {0x1.5555555555555p-3, 0x1.5555555555555p-57},
        {0x1.5555555555555p-5, 0x1.5555555555555p-59},
        {0x1.1111111111111p-7, 0x1.1111111111111p-63},
        {0x1.6c16c16c16c17p-10, -0x1.f49f49f49f49fp-65},
        {0x1.a01a01a01a01ap-13, 0x1.a01a01a01a01ap-73},
        {0x1.a01a01a01a01ap-16, 0x1.a01a01a01a01ap-76},
    }};
    double_double q = inverse_factorials[7];
    for (std::size_t n = 7; n-- > 0;) q = q * r + inverse_factorials[n];
    return q * r;
}

constexpr double_double exp_accurate(double_double r, int j) {
    const double_double t = exp2_table[static_cast<std::size_t>(j)];
    return t + t * expm1_small(r);
}

// exp(x) as a double-double from its reduction, within 2^-103.9 relative for
// -600 < x < 700 (both parts stay normal once scaled).
constexpr double_double exp_double_double(const exp_reduction& reduced) {
    const double_double y = exp_accurate(reduced.r, reduced.k & (exp_table_size - 1));
    const double scale = pow2(reduced.k >> exp_table_bits);
    return {y.hi * scale, y.lo * scale};
}

// exp's rare path (1 call in 517 on [-20, 20], 1 in 9 on [-700, 700], where
// every |x| >= 620 comes here; measured, docs/math.md): the fast path could
// not decide the rounding, or x is beyond its range. Kept out of line so
// that the fast path stays small enough to inline.
[[gnu::noinline, gnu::cold]] constexpr double exp_rare(double x) {
    if ((x < 0 ? -x : x) <= 0x1p-54) return 1.0;  // |e^x - 1| < 2^-54 + 2^-108: rounds to 1
    const auto [r, k] = reduce_for_exp(x);
    const int e = k >> exp_table_bits;
    if (e >= -1021 && e <= 1022) {  // a normal result: scaling by 2^e is exact
        const double_double y = exp_accurate(r, k & (exp_table_size - 1));  // in [0.9997, 2)
        const auto [value, decided] = round_if_decided(y, 2 * exp_double_double_error);
        if (decided) return value * pow2(e);
    }
    return exp_last_resort(x);
}

// Where exp's fast path does not run or cannot decide: NaN, overflow,
// underflow, then the rare path. (Out of line, like exp_rare.)
[[gnu::noinline]] constexpr double exp_special_or_rare(double x) {
    if (x != x) return x;
    if (x > exp_overflow_bound) return infinity;
    if (x < exp_underflow_bound) return 0.0;
    return exp_rare(x);
}

// The fast paths run for |x| below this: there e (the power of two that scales
// the result) lies in [-895, 895], so every part and the result stay normal.
inline constexpr double exp_fast_range = 620.0;

}  // namespace bits

// e^x, correctly rounded. exp(NaN) is NaN, exp(+inf) = +inf, exp(-inf) = +0;
// results beyond the double range are +inf or +0 (never a failed constant
// evaluation), and tiny results are correctly rounded subnormals.
//
// The fast path is written out in this one body, and with its constants as
// literals: a constant evaluator pays for every call, and Clang's for every
// read of a named constant too (about 2,000 instructions each; this function
// is where compile-time training spends its time, docs/compile-time.md).
// Values used once are written where they are used, not named: Clang pays
// for each local too. The static_assert after it ties each literal to the
// named constant the other paths use.
constexpr double exp(double x) {
    CTNN_RETURN_IF_GCC_FOLDS(x > -708.0 && x < 709.0, __builtin_exp(x));
    if (x > -620.0 && x < 620.0) {  // |x| < bits::exp_fast_range, false for NaN
        // x = k ln2/1024 + r. The fast path needs r only to 2^-65, so two parts
        // of ln2/1024 do (the first has 32 bits: k part1 and x - k part1 are exact).
        const double kd = (x * 0x1.71547652b82fep+10 + 0x1.8p52) - 0x1.8p52;  // inv_ln2_1024, round_shift
        const double r = (x - kd * 0x1.62e42ff000000p-11) - kd * -0x1.718432a1b0e26p-45;  // ln2_1024_part1, _rest
        const int k = static_cast<int>(kd);
        const int j = k & 1023;  // exp_table_size - 1
        // exp(r) 2^(j/1024) ~= yh + yl, error below 2^-62: Taylor to degree 5
        // (truncation < 2^-76), r's own error < 2^-65, th * r rounded (< 2^-64).
        // Estrin's scheme and the order of the sums keep the dependency chain short.
        const double th = bits::exp2_table[j].hi;  // and .lo below
        const double r2 = r * r;
        const double v = th * r;
        const double yh = th + v;  // fast_two_sum(th, v), then the small terms, th (e^r - 1 - r) = th r^2 p(r):
        const double yl = ((v - (yh - th)) + bits::exp2_table[j].lo) +
                          (th * r2) * ((0.5 + r * 0x1.5555555555555p-3) +
                                       r2 * (0x1.5555555555555p-5 + r * 0x1.1111111111111p-7));
        // Ziv's test (bits::round_if_decided written out) with exp_fast_error:
        // if every value within the error rounds alike, that is the answer,
        // scaled by 2^e, e = k >> 10 (bits::pow2 written out). The result does
        // not wait for the test: a predicted branch.
        const double low = yh + (yl - 0x1p-62);
        if (low == yh + (yl + 0x1p-62))
            return low * std::bit_cast<double>(static_cast<std::uint64_t>((k >> 10) + 1023) << 52);
    }
    return bits::exp_special_or_rare(x);
}
static_assert(bits::exp_fast_range == 620.0 && bits::inv_ln2_1024 == 0x1.71547652b82fep+10 &&
                  bits::round_shift == 0x1.8p52 && bits::ln2_1024_part1 == 0x1.62e42ff000000p-11 &&
                  bits::ln2_1024_rest == -0x1.718432a1b0e26p-45 && bits::exp_table_size - 1 == 1023 &&
                  bits::exp_table_bits == 10 && bits::exp_fast_error == 0x1p-62,
              "ctnn::exp: its literals must be the named constants of the other paths");

namespace bits {
inline constexpr double ln2_1024_head = 0x1.62e42fefa39efp-11;  // ln2/1024 rounded to a double
inline constexpr double ln2_1024_tail = 0x1.abc9e3b39803fp-66;  // the rest, rounded
inline constexpr double exp_fma_error = 0x1.9p-64;  // relative to th: 2^-63.36, proven 2^-63.38 (docs/math.md)
inline constexpr double exp_fma_second_error = 0x1p-74;  // relative to th, proven 2^-75.06 (docs/math.md)

// t_lo / t_hi for each entry of exp2_table: 2^(j/1024) = t_hi (1 + ratio),
// so that exp_fma adds the table's low part inside one fused multiply-add.
inline constexpr auto exp2_lo_over_hi = [] {
    std::array<double, exp_table_size> ratio{};
    for (std::size_t j = 0; j < ratio.size(); ++j) ratio[j] = exp2_table[j].lo / exp2_table[j].hi;
    return ratio;
}();

// exp_fma's terms, for |x| < exp_fast_range (see exp_fma): x = k ln2/1024 + r + d
// with r exact and d = -k tail, and
//     e^x = th (1 + ratio) e^(r + d) ~= th (1 + r + r^2 p(r) + c (1 + r)),  c = d + ratio.
struct exp_fma_terms {
    double th;     // 2^(j/1024) rounded, times 2^e
    double r;
    double r2;     // r^2 rounded
    double p;      // p(r) = 1/2 + r/6 + r^2 (1/24 + r/120): e^r ~= 1 + r + r^2 p(r)
    double kd;     // k, as a double: d = -k tail
    double ratio;  // the table's low part over its high part
};

[[gnu::always_inline]] inline exp_fma_terms exp_fma_reduce(double x) {
    const double shifted = __builtin_fma(x, inv_ln2_1024, round_shift);  // 1.5 2^52 + k
    const double kd = shifted - round_shift;
    const auto k = static_cast<std::int32_t>(static_cast<std::uint32_t>(std::bit_cast<std::uint64_t>(shifted)));
    const auto j = static_cast<std::size_t>(k & (exp_table_size - 1));
    const double th = exp2_table[j].hi * pow2(k >> exp_table_bits);
    const double r = __builtin_fma(-kd, ln2_1024_head, x);  // exact: 53 bits from 2^-12 down to 2^-64
    const double r2 = r * r;
    const double p = __builtin_fma(r2, __builtin_fma(r, 0x1.1111111111111p-7, 0x1.5555555555555p-5),
                                   __builtin_fma(r, 0x1.5555555555555p-3, 0.5));
    return {th, r, r2, p, kd, exp2_lo_over_hi[j]};
}

// exp_fma's second chance, for the 1 call in about 910 that its rounding test
// cannot decide: its own terms, with r + r^2 p(r) kept exact as a double-double
// and c r^2/2 added, so that 2^-75 bounds the error instead of 2^-63.4. What
// this test cannot decide either (1 call in about 1.45 million) goes on to
// exp's rare path, which costs more than ten times as much (docs/math.md).
// The terms come one by one, in registers: a struct of six doubles would be
// passed in memory, and its stores would sit on exp_fma's fast path.
#if defined(__x86_64__) || defined(__i386__)
[[gnu::target("fma")]]  // called out of line from FMA kernels: without this, libm's fma
#endif
[[gnu::noinline]] inline double exp_fma_second_chance(double th, double r, double r2, double p, double kd, double ratio) {
    const double q = r2 * p;
    const double s = r + q;  // fast_two_sum(r, q), |q| < |r|: s + s_low is r + q exactly
    const double s_low = q - (s - r);
    const double c = __builtin_fma(-kd, ln2_1024_tail, ratio);
    const double low_terms = s_low + __builtin_fma(c * r2, 0.5, __builtin_fma(c, r, c));  // + c (1 + r + r^2/2)
    const double y = __builtin_fma(th, s, th);
    const double y_error = __builtin_fma(th, s, th - y) + th * low_terms;
    const double error = exp_fma_second_error * th;
    const double low = y + (y_error - error);
    if (low == y + (y_error + error)) return low;
    return exp_special_or_rare(__builtin_fma(kd, ln2_1024_head, r));  // x, exactly (r is exact)
}

// e^x with fused multiply-adds: the same correctly rounded result as
// ctnn::exp (a rounding test with its own proven bound, then a second chance,
// then the same rare path), on a dependency chain shorter than glibc's: k is
// read from the bits of the shifted product (no float-to-int conversion); the
// rest of the reduction (-k tail) and the table's low part go into r + c (1 + r)
// while the polynomial is computed, with 1 + r computed beside r (from x + 1),
// so that the table read and the polynomial end at about the same time; the
// result is one fused multiply-add, returned without waiting for the rounding
// test. Runtime only: for kernels compiled for an FMA target
// (bits/dispatch.hpp); elsewhere __builtin_fma is a call to the C library's
// fma, slow but still exact.
[[gnu::always_inline]] inline double exp_fma(double x) {
    // One test for the fast path's range, false for NaN: below 620 in
    // magnitude, e lies in [-895, 895], and every part stays a normal double.
    // The rest (NaN, overflow, underflow, results beyond 2^+-895) goes to
    // ctnn::exp's later phases, the undecided to a second chance.
    if (__builtin_fabs(x) < exp_fast_range) {
        const auto [th, r, r2, p, kd, ratio] = exp_fma_reduce(x);
        const double one_plus_r = __builtin_fma(-kd, ln2_1024_head, x + 1.0);  // x + 1 rounded: c makes it 2^-89
        const double s = __builtin_fma(ratio, one_plus_r, __builtin_fma(-kd * ln2_1024_tail, one_plus_r, r));
        const double t = __builtin_fma(r2, p, s);
        const double y = __builtin_fma(th, t, th);
        const double y_error = __builtin_fma(th, t, th - y);  // th - y is exact
        // Ziv's test: y is the correctly rounded result when every value
        // within the error of y + y_error rounds to y.
        const double error = exp_fma_error * th;
        if (y + (y_error - error) == y + (y_error + error)) return y;
        return exp_fma_second_chance(th, r, r2, p, kd, ratio);
    }
    return exp_special_or_rare(x);
}

#if defined(__x86_64__)
// exp_fma on two lanes at once (a GCC/Clang vector of two doubles), for a
// layer's neurons (fma_math below): exp_fma's steps in exp_fma's order, with
// its table and its rounding test, so each lane gives exp_fma's bits; a lane
// the test cannot decide (or outside the fast range, or NaN) is recomputed by
// the scalar exp_fma. bits/simd.hpp's exp4 takes the same steps on four
// lanes for ctnn::predict.
using f64x2 = double __attribute__((vector_size(16)));
using i64x2 = std::int64_t __attribute__((vector_size(16)));

[[gnu::target("fma"), gnu::always_inline]] inline f64x2 fma(f64x2 a, f64x2 b, f64x2 c) {
    return __builtin_ia32_vfmaddpd(a, b, c);
}

[[gnu::target("fma"), gnu::always_inline]] inline f64x2 exp_fma_pair(f64x2 x) {
    const f64x2 shifted = fma(x, f64x2{} + inv_ln2_1024, f64x2{} + round_shift);
    const f64x2 kd = shifted - round_shift;
    // The bits of 1.5 2^52 + k are those of 1.5 2^52 plus k, as integers.
    const i64x2 k = reinterpret_cast<i64x2>(shifted) - std::bit_cast<std::int64_t>(round_shift);
    const i64x2 j = k & (exp_table_size - 1);
    const f64x2 scale = reinterpret_cast<f64x2>(((k - j) << (52 - exp_table_bits)) + (std::int64_t{1023} << 52));
    const auto j0 = static_cast<std::size_t>(j[0]), j1 = static_cast<std::size_t>(j[1]);
    const f64x2 th = f64x2{exp2_table[j0].hi, exp2_table[j1].hi} * scale;
    const f64x2 lo_over_hi{exp2_lo_over_hi[j0], exp2_lo_over_hi[j1]};
    const f64x2 r = fma(-kd, f64x2{} + ln2_1024_head, x);
    const f64x2 r2 = r * r;
    const f64x2 p = fma(r2, fma(r, f64x2{} + 0x1.1111111111111p-7, f64x2{} + 0x1.5555555555555p-5),
                        fma(r, f64x2{} + 0x1.5555555555555p-3, f64x2{} + 0.5));
    const f64x2 one_plus_r = fma(-kd, f64x2{} + ln2_1024_head, x + 1.0);
    const f64x2 s = fma(lo_over_hi, one_plus_r, fma(-kd * ln2_1024_tail, one_plus_r, r));
    const f64x2 t = fma(r2, p, s);
    const f64x2 y_fast = fma(th, t, th);
    const f64x2 y_error = fma(th, t, th - y_fast);
    const f64x2 error = exp_fma_error * th;
    // exp_fma's conditions: |x| in its range (false for NaN), and the test decided.
    const f64x2 magnitude = reinterpret_cast<f64x2>(reinterpret_cast<i64x2>(x) & 0x7fffffffffffffff);
    const i64x2 decided = (magnitude < exp_fast_range) & (y_fast + (y_error - error) == y_fast + (y_error + error));
    f64x2 y = y_fast;
    if (!(decided[0] & decided[1])) [[unlikely]] {
        if (!decided[0]) y[0] = exp_fma(x[0]);
        if (!decided[1]) y[1] = exp_fma(x[1]);
    }
    return y;
}
#endif

// The elementary functions as a kernel's template argument. Each
// implementation is correctly rounded, so all give the same bits; a kernel
// runs with the fastest one the CPU has (bits/dispatch.hpp).
struct portable_math {  // constant evaluation, and CPUs without FMA
    // ctnn::exp itself, not a function that calls it: a constant evaluator
    // pays for every call (docs/compile-time.md).
    static constexpr double (*exp)(double) = ctnn::exp;
};
struct fma_math {  // runtime kernels compiled for an FMA target
#if defined(__x86_64__) || defined(__i386__)
    // Compiled for FMA itself: Clang's flatten inlines only the kernel's direct
    // calls, so a kernel's exp may be a call here, and without this its
    // __builtin_fma would be libm's fma (measured: 3x slower feedforward).
    // Out of line: inlined into the SGD loop, it ran slower with g++ (284
    // against 243 us, measured at 85c5b8a).
    [[gnu::target("fma")]]
#endif
    [[gnu::noinline]] static double exp(double x) { return exp_fma(x); }
#if defined(__x86_64__)
    // Two at once, one neuron per lane: a layer's neurons are independent, so
    // a layer of sigmoids makes half the calls (layer.hpp).
    using pair = f64x2;
    [[gnu::target("fma"), gnu::noinline]] static pair exp(pair x) { return exp_fma_pair(x); }
#endif
};

// x = m 2^e with m in [sqrt(1/2), sqrt(2)), for finite x > 0.
struct log_reduction {
    double m;
    int e;
};

constexpr log_reduction reduce_for_log(double x) {
    int e = 0;
    if (x < 0x1p-1022) {  // subnormal: scale into the normal range (exact)
        x *= 0x1p54;
        e = -54;
    }
    const auto x_bits = std::bit_cast<std::uint64_t>(x);
    e += static_cast<int>(x_bits >> 52) - 1023;
    const double m = std::bit_cast<double>((x_bits & ((std::uint64_t{1} << 52) - 1)) | (std::uint64_t{1023} << 52));
    if (m > 0x1.6a09e667f3bcdp+0) return {m * 0.5, e + 1};
    return {m, e};
}

// log x as a double-double for finite x > 0, within 2^-91.5 relative.
constexpr double_double log_double_double(log_reduction reduced_x) {
    const auto [m, e] = reduced_x;
    // y0 ~= log(m) = 2 atanh(s) to 2^-50 relative, then one Newton step
    // y = y0 + (m e^-y0 - 1) in double-double doubles the precision.
    const double f = m - 1.0;  // exact
    const double s = f / (m + 1.0);
    const double s2 = s * s;
    double series = 1.0 / 23;
    for (int n = 21; n >= 1; n -= 2) series = 1.0 / n + s2 * series;
    const double y0 = 2.0 * s * series;
    const exp_reduction reduced = reduce_for_exp(-y0);
    double_double correction{};
    if (reduced.k == 0) {
        // m e^-y0 - 1 = f + p + f p with p = expm1(-y0): no cancellation
        // error even when m is next to 1.
        const double_double p = expm1_small(reduced.r);
        correction = two_sum(f, p.hi) + double_double{p.lo, 0.0} + p * f;
    } else {
        const double_double me = exp_double_double(reduced) * m;
        correction = two_sum(me.hi - 1.0, me.lo);
    }
    constexpr double_double ln2{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56};
    return ln2 * static_cast<double>(e) + (two_sum(y0, correction.hi) + double_double{correction.lo, 0.0});
}
}  // namespace bits

// Natural logarithm, correctly rounded. log(0) = -inf, log(x < 0) = NaN.
constexpr double log(double x) {
    if (x != x || x == bits::infinity) return x;
    if (x < 0) return bits::quiet_nan;
    if (x == 0) return -bits::infinity;
    CTNN_RETURN_IF_GCC_FOLDS(x >= 0x1p-1022 && x != 1.0, __builtin_log(x));
    const bits::log_reduction reduced = bits::reduce_for_log(x);
    const bits::double_double y = bits::log_double_double(reduced);
    const double error = bits::log_double_double_error * (y.hi < 0 ? -y.hi : y.hi);
    const auto [value, decided] = bits::round_if_decided(y, error);
    return decided ? value : bits::log_last_resort(reduced.m, reduced.e);
}

// Square root, exactly rounded (as IEEE 754 requires of std::sqrt, which is
// what runs outside constant evaluation: the same bits, one instruction).
constexpr double sqrt(double x) {
    if (x != x || x == 0 || x == bits::infinity) return x;
    if (x < 0) return bits::quiet_nan;
    if (!std::is_constant_evaluated()) return __builtin_sqrt(x);
    // Exact rescaling by even powers of two keeps y^2 below from underflowing
    // or overflowing.
    if (x < 0x1p-900) return sqrt(x * 0x1p1000) * 0x1p-500;
    if (x > 0x1p900) return sqrt(x * 0x1p-1000) * 0x1p500;
    // Start within a factor of 2 (halve the exponent), then Newton.
    const auto x_bits = std::bit_cast<std::uint64_t>(x);
    double y = std::bit_cast<double>((x_bits >> 1) + (std::uint64_t{511} << 52));
    for (int i = 0; i < 6; ++i) y = 0.5 * (y + x / y);
    // y is now within an ulp; settle on the double whose half-ulp interval
    // holds sqrt(x), comparing (y +- ulp/2)^2 with x exactly.
    for (int i = 0; i < 2; ++i) {
        const auto y_bits = std::bit_cast<std::uint64_t>(y);
        const double ulp_up = std::bit_cast<double>(y_bits + 1) - y;
        const double ulp_down = y - std::bit_cast<double>(y_bits - 1);
        const auto [p, p_err] = bits::two_prod(y, y);
        const double residual = (x - p) - p_err;  // x - y^2; the sums below are exact
        if (residual - y * ulp_up > 0.25 * ulp_up * ulp_up) {  // (y + ulp/2)^2 < x
            y += ulp_up;
        } else if (residual + y * ulp_down < 0.25 * ulp_down * ulp_down) {  // (y - ulp/2)^2 > x
            y -= ulp_down;
        }
    }
    return y;
}

namespace bits {
// e^x - 1 as a double-double for -40 <= x <= 700, within 2^-92 relative.
constexpr double_double expm1_double_double(double x) {
    const exp_reduction reduced = reduce_for_exp(x);
    if (reduced.k == 0) return expm1_small(reduced.r);  // |x| <= ln2/2048: full relative precision
    const double_double y = exp_double_double(reduced);
    return two_sum(y.hi, -1.0) + double_double{y.lo, 0.0};
}
}  // namespace bits

// e^x - 1, correctly rounded; what tanh is built on.
constexpr double expm1(double x) {
    if (x != x || x == 0) return x;  // NaN, and zero keeping its sign
    // e^x - 1 rounds like e^x up there: 1 is below 2^-1009 e^x, and no e^x
    // comes that close to a rounding boundary (docs/math.md).
    if (x > 700.0) return exp(x);
    if (x < -40.0) return -1.0;  // e^x < 2^-57: -1 + e^x rounds to -1
    // x^2/2 is below half the spacing of doubles around x: rounds to x.
    if ((x < 0 ? -x : x) <= 0x1p-54) return x;
    CTNN_RETURN_IF_GCC_FOLDS(x > -708.0 && x < 709.0, __builtin_expm1(x));
    const bits::double_double m = bits::expm1_double_double(x);
    const double error = bits::expm1_double_double_error * (m.hi < 0 ? -m.hi : m.hi);
    const auto [value, decided] = bits::round_if_decided(m, error);
    return decided ? value : bits::expm1_last_resort(x);
}

namespace bits {
// tanh a as a double-double for 2^-27 < a <= 20, within 2^-90 relative:
// tanh a = -expm1(-2a) / (2 + expm1(-2a)), no cancellation near 0.
constexpr double_double tanh_double_double(double a) {
    const double_double m = expm1_double_double(-2.0 * a);
    const double_double numerator{-m.hi, -m.lo};
    const double_double denominator = two_sum(2.0, m.hi) + double_double{m.lo, 0.0};
    const double q = numerator.hi / denominator.hi;  // then one correction step
    const double_double product = denominator * q;
    const double_double remainder = numerator + double_double{-product.hi, -product.lo};
    return {q, (remainder.hi + remainder.lo) / denominator.hi};
}

// tanh x, correctly rounded (ctnn::tanh_t's value).
constexpr double tanh(double x) {
    if (x != x || x == 0) return x;  // NaN, and zero keeping its sign
    const double a = x < 0 ? -x : x;
    if (a > 20) return x < 0 ? -1.0 : 1.0;  // 1 - tanh(20) < 2^-55: rounds to 1
    if (a <= 0x1p-27) return x;               // x^3/3 is below half an ulp of x
    CTNN_RETURN_IF_GCC_FOLDS(true, __builtin_tanh(x));  // |x| in (2^-27, 20]
    const double_double t = tanh_double_double(a);
    const auto [value, decided] = round_if_decided(t, tanh_double_double_error * t.hi);
    if (!decided) return tanh_last_resort(x);
    return x < 0 ? -value : value;
}
}  // namespace bits

// Dot product, summed left to right: ((a0*b0 + a1*b1) + a2*b2) + ...,
// the order the notebook's scalar expressions use.
template <class T, std::size_t N>
constexpr T dot(const std::array<T, N>& a, const std::array<T, N>& b) {
    static_assert(N > 0, "ctnn::dot: vectors must not be empty");
    T sum = a[0] * b[0];
    for (std::size_t i = 1; i < N; ++i) sum += a[i] * b[i];
    return sum;
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#undef CTNN_RETURN_IF_GCC_FOLDS

#endif
