// An activation that is a ctnn::activation (it trains) but has no type_name:
// the exporter cannot write its C++ name, and says so.
#include <array>
#include <sstream>
#include <string>
#include <vector>

#include <ctnn/ctnn.hpp>
#include <ctnn/io/export.hpp>

struct unnamed_relu_t {
    constexpr double operator()(double x) const { return x > 0 ? x : 0.0; }
    static constexpr double derivative_from_output(double f) { return f > 0 ? 1.0 : 0.0; }
};

int main() {
    const auto net = ctnn::random_network<ctnn::network<ctnn::topology<2, 2, 1>, unnamed_relu_t, ctnn::sigmoid_t>>(0);
    std::ostringstream out;
    ctnn::io::write_header(out, net, "net", "", std::vector<std::string>{}, std::vector<std::array<double, 2>>{});
}
