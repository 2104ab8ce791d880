// Helpers shared by the tests.
#ifndef CTNN_TESTS_SUPPORT_HPP
#define CTNN_TESTS_SUPPORT_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace ctnn_test {

// The value itself in a constant expression; at runtime a value the optimiser
// cannot see through, so that the runtime build of a STATIC_REQUIRE really
// computes at runtime instead of folding the whole check at compile time.
template <class T>
constexpr T opaque(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (std::is_constant_evaluated()) return value;
    // Each byte is read back through a volatile access: its value is unknown.
    auto* bytes = reinterpret_cast<volatile unsigned char*>(&value);
    for (std::size_t i = 0; i < sizeof(T); ++i) bytes[i] = bytes[i];
    return value;
}

// Equal as bits: tells +0 from -0 and compares NaNs.
constexpr bool same_bits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

}  // namespace ctnn_test

#endif
