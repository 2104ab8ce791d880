// An activation without derivative_from_output: the message names what an activation needs.
#include <ctnn/ctnn.hpp>

struct leaky_relu_t {
    constexpr double operator()(double x) const { return x > 0 ? x : 0.01 * x; }
};

int main() {
    ctnn::network<ctnn::topology<2, 1>, leaky_relu_t> net{};
    return static_cast<int>(net.layer_count);
}
