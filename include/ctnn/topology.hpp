// A network's shape as a type: topology<2, 2, 1> is the notebook's network
// (2 inputs, a hidden layer of 2 neurons, 1 output).
#ifndef CTNN_TOPOLOGY_HPP
#define CTNN_TOPOLOGY_HPP

#include <array>
#include <cstddef>

#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {
// Instantiated with the number of sizes given, so that the message names it.
template <std::size_t GivenSizes>
constexpr bool check_topology_size_count() {
    static_assert(GivenSizes >= 2,
                  "ctnn::topology needs at least two sizes: the inputs and the outputs "
                  "(see check_topology_size_count<given>)");
    return true;
}
}  // namespace bits

template <std::size_t... Sizes>
struct topology {
    static_assert(bits::check_topology_size_count<sizeof...(Sizes)>());
    static_assert(((Sizes > 0) && ...), "ctnn::topology: every layer needs at least one neuron");

    static constexpr std::array<std::size_t, sizeof...(Sizes)> sizes{Sizes...};
    static constexpr std::size_t inputs = sizes.front();
    static constexpr std::size_t outputs = sizes.back();
    static constexpr std::size_t layer_count = sizeof...(Sizes) - 1;  // layers with weights
};

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
