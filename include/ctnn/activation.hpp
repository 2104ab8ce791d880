// Activation functions: a value and the derivative expressed through that
// value, so that backprop needs one exp per neuron (sigmoid' = f (1 - f)).
#ifndef CTNN_ACTIVATION_HPP
#define CTNN_ACTIVATION_HPP

#include <concepts>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/math.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

// 1 / (1 + e^-x), the notebook's formula to the bit. Defined for every input:
// +-1000 and +-inf give 1 and 0 (e^1000 is +inf, never a failed evaluation).
struct sigmoid_t {
    static constexpr const char* name = "sigmoid";
    static constexpr const char* type_name = "ctnn::sigmoid_t";
    // With a chosen implementation of exp (math.hpp): the same bits. (Defined
    // before its use below, which Clang needs in constant evaluation.)
    template <class Math>
    constexpr double operator()(double x, Math) const {
        if (x != x) return x;
        return 1.0 / (1.0 + Math::exp(-x));
    }
    constexpr double operator()(double x) const { return (*this)(x, bits::portable_math{}); }
    static constexpr double derivative_from_output(double f) { return f * (1.0 - f); }
};

// tanh, correctly rounded (bits::tanh in math.hpp).
struct tanh_t {
    static constexpr const char* name = "tanh";
    static constexpr const char* type_name = "ctnn::tanh_t";
    constexpr double operator()(double x) const { return bits::tanh(x); }
    static constexpr double derivative_from_output(double f) { return 1.0 - f * f; }
};

// max(0, x); its derivative at 0 is taken as 0.
struct relu_t {
    static constexpr const char* name = "relu";
    static constexpr const char* type_name = "ctnn::relu_t";
    constexpr double operator()(double x) const { return x > 0 ? x : 0.0; }
    static constexpr double derivative_from_output(double f) { return f > 0 ? 1.0 : 0.0; }
};

inline constexpr sigmoid_t sigmoid{};
inline constexpr tanh_t tanh{};
inline constexpr relu_t relu{};

template <class A>
concept activation = requires(const A a, double x) {
    { a(x) } -> std::same_as<double>;
    { A::derivative_from_output(x) } -> std::same_as<double>;
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
