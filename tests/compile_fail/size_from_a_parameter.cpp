// A size as a function parameter: not a constant expression, so not a template argument.
#include <cstddef>

#include <ctnn/ctnn.hpp>

// numpy's np.zeros((outputs, inputs)) takes the sizes as arguments. Not so here:
constexpr auto zero_layer(std::size_t inputs, std::size_t outputs) {
    return ctnn::dense<inputs, outputs>{};
}

constexpr auto layer = zero_layer(2, 1);

int main() {}
