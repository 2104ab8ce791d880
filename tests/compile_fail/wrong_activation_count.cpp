// Three layers, two activations: neither one for all nor one per layer.
#include <ctnn/ctnn.hpp>

ctnn::network<ctnn::topology<2, 4, 3, 1>, ctnn::relu_t, ctnn::sigmoid_t> net;

int main() {}
