// The math core's last resort: exp, expm1, log and tanh to within 2^-176
// relative, in 192-bit fixed point, then one correct rounding.
//
// math.hpp tries a fast double evaluation and then a double-double one, each
// with a rounding test; the few inputs whose result lies too close to a
// rounding boundary for both come here. No double's exp, expm1, log or tanh lies
// that close to a boundary (the worst cases, docs/math.md), so rounding this
// approximation is rounding the exact value. Slow (microseconds), and rare:
// a random input needs it with probability 2^-42 (exp) to 2^-26 (tanh).
#ifndef CTNN_BITS_LAST_RESORT_HPP
#define CTNN_BITS_LAST_RESORT_HPP

#include <bit>
#include <cstdint>

#include <ctnn/bits/fixed_point.hpp>
#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits {

// Every function here is within this relative error before its rounding
// (the bound of each is derived beside it and in docs/math.md).
inline constexpr double last_resort_error = 0x1p-176;

// ln 2 truncated to 192 fraction bits (0.54 units of 2^-192 below it).
inline constexpr fixed ln2_fixed{{0x40f343267298b62d, 0xc9e3b39803f2f6af, 0xb17217f7d1cf79ab, 0}};

// e^r for 0 <= r <= ln 2: e^(r/256) by its Taylor series (18 terms, each off
// by less than 3 units), then squared 8 times, which multiplies the relative
// error by 256: below 2^13.3 units of 2^-192 in all.
constexpr fixed exp_series(const fixed& r) {
    const fixed t = shifted_right(r, 8);
    fixed term = fixed_integer(1);
    fixed sum = term;
    for (std::uint64_t i = 1; !is_zero(term); ++i) {
        term = term * t / i;
        sum = sum + term;
    }
    for (int i = 0; i < 8; ++i) sum = sum * sum;
    return sum;
}

// value = significand * 2^exponent
struct scaled_fixed {
    fixed significand;
    int exponent;
};

// e^x = 2^n e^r with r in [0, ln 2], for 2^-140 <= |x| < 746 (so |x| is exact
// in fixed point). Relative error below 2^-178.6: the reduction is off by at
// most (q + 1) 0.54 < 582 units (q <= 1075), e^r by 2^13.3 units relative.
constexpr scaled_fixed exp_fixed(double x) {
    const double magnitude = x < 0 ? -x : x;
    const fixed a = to_fixed(magnitude);
    // q = floor(|x| / ln 2): a double estimate, then corrected exactly.
    auto q = static_cast<std::uint64_t>(magnitude * 0x1.71547652b82fep0);
    while (a < ln2_fixed * q) --q;
    fixed r = a - ln2_fixed * q;
    while (!(r < ln2_fixed)) {
        r = r - ln2_fixed;
        ++q;
    }
    // x >= 0: e^x = 2^q e^r; x < 0: e^x = 2^-q e^-r = 2^-(q + 1) e^(ln 2 - r).
    if (x >= 0) return {exp_series(r), static_cast<int>(q)};
    return {exp_series(ln2_fixed - r), -static_cast<int>(q) - 1};
}

// e^x correctly rounded, for 2^-140 <= |x| < 746.
constexpr double exp_last_resort(double x) {
    const auto [significand, exponent] = exp_fixed(x);
    return to_double(significand, exponent);
}

// |x| as fixed (exact), scaled by 2^shift into [1/2, 1), for 2^-1000 <= |x| < 1.
constexpr scaled_fixed to_unit_fixed(double magnitude) {
    const int exponent = static_cast<int>(std::bit_cast<std::uint64_t>(magnitude) >> 52) - 1022;
    return {to_fixed(magnitude * std::bit_cast<double>(static_cast<std::uint64_t>(1023 - exponent) << 52)), exponent};
}

