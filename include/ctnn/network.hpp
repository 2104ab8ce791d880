// A feedforward network: a list of dense layers of different shapes
// (ctnn::layer_list, which Hana's algorithms iterate over like a tuple),
// run by folding the input through them.
//
//   ctnn::network<ctnn::topology<2, 2, 1>>                  sigmoid everywhere
//   ctnn::network<ctnn::topology<2, 4, 1>, ctnn::tanh_t>    one activation for all
//   ctnn::network<ctnn::topology<2, 4, 3, 1>,
//                 ctnn::relu_t, ctnn::relu_t, ctnn::sigmoid_t>  one per layer
//
// All of these name a basic_network<dense<...>, ...>: the layers are the type.
#ifndef CTNN_NETWORK_HPP
#define CTNN_NETWORK_HPP

#include <array>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/back.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/front.hpp>
#include <boost/hana/range.hpp>
#include <boost/hana/replicate.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/unpack.hpp>

#include <ctnn/activation.hpp>
#include <ctnn/bits/dispatch.hpp>
#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/layer.hpp>
#include <ctnn/layer_list.hpp>
#include <ctnn/topology.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace hana = boost::hana;

namespace bits {
// Instantiated for each pair of neighbouring layers, so that a mismatch names
// both sizes in the compiler's message.
template <std::size_t PreviousOutputs, std::size_t NextInputs>
constexpr bool layer_sizes_chain() {
    static_assert(PreviousOutputs == NextInputs,
                  "ctnn::basic_network: a layer's inputs must equal the previous layer's outputs "
                  "(see the two sizes in layer_sizes_chain<outputs, inputs>)");
    return true;
}

template <std::size_t GivenInputs, std::size_t NetworkInputs>
constexpr void check_input_size() {
    static_assert(GivenInputs == NetworkInputs,
                  "ctnn: the input must hold as many numbers as the network has inputs "
                  "(see check_input_size<given, expected>)");
}

template <class... Layers, std::size_t... I>
constexpr bool layers_chain(std::index_sequence<I...>) {
    using list = hana::tuple<hana::type<Layers>...>;
    return (layer_sizes_chain<decltype(+hana::at_c<I>(list{}))::type::outputs,
                              decltype(+hana::at_c<I + 1>(list{}))::type::inputs>() && ...);
}

// softmax_t turns a whole layer's outputs into probabilities: it belongs to
// the last layer, and over one output it would always give 1. Instantiated
// with what was found, so the message comes with it.
template <bool SoftmaxBeforeTheLastLayer>
constexpr void check_softmax_only_last() {
    static_assert(!SoftmaxBeforeTheLastLayer,
                  "ctnn: softmax_t turns the outputs of a whole layer into probabilities; only the last layer may "
                  "use it (see check_softmax_only_last<true>)");
}
template <std::size_t SoftmaxOutputs>
constexpr void check_softmax_outputs() {
    static_assert(SoftmaxOutputs != 1,
                  "ctnn: softmax_t over a single output is always 1; give the last layer two outputs or more, or use "
                  "sigmoid_t");
}

template <class... Layers>
constexpr bool softmax_placed_well() {
    constexpr bool softmax[] = {layer_activation<typename Layers::activation_type>...};
    constexpr std::size_t outputs[] = {Layers::outputs...};
    constexpr std::size_t last = sizeof...(Layers) - 1;
    constexpr bool before_last = [&] {
        for (std::size_t l = 0; l < last; ++l)
            if (softmax[l]) return true;
        return false;
    }();
    check_softmax_only_last<before_last>();
    check_softmax_outputs<softmax[last] ? outputs[last] : 2>();
    return true;
}

// The forward pass keeps the input and every layer's outputs in one flat
// buffer: the input at offset 0, layer I's outputs from activation_offsets[I + 1].
// Training reads them all back (train.hpp).
template <class Network>
inline constexpr auto activation_offsets = [] {
    std::array<std::size_t, Network::layer_count + 2> offsets{};
    for (std::size_t l = 0; l <= Network::layer_count; ++l)
        offsets[l + 1] = offsets[l] + Network::topology_type::sizes[l];
    return offsets;
}();

// Layers I, I+1, ... of Network in turn; `layers` is the list whose first
// element is layer I (the recursion hands each step the rest of the list,
// so no layer is looked up by its index). Always inlined: Clang's flatten
// (in the runtime kernels, bits/dispatch.hpp) inlines only direct calls, and
// a call here would send the buffer through memory. The layer's offsets are
// template parameters, not constexpr locals: Clang's constant evaluator runs
// a local's initializer again on every call (here two calls of std::array's
// operator[]), and reads a template parameter as a literal. So is Math, the
// implementation of exp: an empty object passed down would be one more
// argument to bind on every call.
template <class Network, std::size_t I, class Math, class Layers, std::size_t N,
          std::size_t InOffset = activation_offsets<Network>[I], std::size_t OutOffset = activation_offsets<Network>[I + 1]>
[[gnu::always_inline]] constexpr void forward_from(const Layers& layers, double (&a)[N]) {
    // dense::forward's body, called directly: one call fewer per layer and sample.
    forward_pass<std::remove_cvref_t<decltype(layers.first)>>::template run<InOffset, OutOffset, Math>(layers.first, a);
    if constexpr (I + 1 < Network::layer_count) forward_from<Network, I + 1, Math>(layers.rest, a);
}
}  // namespace bits

