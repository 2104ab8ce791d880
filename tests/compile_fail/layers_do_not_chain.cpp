// The second layer takes 2 inputs, but the first gives 3 outputs.
#include <ctnn/ctnn.hpp>

constexpr auto net = ctnn::make_network(ctnn::dense<2, 3>{}, ctnn::dense<2, 1>{});

int main() {}
