// Runs a kernel with the fastest implementation of the elementary functions
// this CPU has, chosen once per call of train, predict or feedforward, not
// once per exp.
//
// The kernel is a generic lambda taking the implementation (portable_math or
// fma_math, math.hpp). For FMA it is instantiated inside a function compiled
// for the FMA target and flattened, so everything it calls (the network code,
// exp_fma) is compiled with FMA instructions, and a baseline x86-64 build
// still runs everywhere. Every implementation gives the same bits.
//
// Tests force the portable path on an FMA machine with the environment
// variable CTNN_MATH=portable, and the one-row FMA path with CTNN_MATH=fma.
#ifndef CTNN_BITS_DISPATCH_HPP
#define CTNN_BITS_DISPATCH_HPP

#include <cstdlib>
#include <string_view>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::bits {

enum class math_kind {
    portable = 0,  // ctnn::exp: constant evaluation, and CPUs without FMA
    fma,           // exp_fma, one row at a time
    fma_avx2,      // exp_fma, and four rows at a time where a kernel can (ctnn::predict)
};

// What this CPU runs: the best it has, unless the environment variable
// CTNN_MATH says "portable" or "fma" (tests force each path with it).
[[gnu::noinline, gnu::cold]] inline math_kind detect_fastest_math() {
    const char* forced_text = std::getenv("CTNN_MATH");
    const std::string_view forced = forced_text != nullptr ? forced_text : "";
    if (forced == "portable") return math_kind::portable;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("fma")) {
        return forced != "fma" && __builtin_cpu_supports("avx2") ? math_kind::fma_avx2 : math_kind::fma;
    }
#endif
    return math_kind::portable;
}

// Decided once, when the program starts: then choosing is one load and one
// compare where the kernel is called (a single feedforward takes a few tens
// of nanoseconds). Until then (a kernel run while another object is being
// statically initialised) it is zero, math_kind::portable: the same bits.
inline const math_kind fastest_math_kind = detect_fastest_math();

inline math_kind fastest_math() { return fastest_math_kind; }

#if defined(__x86_64__) || defined(__i386__)
template <class Kernel>
[[gnu::target("fma"), gnu::flatten]] decltype(auto) run_with_fma(const Kernel& kernel) {
    return kernel(fma_math{});
}
#endif

// Out of line, so that the dispatch below stays small enough to inline.
template <class Kernel>
[[gnu::noinline]] decltype(auto) run_with_portable_math(const Kernel& kernel) {
    return kernel(portable_math{});
}

template <class Kernel>
[[gnu::always_inline]] inline decltype(auto) run_with_fastest_math(const Kernel& kernel) {
#if defined(__x86_64__) || defined(__i386__)
    if (fastest_math() != math_kind::portable) [[likely]] return run_with_fma(kernel);
#endif
    return run_with_portable_math(kernel);
}

}  // namespace ctnn::bits
CTNN_END_SEPARATE_ROUNDING

#endif
