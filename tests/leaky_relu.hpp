// An activation defined outside ctnn, as a user writes one: ctnn::activation
// needs its value and its derivative from the output; the exporter also needs
// its C++ name and the header that defines it (this file), so that an exported
// network using it compiles on its own (tests/io_export.cpp,
// tests/export_user_activation.cpp).
#ifndef CTNN_TESTS_LEAKY_RELU_HPP
#define CTNN_TESTS_LEAKY_RELU_HPP

namespace ctnn_test {

struct leaky_relu_t {
    static constexpr const char* name = "leaky relu";
    static constexpr const char* type_name = "ctnn_test::leaky_relu_t";
    static constexpr const char* header = "leaky_relu.hpp";
    constexpr double operator()(double x) const { return x > 0 ? x : 0.01 * x; }
    static constexpr double derivative_from_output(double f) { return f > 0 ? 1.0 : 0.01; }
};

}  // namespace ctnn_test

#endif
