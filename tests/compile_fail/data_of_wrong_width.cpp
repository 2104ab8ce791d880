// Training a 2-input network on rows of 3 numbers.
#include <array>

#include <ctnn/ctnn.hpp>

int main() {
    const auto net = ctnn::random_network<ctnn::network<ctnn::topology<2, 2, 1>>>(0);
    const std::array<std::array<double, 3>, 2> rows{{{1, 2, 3}, {4, 5, 6}}};
    const std::array<double, 2> targets{0, 1};
    return ctnn::train(net, rows, targets, ctnn::sgd{}).feedforward({1, 2}) > 0.5;
}
