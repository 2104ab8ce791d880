// Feedforward over many rows: outputs[i] = net.feedforward(inputs[i]) for
// every row, the same bits, with the fastest implementation of exp this CPU
// has, chosen once for the whole batch (bits/dispatch.hpp).
//
//   std::vector<std::array<double, 2>> people = ...;
//   std::vector<double> predictions(people.size());
//   ctnn::predict(net, people, predictions);
#ifndef CTNN_PREDICT_HPP
#define CTNN_PREDICT_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>

#include <ctnn/bits/dispatch.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/network.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

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
