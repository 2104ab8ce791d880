// Unsigned 256-bit fixed-point numbers with 192 fraction bits: the arithmetic
// of the math core's last resort (bits/last_resort.hpp).
//
// Every operation is exact or truncates, so an error bound is a count of units
// of 2^-192: adding and subtracting are exact; multiplying and dividing drop
// less than one unit each. That makes the last resort's bound easy to prove.
#ifndef CTNN_BITS_FIXED_POINT_HPP
#define CTNN_BITS_FIXED_POINT_HPP

#include <array>
#include <bit>
#include <cstdint>
#include <limits>

#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits {

__extension__ using uint128 = unsigned __int128;  // GCC and Clang, constexpr on both

// limb[0] + limb[1] 2^64 + limb[2] 2^128 + limb[3] 2^192, times 2^-192:
// limb[3] is the integer part (below 2^64), the others the fraction.
struct fixed {
    std::array<std::uint64_t, 4> limb{};
};

inline constexpr int fixed_fraction_bits = 192;

constexpr fixed fixed_integer(std::uint64_t n) { return {{0, 0, 0, n}}; }

constexpr bool operator<(const fixed& a, const fixed& b) {
    for (int i = 3; i >= 0; --i) {
        if (a.limb[i] != b.limb[i]) return a.limb[i] < b.limb[i];
    }
    return false;
}

constexpr bool is_zero(const fixed& a) { return (a.limb[0] | a.limb[1] | a.limb[2] | a.limb[3]) == 0; }

// a + b, exact (the sum stays below 2^64).
constexpr fixed operator+(const fixed& a, const fixed& b) {
    fixed sum;
    std::uint64_t carry = 0;
    for (int i = 0; i < 4; ++i) {
        const uint128 s = uint128{a.limb[i]} + b.limb[i] + carry;
        sum.limb[i] = static_cast<std::uint64_t>(s);
        carry = static_cast<std::uint64_t>(s >> 64);
    }
    return sum;
}

// a - b for a >= b, exact.
constexpr fixed operator-(const fixed& a, const fixed& b) {
    fixed difference;
    std::uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
        const uint128 s = uint128{a.limb[i]} - b.limb[i] - borrow;
        difference.limb[i] = static_cast<std::uint64_t>(s);
        borrow = static_cast<std::uint64_t>(s >> 64) != 0 ? 1 : 0;
    }
    return difference;
}

// a * b truncated to 192 fraction bits: the error is below 2^-192.
constexpr fixed operator*(const fixed& a, const fixed& b) {
    std::array<std::uint64_t, 8> product{};
    for (int i = 0; i < 4; ++i) {
        std::uint64_t carry = 0;
        for (int j = 0; j < 4; ++j) {
            const uint128 p = uint128{a.limb[i]} * b.limb[j] + product[i + j] + carry;
            product[i + j] = static_cast<std::uint64_t>(p);
            carry = static_cast<std::uint64_t>(p >> 64);
        }
        product[i + 4] = carry;
    }
    return {{product[3], product[4], product[5], product[6]}};
}

// a * n for a small integer n, exact (the product stays below 2^64).
constexpr fixed operator*(const fixed& a, std::uint64_t n) {
    fixed product;
    std::uint64_t carry = 0;
    for (int i = 0; i < 4; ++i) {
        const uint128 p = uint128{a.limb[i]} * n + carry;
        product.limb[i] = static_cast<std::uint64_t>(p);
        carry = static_cast<std::uint64_t>(p >> 64);
    }
    return product;
}

// a / n truncated: the error is below 2^-192.
constexpr fixed operator/(const fixed& a, std::uint64_t n) {
    fixed quotient;
    uint128 remainder = 0;
    for (int i = 3; i >= 0; --i) {
        const uint128 current = (remainder << 64) | a.limb[i];
        quotient.limb[i] = static_cast<std::uint64_t>(current / n);
        remainder = current % n;
    }
    return quotient;
}