template <class... Layers>
struct basic_network {
    static_assert(sizeof...(Layers) >= 1, "ctnn::basic_network needs at least one layer");
    static_assert(bits::layers_chain<Layers...>(std::make_index_sequence<sizeof...(Layers) - 1>{}));
    static_assert(bits::softmax_placed_well<Layers...>());

    using first_layer = typename decltype(+hana::front(hana::tuple_t<Layers...>))::type;
    using last_layer = typename decltype(+hana::back(hana::tuple_t<Layers...>))::type;

    static constexpr std::size_t layer_count = sizeof...(Layers);
    static constexpr std::size_t inputs = first_layer::inputs;
    static constexpr std::size_t outputs = last_layer::outputs;
    using topology_type = topology<inputs, Layers::outputs...>;
    using input_type = std::array<double, inputs>;
    // A single-output network answers with a number, as the notebook's does.
    using output_type = std::conditional_t<outputs == 1, double, std::array<double, outputs>>;

    layer_list<Layers...> layers;

    constexpr basic_network() = default;
    constexpr explicit basic_network(const Layers&... l) : layers(l...) {}

    template <std::size_t I>
    constexpr auto& layer() { return bits::list_element<I>(layers); }
    template <std::size_t I>
    constexpr const auto& layer() const { return bits::list_element<I>(layers); }

    // The output layer's values, always a std::array<double, outputs>, even
    // for one output: what generic code calls. (feedforward, below, answers
    // with a plain double for one output, as the notebook does.) Math chooses
    // the implementation of exp (the same bits from each, math.hpp). It is
    // the left fold of the layers' forward over x, each layer turning the
    // previous one's outputs into its own, run over one buffer as training
    // runs it (bits::forward_from).
    template <class Math = bits::portable_math>
    constexpr std::array<double, outputs> forward(const input_type& x, Math = {}) const {
        constexpr auto& offsets = bits::activation_offsets<basic_network>;
        double a[offsets[layer_count + 1]] = {};
        for (std::size_t i = 0; i < inputs; ++i) a[i] = x[i];
        bits::forward_from<basic_network, 0, Math>(layers, a);
        std::array<double, outputs> y{};
        for (std::size_t o = 0; o < outputs; ++o) y[o] = a[offsets[layer_count] + o];
        return y;
    }

    // The answer as feedforward gives it: a number for one output.
    static constexpr output_type as_output(const std::array<double, outputs>& y) {
        if constexpr (outputs == 1) {
            return y[0];
        } else {
            return y;
        }
    }

