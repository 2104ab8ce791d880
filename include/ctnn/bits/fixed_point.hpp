// Unsigned 256-bit fixed-point numbers with 192 fraction bits: the arithmetic
// of the math core's last resort (bits/last_resort.hpp).
//
// Every operation is exact or truncates, so an error bound is a count of units
// of 2^-192: adding and subtracting are exact; multiplying and dividing drop
// less than one unit each. That makes the last resort's bound easy to prove.
#ifndef CTNN_BITS_FIXED_POINT_HPP
#define CTNN_BITS_FIXED_POINT_HPP

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
    std::uint64_t limb[4]{};  // a plain array: cheaper than std::array to evaluate at compile time
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
    std::uint64_t product[8]{};
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

// a * 2^-s for s >= 0, truncated: the error is below 2^-192.
constexpr fixed shifted_right(const fixed& a, int s) {
    fixed result;
    const int limbs = s / 64;
    const int bits = s % 64;
    for (int i = 0; i + limbs < 4; ++i) {
        result.limb[i] = a.limb[i + limbs] >> bits;
        if (bits != 0 && i + limbs + 1 < 4) result.limb[i] |= a.limb[i + limbs + 1] << (64 - bits);
    }
    return result;
}

// a * 2^s for s >= 0, exact when the result stays below 2^64.
constexpr fixed shifted_left(const fixed& a, int s) {
    fixed result;
    const int limbs = s / 64;
    const int bits = s % 64;
    for (int i = 3; i - limbs >= 0; --i) {
        result.limb[i] = a.limb[i - limbs] << bits;
        if (bits != 0 && i - limbs - 1 >= 0) result.limb[i] |= a.limb[i - limbs - 1] >> (64 - bits);
    }
    return result;
}

// The position of a's highest set bit (192 for the unit), -1 for zero.
constexpr int top_bit(const fixed& a) {
    for (int i = 3; i >= 0; --i) {
        if (a.limb[i] != 0) return 64 * i + 63 - std::countl_zero(a.limb[i]);
    }
    return -1;
}

// Nonnegative x below 2^64 as fixed, exact when x is a multiple of 2^-192.
constexpr fixed to_fixed(double x) {
    const auto x_bits = std::bit_cast<std::uint64_t>(x);
    const int biased = static_cast<int>(x_bits >> 52);
    const std::uint64_t significand =
        (x_bits & ((std::uint64_t{1} << 52) - 1)) | (biased != 0 ? std::uint64_t{1} << 52 : 0);
    // x = significand 2^(exponent - 52): the significand's lowest bit lands on
    // bit `offset` of the fixed number (bit 192 is the unit).
    const int offset = (biased != 0 ? biased : 1) - 1023 - 52 + fixed_fraction_bits;
    const fixed integer{{significand, 0, 0, 0}};
    return offset >= 0 ? shifted_left(integer, offset) : shifted_right(integer, -offset);
}

// The double nearest to a * 2^scale (ties to even), subnormals, overflow to
// +inf and underflow to +0 included: a single, correct rounding of the value
// a holds exactly.
constexpr double to_double(const fixed& a, int scale) {
    const int top = top_bit(a);
    if (top < 0) return 0.0;
    // a 2^scale lies in [2^exponent, 2^(exponent + 1)).
    const int exponent = top - fixed_fraction_bits + scale;
    if (exponent > 1023) return std::numeric_limits<double>::infinity();
    // Keep 53 significant bits, fewer where the result is subnormal.
    const int kept = exponent >= -1022 ? 53 : exponent + 1075;
    if (kept < 0) return 0.0;
    // With the top bit moved to bit 255, the kept bits lead limb 3; below them
    // come the rounding bit and the rest (sticky).
    const fixed normalized = shifted_left(a, 255 - top);
    std::uint64_t significand = kept == 0 ? 0 : normalized.limb[3] >> (64 - kept);
    const std::uint64_t below = kept == 0 ? normalized.limb[3] : normalized.limb[3] << kept;  // rounding bit first
    const bool rounding_bit = (below >> 63) != 0;
    const bool sticky = (below << 1) != 0 || (normalized.limb[0] | normalized.limb[1] | normalized.limb[2]) != 0;
    if (rounding_bit && (sticky || (significand & 1) != 0)) ++significand;
    // significand * 2^(exponent - kept + 1), written as the double's bits:
    // a carry out of the top bit moves into the exponent field by itself.
    if (exponent < -1022) return std::bit_cast<double>(significand);  // subnormal (or 2^-1022)
    const std::uint64_t bits =
        (static_cast<std::uint64_t>(exponent + 1023) << 52) + (significand - (std::uint64_t{1} << 52));
    if ((bits >> 52) >= 2047) return std::numeric_limits<double>::infinity();
    return std::bit_cast<double>(bits);
}

// a / b for a < 1 <= b < 4, within 4 units of 2^-192: a times 1/b, which
// Newton's iteration y <- y (2 - b y) refines from the double 1/b (2^-52) to
// 2^-104, then to 2^-208 plus the truncations (2 units).
constexpr fixed divide(const fixed& a, const fixed& b) {
    const fixed two = fixed_integer(2);
    fixed y = to_fixed(1.0 / to_double(b, 0));
    for (int i = 0; i < 2; ++i) y = y * (two - b * y);
    return a * y;
}

}  // namespace ctnn::bits
CTNN_END_SEPARATE_ROUNDING

#endif
