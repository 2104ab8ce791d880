// Keeps the compiler from fusing a * b + c into one fused multiply-add (FMA)
// in ctnn's own code, whatever flags the including program is built with.
//
// Constant evaluation rounds every operation separately, so runtime code must
// too, or the two would give different bits. Error-free transformations
// (two_prod, two_sum) and the rounding tests in math.hpp also depend on it.
// GCC fuses across statements by default (-ffp-contract=fast) and Clang within
// an expression (-ffp-contract=on) as soon as the target has FMA
// (-march=native, -mfma). Every ctnn header wraps its code in
//
//     CTNN_BEGIN_SEPARATE_ROUNDING ... CTNN_END_SEPARATE_ROUNDING
//
// which saves the including program's setting, turns contraction off for
// ctnn's functions (templates instantiated later included) and restores it.
// - Clang: #pragma clang fp contract(off) inside float_control(push/pop).
//   An explicit -ffp-contract=fast overrides every pragma in Clang, so that
//   one flag cannot be defended against from a header (docs/math.md).
// - GCC: #pragma GCC optimize("fp-contract=off") inside push/pop_options.
//   GCC does not inline such a function into a caller built with other
//   options, so a user's call into ctnn stays a call; calls inside ctnn inline.
// -ffast-math also reorders sums (two_sum would lose its error term): refused.
#ifndef CTNN_BITS_FP_CONTRACT_HPP
#define CTNN_BITS_FP_CONTRACT_HPP

#if defined(__FAST_MATH__)
#error "ctnn needs IEEE arithmetic: -ffast-math reorders and fuses operations, which changes ctnn's results; build without it"
#endif

#if defined(__clang__)
#define CTNN_BEGIN_SEPARATE_ROUNDING _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define CTNN_END_SEPARATE_ROUNDING _Pragma("float_control(pop)")
#elif defined(__GNUC__)
#define CTNN_BEGIN_SEPARATE_ROUNDING _Pragma("GCC push_options") _Pragma("GCC optimize(\"fp-contract=off\")")
#define CTNN_END_SEPARATE_ROUNDING _Pragma("GCC pop_options")
#else
#define CTNN_BEGIN_SEPARATE_ROUNDING
#define CTNN_END_SEPARATE_ROUNDING
#endif

#endif
