// Feedforward over many rows: outputs[i] = net.feedforward(inputs[i]) for
// every row, the same bits, with the fastest implementation of exp this CPU
// has, chosen once for the whole batch (bits/dispatch.hpp).
//
//   std::vector<std::array<double, 2>> people = ...;
//   std::vector<double> predictions(people.size());
//   ctnn::predict(net, people, predictions);
#ifndef CTNN_PREDICT_HPP
#define CTNN_PREDICT_HPP

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include <ctnn/bits/dispatch.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/bits/simd.hpp>
#include <ctnn/network.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {
#if defined(CTNN_HAS_SIMD_KERNEL)
// Four rows at a time (bits/simd.hpp), then the rest one by one: every row
// gets the one-row kernel's bits.
template <class Network>
[[gnu::target("avx2,fma"), gnu::flatten]] void predict_four_rows_at_a_time(
    const Network& net, std::span<const typename Network::input_type> inputs,
    std::span<typename Network::output_type> outputs) {
    const Network local = net;  // its weights stay in registers (outputs could alias them)
    std::size_t r = 0;
    for (; r + 4 <= inputs.size(); r += 4) {
        std::array<simd::f64x4, Network::inputs> in{};
        for (std::size_t i = 0; i < Network::inputs; ++i)
            in[i] = simd::f64x4{inputs[r][i], inputs[r + 1][i], inputs[r + 2][i], inputs[r + 3][i]};
        const auto out = simd::forward4_from<0>(local, in);
        for (std::size_t lane = 0; lane < 4; ++lane) {
            std::array<double, Network::outputs> row{};
            for (std::size_t o = 0; o < Network::outputs; ++o) row[o] = out[o][lane];
            outputs[r + lane] = Network::as_output(row);
        }
    }
    for (; r < inputs.size(); ++r) outputs[r] = Network::as_output(local.forward(inputs[r], fma_math{}));
}
#endif
}  // namespace bits

// inputs: rows of the network's input type; outputs: its output type (a
// double for one output), as many as there are inputs. Throws
// std::invalid_argument, writing nothing, when the counts differ.
template <class Network>
void predict(const Network& net, std::span<const typename Network::input_type> inputs,
             std::span<typename Network::output_type> outputs) {
    if (inputs.size() != outputs.size()) {
        throw std::invalid_argument("ctnn::predict: " + std::to_string(inputs.size()) + " input rows but " +
                                    std::to_string(outputs.size()) + " output rows");
    }
#if defined(CTNN_HAS_SIMD_KERNEL)
    if (bits::fastest_math() == bits::math_kind::fma_avx2) {
        bits::predict_four_rows_at_a_time(net, inputs, outputs);
        return;
    }
#endif
    bits::run_with_fastest_math([&](auto math) {
        // A local copy: the weights stay in registers, where stores to
        // outputs (doubles too) could otherwise alias them.
        const Network local = net;
        for (std::size_t i = 0; i < inputs.size(); ++i) outputs[i] = Network::as_output(local.forward(inputs[i], math));
    });
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
