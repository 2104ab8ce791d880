// The notebook's fixed-weight cells (3, 4, 5, 6 and 12), evaluated by the
// compiler and checked with static_assert against the values numpy prints.
#ifndef CTNN_EXAMPLES_NOTEBOOK_CELLS_HPP
#define CTNN_EXAMPLES_NOTEBOOK_CELLS_HPP

#include <array>
#include <charconv>
#include <cstdio>
#include <string>

#include <ctnn/ctnn.hpp>

namespace ctnn_examples {

// Cell 3: np.dot([1, 2], [3, 2])
constexpr int cell3_dot = ctnn::dot(std::array{1, 2}, std::array{3, 2});
static_assert(cell3_dot == 7);

// Cell 4: a neuron with weights [0, 1] and bias 4, fed [2, 3]; and sigmoid(7)
using cell4_neuron = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<4>>;
constexpr double cell4_feedforward = cell4_neuron::feedforward({2, 3});
constexpr double cell4_sigmoid = ctnn::sigmoid(7);
static_assert(cell4_feedforward == 0.9990889488055994);
static_assert(cell4_sigmoid == 0.9990889488055994);

// Cell 5: the same neuron fed [1, 1]
constexpr double cell5_feedforward = cell4_neuron::feedforward({1, 1});
static_assert(cell5_feedforward == 0.9933071490757153);

// Cell 6: the 2-2-1 network whose three neurons all have weights [0, 1], bias 0
using cell6_neuron = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<0>>;
constexpr auto cell6_network = ctnn::make_network(ctnn::layer_of<cell6_neuron, 2>(), ctnn::layer_of<cell6_neuron, 1>());
constexpr double cell6_feedforward = cell6_network.feedforward({2, 3});
static_assert(cell6_feedforward == 0.7216325609518421);

// Cell 12: mse_loss([1, 0, 0, 1], [0, 0, 0, 0])
constexpr double cell12_mse = ctnn::mse_loss(std::array{1.0, 0.0, 0.0, 1.0}, std::array{0.0, 0.0, 0.0, 0.0});
static_assert(cell12_mse == 0.5);

// Shortest text that reads back as the same double, like Python's repr.
inline std::string shortest(double x) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return std::string(buffer.data(), result.ptr);
}

inline void print_cells() {
    std::printf("Notebook cells, computed by the compiler and checked with static_assert:\n");
    std::printf("  cell 3   dot([1, 2], [3, 2])                               = %d\n", cell3_dot);
    std::printf("  cell 4   sigmoid(7)                                        = %s\n", shortest(cell4_sigmoid).c_str());
    std::printf("  cell 4   neuron(w=[0, 1], b=4).feedforward([2, 3])         = %s\n", shortest(cell4_feedforward).c_str());
    std::printf("  cell 5   neuron(w=[0, 1], b=4).feedforward([1, 1])         = %s\n", shortest(cell5_feedforward).c_str());
    std::printf("  cell 6   network 2-2-1 (w=[0, 1], b=0).feedforward([2, 3]) = %s\n", shortest(cell6_feedforward).c_str());
    std::printf("  cell 12  mse_loss([1, 0, 0, 1], [0, 0, 0, 0])              = %s\n", shortest(cell12_mse).c_str());
}

}  // namespace ctnn_examples

#endif
