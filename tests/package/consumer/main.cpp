// The notebook's cell 6, checked by the compiler, then trained at runtime.
#include <ctnn/ctnn.hpp>

using zero_one = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<0>>;
constexpr auto net = ctnn::make_network(ctnn::layer_of<zero_one, 2>(), ctnn::layer_of<zero_one, 1>());
static_assert(net.feedforward({2, 3}) == 0.7216325609518421);

int main() {
    const std::array<std::array<double, 2>, 4> people{{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}}};
    const std::array<double, 4> is_female{1, 0, 0, 1};
    using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;
    const auto trained = ctnn::train(ctnn::random_network<notebook_network>(0), people, is_female, ctnn::sgd{});
    return trained.feedforward({-2, -1}) == 0.9752078786915166 ? 0 : 1;
}