// |e^x - 1| within 2^-181 relative, for 2^-54 <= |x| and -40 <= x <= 700.
constexpr scaled_fixed expm1_magnitude(double x) {
    const fixed one = fixed_integer(1);
    const double magnitude = x < 0 ? -x : x;
    if (magnitude < 1) {
        // e^t - 1 = t (1 + t/2! + t^2/3! + ...) for t = x 2^-h below 2^-8 (18
        // terms): a relative error that does not grow as x shrinks. For t < 0
        // the series alternates: even and odd powers are summed apart, then
        // subtracted exactly. Then h doublings: e^2t - 1 = (e^t - 1)(e^t + 1),
        // that is M <- M (2 + M) for x > 0 and M <- M (2 - M) for x < 0 with
        // M = |e^t - 1|, each adding 3 units and multiplying the relative
        // error by at most 1.46. Below 2^10 units of 2^-192 relative in all.
        const auto [u, shift] = to_unit_fixed(magnitude);  // |x| = u 2^shift, u in [1/2, 1)
        const int halvings = shift > -8 ? shift + 8 : 0;
        const fixed t = shifted_right(to_fixed(magnitude), halvings);  // exact
        fixed positive = one;
        fixed negative{};
        fixed term = one;
        for (std::uint64_t i = 1; !is_zero(term); ++i) {
            term = term * t / (i + 1);  // |t|^i / (i + 1)!
            if (x < 0 && i % 2 == 1) {
                negative = negative + term;
            } else {
                positive = positive + term;
            }
        }
        const int exponent = shift - halvings;
        fixed m = u * (positive - negative);  // M = m 2^exponent
        const fixed two = fixed_integer(2);
        for (int i = 0; i < halvings; ++i) {
            const fixed previous = shifted_right(m, -exponent);
            m = m * (x > 0 ? two + previous : two - previous);
        }
        return {m, exponent};
    }
    auto [significand, exponent] = exp_fixed(x);
    if (exponent >= 0) {  // e^x - 1 = 2^n (s - 2^-n); 2^-n below 2^-192 is dropped
        if (exponent < fixed_fraction_bits) significand = significand - shifted_right(one, exponent);
        return {significand, exponent};
    }
    return {one - shifted_right(significand, -exponent), 0};  // 1 - e^x = 1 - 2^n s
}

// e^x - 1 correctly rounded, for 2^-54 <= |x| and -40 <= x <= 700.
constexpr double expm1_last_resort(double x) {
    const auto [significand, exponent] = expm1_magnitude(x);
    const double magnitude = to_double(significand, exponent);
    return x < 0 ? -magnitude : magnitude;
}

// tanh x correctly rounded, for 2^-27 <= |x| <= 20: with E = |e^(-2|x|) - 1|,
// in (0, 1), tanh |x| = E / (2 - E), a quotient below 1 computed to 4 units of 2^-192.
constexpr double tanh_last_resort(double x) {
    const auto [e, exponent] = expm1_magnitude(x < 0 ? 2 * x : -2 * x);  // E = e 2^exponent, exponent <= 0
    const fixed denominator = fixed_integer(2) - shifted_right(e, -exponent);
    const double magnitude = to_double(divide(e, denominator), exponent);
    return x < 0 ? -magnitude : magnitude;
}

// log(m 2^e) correctly rounded, for m in [sqrt(1/2), sqrt(2)), m 2^e != 1.
constexpr double log_last_resort(double m, int e) {
    // log m = 2 atanh(s) = 2 s (1 + s^2/3 + s^4/5 + ...), s = |m - 1| / (m + 1) <= 0.172,
    // with s scaled into [1/2, 1) so that the relative error does not grow as
    // m nears 1.
    const bool below_one = m < 1;
    const fixed one = fixed_integer(1);
    const double distance = below_one ? 1 - m : m - 1;  // exact
    fixed log_m_scaled{};  // |log m| 2^-shift
    int shift = 0;
    if (distance != 0) {
        const auto [d, d_shift] = to_unit_fixed(distance);  // |m - 1| = d 2^d_shift
        shift = d_shift;
        const fixed s_scaled = divide(d, to_fixed(m) + one);  // s 2^-shift, in [0.2, 0.6)
        const fixed s = shifted_right(s_scaled, -shift);
        const fixed s2 = s * s;
        fixed power = one, series = one;
        for (std::uint64_t k = 3; !is_zero(power); k += 2) {
            power = power * s2;
            series = series + power / k;
        }
        log_m_scaled = s_scaled * series;
        log_m_scaled = log_m_scaled + log_m_scaled;
    }
    if (e == 0) {
        const double result = to_double(log_m_scaled, shift);
        return below_one ? -result : result;
    }
    // log x = e ln 2 + log m with |e ln 2| >= 0.69 > |log m|: the sign is e's.
    const fixed e_ln2 = ln2_fixed * static_cast<std::uint64_t>(e < 0 ? -e : e);
    const fixed log_m = shifted_right(log_m_scaled, -shift);
    const fixed total = (e > 0) == below_one ? e_ln2 - log_m : e_ln2 + log_m;
    const double result = to_double(total, 0);
    return e < 0 ? -result : result;
}

}  // namespace ctnn::bits
CTNN_END_SEPARATE_ROUNDING

#endif