    // The network's answer for input x, as the notebook's feedforward gives it:
    // a double for one output, else a std::array (forward, above, always
    // gives the array).
    // x is a std::array or a braced list, net.feedforward({2, 3}), or a number
    // for one input (below); one of the wrong size fails to compile with a
    // message naming both sizes. At runtime
    // it uses the fastest exp the CPU has (bits/dispatch.hpp): the same bits.
    template <std::size_t N>
    constexpr output_type feedforward(const std::array<double, N>& x) const {
        bits::check_input_size<N, inputs>();
        if constexpr (N == inputs) {
            if (std::is_constant_evaluated()) return as_output(forward(x));
            return bits::run_with_fastest_math([&](auto math) { return as_output(forward(x, math)); });
        } else {
            return output_type{};  // unreachable: the check above has failed
        }
    }
    template <std::size_t N>
    constexpr output_type feedforward(const double (&x)[N]) const {
        bits::check_input_size<N, inputs>();
        if constexpr (N == inputs) {
            return feedforward(std::to_array(x));
        } else {
            return output_type{};  // unreachable: the check above has failed
        }
    }
    // A one-input network also takes a plain number: net.feedforward(-2.5).
    // (A template, so that a braced list, feedforward({-2.5}), still takes
    // the array overloads above: none is deduced from braces.)
    template <class Number>
        requires(inputs == 1 && std::is_arithmetic_v<Number>)
    constexpr output_type feedforward(Number x) const {
        return feedforward(input_type{static_cast<double>(x)});
    }

    // True when no weight or bias is NaN or infinite (training has not diverged).
    constexpr bool all_finite() const {
        // No arithmetic on the values: inf - inf would make a constant evaluation fail.
        constexpr double largest = std::numeric_limits<double>::max();
        const auto finite = [](double v) { return v >= -largest && v <= largest; };  // false for NaN too
        bool all = true;
        hana::for_each(layers, [&](const auto& layer) {
            for (const auto& neuron_weights : layer.weights)
                for (double w : neuron_weights) all = all && finite(w);
            for (double b : layer.biases) all = all && finite(b);
        });
        return all;
    }

    friend constexpr bool operator==(const basic_network&, const basic_network&) = default;
};

// Calls f(index, layer) for every layer in order: index is a
// std::integral_constant<std::size_t, I> (a constant expression, usable as a
// template argument), layer a reference to the layer (a ctnn::dense), const
// if net is. Generic code walks a network's layers with it.
template <class Network, class F>
constexpr void for_each_layer(Network& net, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(std::integral_constant<std::size_t, I>{}, bits::list_element<I>(net.layers)), ...);
    }(std::make_index_sequence<std::remove_const_t<Network>::layer_count>{});
}

// Builds a network from its layers; the layer types make the network's type.
template <class... Layers>
constexpr basic_network<Layers...> make_network(const Layers&... layers) {
    return basic_network<Layers...>(layers...);
}

namespace bits {
// Instantiated with the type, so that the message names it. (The concept is
// an either-or, and compilers say little about why both sides failed.)
template <class NotAnActivation>
constexpr bool check_activation() {
    static_assert(activation<NotAnActivation>,
                  "ctnn: not an activation (see check_activation<T>): a neuron activation needs "
                  "'double operator()(double) const' and 'static double derivative_from_output(double)' (the "
                  "derivative from the neuron's output, as sigmoid_t's f * (1 - f)); a whole-layer one, "
                  "like softmax_t, needs 'static void apply(double (&buffer)[N], size_t first, size_t count)' "
                  "and derivative_from_output");
    return true;
}

template <class Topology, class... Activations>
constexpr auto network_type() {
    static_assert((check_activation<Activations>() && ...));
    constexpr std::size_t layer_count = Topology::layer_count;
    static_assert(sizeof...(Activations) <= 1 || sizeof...(Activations) == layer_count,
                  "ctnn::network: give no activation (sigmoid for all layers), one for all layers, "
                  "or exactly one per layer");
    constexpr auto activations = [] {
        if constexpr (sizeof...(Activations) == 0) {
            return hana::replicate<hana::tuple_tag>(hana::type_c<sigmoid_t>, hana::size_c<layer_count>);
        } else if constexpr (sizeof...(Activations) == 1) {
            return hana::replicate<hana::tuple_tag>(hana::type_c<Activations...>, hana::size_c<layer_count>);
        } else {
            return hana::tuple_t<Activations...>;
        }
    }();
    return hana::unpack(hana::make_range(hana::size_c<0>, hana::size_c<layer_count>), [&](auto... i) {
        return hana::type_c<basic_network<dense<Topology::sizes[decltype(i)::value],
                                                Topology::sizes[decltype(i)::value + 1],
                                                typename decltype(+activations[i])::type>...>>;
    });
}
}  // namespace bits

template <class Topology, class... Activations>
using network = typename decltype(bits::network_type<Topology, Activations...>())::type;

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
