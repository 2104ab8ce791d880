// A 64-bit fingerprint of a network's parameters (FNV-1a over the bits of
// every weight, then every bias, layer by layer). An exported network
// static_asserts its fingerprint, so that editing any weight breaks the build
// even where no checked prediction would notice.
#ifndef CTNN_FINGERPRINT_HPP
#define CTNN_FINGERPRINT_HPP

#include <bit>
#include <cstdint>

#include <boost/hana/for_each.hpp>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/network.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

template <class Network>
constexpr std::uint64_t fingerprint(const Network& net) {
    std::uint64_t hash = 0xcbf29ce484222325u;
    const auto mix = [&hash](double value) {
        const auto bits = std::bit_cast<std::uint64_t>(value);
        for (int byte = 0; byte < 8; ++byte) {
            hash ^= (bits >> (8 * byte)) & 0xffu;
            hash *= 0x100000001b3u;
        }
    };
    hana::for_each(net.layers, [&](const auto& layer) {
        for (const auto& neuron_weights : layer.weights)
            for (double w : neuron_weights) mix(w);
    });
    hana::for_each(net.layers, [&](const auto& layer) {
        for (double b : layer.biases) mix(b);
    });
    return hash;
}

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
