// softmax_t trained with mean squared error: its p - y gradient needs categorical_cross_entropy_t.
#include <array>

#include <ctnn/ctnn.hpp>

int main() {
    using net_t = ctnn::network<ctnn::topology<2, 2>, ctnn::softmax_t>;
    constexpr std::array<std::array<double, 2>, 1> x{{{1, 2}}};
    constexpr std::array<std::array<double, 2>, 1> y{{{0, 1}}};
    const auto net = ctnn::train<ctnn::mse_t>(net_t{}, x, y, ctnn::sgd{});
    return static_cast<int>(net.layer_count);
}
