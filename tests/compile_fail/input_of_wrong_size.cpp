// Feeding a 3-vector to a network with 2 inputs.
#include <ctnn/ctnn.hpp>

constexpr auto net = ctnn::random_network<ctnn::network<ctnn::topology<2, 2, 1>>>(0);
constexpr double y = net.feedforward({1, 2, 3});

int main() {}
