// Writes, to the file named by its argument, the exported header of a network
// with a user-defined activation (tests/leaky_relu.hpp); the test
// "export: a user-defined activation" then compiles that header on its own.
#include <array>
#include <fstream>
#include <string>
#include <vector>

#include <ctnn/ctnn.hpp>
#include <ctnn/io/export.hpp>

#include "leaky_relu.hpp"

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    using leaky = ctnn_test::leaky_relu_t;
    using net_type = ctnn::network<ctnn::topology<2, 3, 2, 1>, leaky, leaky, ctnn::sigmoid_t>;
    const auto net = ctnn::random_network<net_type>(0);
    const std::vector<std::string> labels{"Alice", "Bob"};
    const std::vector<std::array<double, 2>> inputs{{-2, -1}, {25, 6}};
    std::ofstream out(argv[1]);
    ctnn::io::write_header(out, net, "leaky_net", "a network with a user-defined activation", labels, inputs);
    return out.good() ? 0 : 1;
}
