// MPFR as the reference for the math tests: the correctly rounded double
// result of a function, and how close the exact result comes to a rounding
// boundary.
#ifndef CTNN_TESTS_MPFR_REFERENCE_HPP
#define CTNN_TESTS_MPFR_REFERENCE_HPP

#include <algorithm>
#include <cmath>

#include <mpfr.h>

namespace ctnn_test {

using mpfr_function = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

// MPFR with exactly double's precision and exponent range, subnormals included.
struct double_context {
    double_context() {
        mpfr_set_emin(-1073);
        mpfr_set_emax(1024);
    }
    ~double_context() {
        mpfr_set_emin(mpfr_get_emin_min());
        mpfr_set_emax(mpfr_get_emax_max());
    }
    double_context(const double_context&) = delete;
    double_context& operator=(const double_context&) = delete;
};

// f(x) rounded to the nearest double (needs a double_context in scope).
inline double correctly_rounded(mpfr_function f, double x) {
    mpfr_t m;
    mpfr_init2(m, 53);
    mpfr_set_d(m, x, MPFR_RNDN);
    const int ternary = f(m, m, MPFR_RNDN);
    mpfr_subnormalize(m, ternary, MPFR_RNDN);
    const double result = mpfr_get_d(m, MPFR_RNDN);
    mpfr_clear(m);
    return result;
}

// log2 of |f(x) - nearest rounding boundary| / |f(x)|, from a 400-bit
// evaluation: how accurate an approximation must be to round f(x) correctly.
// (The boundaries are the midpoints between neighbouring doubles around the
// correctly rounded result.) Call outside a double_context.
inline double log2_distance_to_boundary(mpfr_function f, double x, double rounded) {
    mpfr_t exact, boundary, distance;
    mpfr_inits2(400, exact, boundary, distance, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_d(exact, x, MPFR_RNDN);
    f(exact, exact, MPFR_RNDN);
    double nearest = HUGE_VAL;
    for (const double neighbour : {std::nextafter(rounded, -HUGE_VAL), std::nextafter(rounded, HUGE_VAL)}) {
        mpfr_set_d(boundary, rounded, MPFR_RNDN);
        mpfr_add_d(boundary, boundary, neighbour, MPFR_RNDN);  // exact at 400 bits
        mpfr_div_2ui(boundary, boundary, 1, MPFR_RNDN);
        mpfr_sub(distance, exact, boundary, MPFR_RNDN);
        mpfr_div(distance, distance, exact, MPFR_RNDN);
        mpfr_abs(distance, distance, MPFR_RNDN);
        long exponent = 0;
        const double mantissa = mpfr_get_d_2exp(&exponent, distance, MPFR_RNDN);
        if (mantissa != 0) nearest = std::min(nearest, std::log2(mantissa) + static_cast<double>(exponent));
    }
    mpfr_clears(exact, boundary, distance, static_cast<mpfr_ptr>(nullptr));
    return nearest;
}

}  // namespace ctnn_test

#endif
