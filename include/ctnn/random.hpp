// A constexpr MT19937 and numpy's legacy normal generator, so that
// ctnn::numpy_random(N) draws exactly what np.random.seed(N) followed by
// np.random.normal() draws, at compile time as at runtime.
#ifndef CTNN_RANDOM_HPP
#define CTNN_RANDOM_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

// The 32-bit Mersenne Twister, seeded with init_genrand(seed): the same
// sequence as std::mt19937(seed), which is not constexpr in C++20.
class mt19937 {
public:
    constexpr explicit mt19937(std::uint32_t seed) {
        state_[0] = seed;
        for (std::uint32_t i = 1; i < n; ++i)
            state_[i] = 1812433253u * (state_[i - 1] ^ (state_[i - 1] >> 30)) + i;
    }

    constexpr std::uint32_t operator()() {
        if (index_ == n) twist();
        std::uint32_t y = state_[index_++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

private:
    static constexpr std::size_t n = 624;
    static constexpr std::size_t m = 397;

    constexpr void twist() {
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t y = (state_[i] & 0x80000000u) | (state_[(i + 1) % n] & 0x7fffffffu);
            state_[i] = state_[(i + m) % n] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
        }
        index_ = 0;
    }

    std::array<std::uint32_t, n> state_{};
    std::size_t index_ = n;
};

// numpy's legacy RandomState draws (numpy/random/src/legacy): a uniform double
// from two 32-bit words, and the polar Box-Muller normal, which makes normals
// in pairs and hands out the second one on the next call.
class numpy_random {
public:
    constexpr explicit numpy_random(std::uint32_t seed) : bits_(seed) {}

    // Uniform in [0, 1) with 53 random bits.
    constexpr double uniform() {
        const std::uint32_t a = bits_() >> 5;
        const std::uint32_t b = bits_() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    // Standard normal, as np.random.normal() with no arguments.
    constexpr double normal() {
        if (has_spare_) {
            has_spare_ = false;
            return spare_;
        }
        double x1 = 0, x2 = 0, r2 = 0;
        do {
            x1 = 2.0 * uniform() - 1.0;
            x2 = 2.0 * uniform() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = sqrt(-2.0 * log(r2) / r2);
        spare_ = f * x1;
        has_spare_ = true;
        return f * x2;
    }

private:
    mt19937 bits_;
    double spare_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
