// Error-free transformations and double-double arithmetic.
//
// A double_double holds hi + lo with |lo| <= ulp(hi) / 2: about 106 bits of
// precision, enough to round exp and log to nearest in every case tests can
// reach. Everything is plain double arithmetic (no FMA: Dekker's split gives
// the exact product), so it evaluates identically in constant expressions and
// at runtime.
#ifndef CTNN_BITS_DOUBLE_DOUBLE_HPP
#define CTNN_BITS_DOUBLE_DOUBLE_HPP

#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits {

struct double_double {
    double hi;
    double lo;
};

// a + b == s + e exactly (Knuth), for any a, b.
constexpr double_double two_sum(double a, double b) {
    const double s = a + b;
    const double b_virtual = s - a;
    const double a_virtual = s - b_virtual;
    return {s, (a - a_virtual) + (b - b_virtual)};
}

// a + b == s + e exactly, when |a| >= |b| (Dekker).
constexpr double_double fast_two_sum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
}

// a == hi + lo with hi, lo of at most 26 significant bits each (Veltkamp).
// Valid for |a| < 2^996, far beyond anything exp or log reduce to.
constexpr double_double split(double a) {
    const double t = 134217729.0 * a;  // 2^27 + 1
    const double hi = t - (t - a);
    return {hi, a - hi};
}

// a * b == p + e exactly (Dekker), barring underflow.
constexpr double_double two_prod(double a, double b) {
    const double p = a * b;
    const auto [ah, al] = split(a);
    const auto [bh, bl] = split(b);
    return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

constexpr double_double operator+(double_double a, double_double b) {
    const auto [s, e] = two_sum(a.hi, b.hi);
    const auto [t, f] = two_sum(a.lo, b.lo);
    const auto [u, g] = fast_two_sum(s, e + t);
    return fast_two_sum(u, g + f);
}

constexpr double_double operator*(double_double a, double_double b) {
    const auto [p, e] = two_prod(a.hi, b.hi);
    return fast_two_sum(p, e + (a.hi * b.lo + a.lo * b.hi));
}

constexpr double_double operator*(double_double a, double b) {
    const auto [p, e] = two_prod(a.hi, b);
    return fast_two_sum(p, e + a.lo * b);
}

}  // namespace ctnn::bits
CTNN_END_SEPARATE_ROUNDING

#endif