// a / b for a < b truncated (restoring division, one bit at a time): the
// error is below 2^-192. b must be below 2^63, so that 2 * remainder fits.
constexpr fixed divide_below_one(fixed remainder, const fixed& b) {
    fixed quotient;
    for (int bit = fixed_fraction_bits - 1; bit >= 0; --bit) {
        remainder = remainder + remainder;
        if (!(remainder < b)) {
            remainder = remainder - b;
            quotient.limb[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }
    return quotient;
}

// Bit i of a's 256-bit integer (bit 192 is the unit); 0 outside 0..255.
constexpr std::uint64_t bit_at(const fixed& a, int i) {
    if (i < 0 || i > 255) return 0;
    return (a.limb[i / 64] >> (i % 64)) & 1;
}

// a * 2^-s, truncated: the error is below 2^-192.
constexpr fixed shifted_right(const fixed& a, int s) {
    fixed result;
    for (int i = 0; i + s < 256; ++i) result.limb[i / 64] |= bit_at(a, i + s) << (i % 64);
    return result;
}

// Nonnegative x below 2^64 as fixed, exact when x is a multiple of 2^-192.
constexpr fixed to_fixed(double x) {
    if (x == 0) return {};
    const auto x_bits = std::bit_cast<std::uint64_t>(x);
    const int biased = static_cast<int>(x_bits >> 52);
    const std::uint64_t significand =
        (x_bits & ((std::uint64_t{1} << 52) - 1)) | (biased != 0 ? std::uint64_t{1} << 52 : 0);
    // x = significand * 2^(exponent - 52): bit j of the significand lands on
    // bit j + offset of the fixed number.
    const int offset = (biased != 0 ? biased : 1) - 1023 - 52 + fixed_fraction_bits;
    fixed result;
    for (int j = 0; j < 53; ++j) {
        const int i = j + offset;
        if (i >= 0 && i < 256) result.limb[i / 64] |= ((significand >> j) & 1) << (i % 64);
    }
    return result;
}

// The double nearest to a * 2^scale (ties to even), subnormals, overflow to
// +inf and underflow to +0 included: a single, correct rounding of the value
// a holds exactly.
constexpr double to_double(const fixed& a, int scale) {
    int top = 255;
    while (top >= 0 && bit_at(a, top) == 0) --top;
    if (top < 0) return 0.0;
    // a 2^scale lies in [2^exponent, 2^(exponent + 1)).
    const int exponent = top - fixed_fraction_bits + scale;
    if (exponent > 1023) return std::numeric_limits<double>::infinity();
    // Keep 53 significant bits, fewer where the result is subnormal.
    const int kept = exponent >= -1022 ? 53 : exponent + 1075;
    if (kept < 0) return 0.0;
    const int lowest = top - kept + 1;  // the position of the last kept bit
    std::uint64_t significand = 0;
    for (int i = top; i >= lowest; --i) significand = (significand << 1) | bit_at(a, i);
    bool sticky = false;
    for (int i = lowest - 2; i >= 0 && !sticky; --i) sticky = bit_at(a, i) != 0;
    if (bit_at(a, lowest - 1) != 0 && (sticky || (significand & 1) != 0)) ++significand;
    // significand * 2^(exponent - kept + 1), written as the double's bits:
    // a carry out of the top bit moves into the exponent field by itself.
    if (exponent < -1022) return std::bit_cast<double>(significand);  // subnormal (or 2^-1022)
    const std::uint64_t bits = (static_cast<std::uint64_t>(exponent + 1023) << 52) + (significand - (std::uint64_t{1} << 52));
    if ((bits >> 52) >= 2047) return std::numeric_limits<double>::infinity();
    return std::bit_cast<double>(bits);
}

}  // namespace ctnn::bits
CTNN_END_SEPARATE_ROUNDING

#endif
