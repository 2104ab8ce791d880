// What generic code uses: forward against feedforward, for_each_layer, the
// layer list as a Hana sequence, plain numbers as the rows of a one-input
// network, and losses passed as objects.
// Built twice, like cells.cpp.
#include <array>
#include <cstddef>
#include <type_traits>

#include <boost/hana/at.hpp>
#include <boost/hana/drop_front.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/is_empty.hpp>
#include <boost/hana/length.hpp>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

#include "support.hpp"

using ctnn_test::opaque;

namespace {
using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;
constexpr auto notebook_initial = ctnn::random_network<notebook_network>(0);

// A one-input network, trained on rows written as plain numbers and as one-element arrays.
using one_input_network = ctnn::network<ctnn::topology<1, 3, 1>>;
constexpr auto one_input_initial = ctnn::random_network<one_input_network>(1);
constexpr std::array<double, 4> plain_inputs{-2.5, -1.5, 1.5, 2.5};
constexpr std::array<std::array<double, 1>, 4> array_inputs{{{-2.5}, {-1.5}, {1.5}, {2.5}}};
constexpr std::array<double, 4> targets{0, 0, 1, 1};

constexpr std::size_t parameters(const auto& net) {
    std::size_t count = 0;
    ctnn::for_each_layer(net, [&](auto index, const auto& layer) {
        static_assert(decltype(index)::value < 2);  // the index is a constant expression
        count += layer.inputs * layer.outputs + layer.outputs;
    });
    return count;
}
}  // namespace

TEST_CASE("forward always gives an array, feedforward a number for one output", "[api]") {
    STATIC_REQUIRE(notebook_initial.forward({opaque(2.0), 3.0}) ==
                   std::array{notebook_initial.feedforward({opaque(2.0), 3.0})});
}

TEST_CASE("for_each_layer visits every layer in order, with its index", "[api]") {
    STATIC_REQUIRE(parameters(notebook_initial) == 9);
    constexpr auto zeroed = [] {
        auto net = notebook_initial;
        ctnn::for_each_layer(net, [](auto, auto& layer) { layer.biases[0] = 0; });  // a mutable network too
        return net;
    }();
    STATIC_REQUIRE(zeroed.layer<0>().biases[0] == 0.0);
    STATIC_REQUIRE(zeroed.layer<1>().biases[0] == 0.0);
    STATIC_REQUIRE(zeroed.layer<0>().biases[1] == notebook_initial.layer<0>().biases[1]);
}

TEST_CASE("Hana's algorithms take the layer list as they take a tuple", "[api]") {
    namespace hana = boost::hana;
    using deeper_network = ctnn::network<ctnn::topology<2, 4, 3, 1>>;
    constexpr auto deeper = ctnn::random_network<deeper_network>(0);
    static_assert(std::is_same_v<decltype(deeper_network::layers),
                                 ctnn::layer_list<ctnn::dense<2, 4>, ctnn::dense<4, 3>, ctnn::dense<3, 1>>>);
    STATIC_REQUIRE(std::size_t{hana::length(deeper.layers)} == 3);
    STATIC_REQUIRE(!bool{hana::is_empty(deeper.layers)});
    STATIC_REQUIRE(bool{hana::is_empty(ctnn::layer_list<>{})});
    STATIC_REQUIRE(&hana::at_c<2>(deeper.layers) == &deeper.layer<2>());  // a reference, not a copy
    STATIC_REQUIRE(hana::drop_front(deeper.layers) == ctnn::layer_list(deeper.layer<1>(), deeper.layer<2>()));
    STATIC_REQUIRE(hana::drop_front(deeper.layers, hana::size_c<3>) == ctnn::layer_list<>{});
    STATIC_REQUIRE(hana::equal(deeper.layers, deeper.layers));
    STATIC_REQUIRE(!hana::equal(deeper.layers, ctnn::random_network<deeper_network>(1).layers));
    STATIC_REQUIRE(!hana::equal(deeper.layers, notebook_initial.layers));  // other layer types
    STATIC_REQUIRE(sizeof(deeper_network) == sizeof(ctnn::dense<2, 4>) + sizeof(ctnn::dense<4, 3>) + sizeof(ctnn::dense<3, 1>));
    // The fold of docs/walkthrough.md: each layer turns the previous one's outputs into its own.
    constexpr std::array<double, 2> x{-2, -1};
    constexpr auto folded =
        hana::fold_left(deeper.layers, x, [](const auto& in, const auto& layer) { return layer.forward(in); });
    STATIC_REQUIRE(folded == deeper.forward(x));
    constexpr std::size_t neurons = [&] {
        std::size_t count = 0;
        hana::for_each(deeper.layers, [&](const auto& layer) { count += layer.outputs; });
        return count;
    }();
    STATIC_REQUIRE(neurons == 8);
}

TEST_CASE("a one-input network takes plain numbers as its input rows", "[api]") {
    constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 20};
    constexpr auto from_plain = ctnn::train(one_input_initial, plain_inputs, targets, options);
    constexpr auto from_arrays = ctnn::train(one_input_initial, array_inputs, targets, options);
    STATIC_REQUIRE(from_plain == from_arrays);
    STATIC_REQUIRE(ctnn::loss_over(from_plain, plain_inputs, targets) == ctnn::loss_over(from_arrays, array_inputs, targets));
    STATIC_REQUIRE(ctnn::correct_predictions(from_plain, plain_inputs, targets) ==
                   ctnn::correct_predictions(from_arrays, array_inputs, targets));
    const auto at_runtime = ctnn::train(one_input_initial, plain_inputs, targets, ctnn::sgd{.learn_rate = opaque(0.5), .epochs = 20});
    CHECK(at_runtime == from_plain);
}

TEST_CASE("a one-input network's feedforward takes a plain number", "[api]") {
    STATIC_REQUIRE(one_input_initial.feedforward(opaque(-2.5)) == one_input_initial.feedforward({opaque(-2.5)}));
    STATIC_REQUIRE(one_input_initial.feedforward(opaque(1.5)) == one_input_initial.forward({opaque(1.5)})[0]);
}

TEST_CASE("a loss given as an object trains and scores as the same loss given as a type", "[api]") {
    STATIC_REQUIRE(std::is_same_v<decltype(ctnn::mse), const ctnn::mse_t>);
    STATIC_REQUIRE(std::is_same_v<decltype(ctnn::mse_loss), const ctnn::mse_t>);  // the notebook's name
    STATIC_REQUIRE(ctnn::loss_function<ctnn::binary_cross_entropy_t>);
    STATIC_REQUIRE(!ctnn::loss_function<ctnn::sigmoid_t>);

    constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 20};
    constexpr auto by_type = ctnn::train<ctnn::binary_cross_entropy_t>(one_input_initial, plain_inputs, targets, options);
    constexpr auto by_object = ctnn::train(one_input_initial, plain_inputs, targets, ctnn::binary_cross_entropy, options);
    STATIC_REQUIRE(by_object == by_type);
    STATIC_REQUIRE(!(by_object == ctnn::train(one_input_initial, plain_inputs, targets, options)));  // not MSE
    STATIC_REQUIRE(ctnn::loss_over(by_type, plain_inputs, targets, ctnn::binary_cross_entropy) ==
                   ctnn::loss_over<ctnn::binary_cross_entropy_t>(by_type, plain_inputs, targets));
    STATIC_REQUIRE(ctnn::gradient(notebook_initial, {opaque(-2.0), -1.0}, {1.0}, ctnn::binary_cross_entropy) ==
                   ctnn::gradient<ctnn::binary_cross_entropy_t>(notebook_initial, {opaque(-2.0), -1.0}, {1.0}));
    constexpr auto stepped = [](auto loss) {
        auto net = notebook_initial;
        ctnn::sgd_step(net, {-2.0, -1.0}, {1.0}, 0.1, loss);
        return net;
    };
    STATIC_REQUIRE(stepped(ctnn::binary_cross_entropy) == [] {
        auto net = notebook_initial;
        ctnn::sgd_step<ctnn::binary_cross_entropy_t>(net, {-2.0, -1.0}, {1.0}, 0.1);
        return net;
    }());
    STATIC_REQUIRE(stepped(ctnn::mse) == [] {
        auto net = notebook_initial;
        ctnn::sgd_step(net, {-2.0, -1.0}, {1.0}, 0.1);
        return net;
    }());

    int epochs_seen = 0;
    const auto counted = ctnn::train(one_input_initial, plain_inputs, targets, ctnn::binary_cross_entropy,
                                     ctnn::sgd{.learn_rate = opaque(0.5), .epochs = 20}, [&](std::size_t, const auto&) { ++epochs_seen; });
    CHECK(counted == by_type);
    CHECK(epochs_seen == 20);
}

namespace {
// A whole-layer activation of one's own, without the Math parameter: each
// output's share of the layer's sum.
struct share_t {
    template <std::size_t N>
    static constexpr void apply(double (&buffer)[N], std::size_t first, std::size_t count) {
        double sum = 0;
        for (std::size_t k = 0; k < count; ++k) sum += buffer[first + k];
        for (std::size_t k = 0; k < count; ++k) buffer[first + k] /= sum;
    }
    static constexpr double derivative_from_output(double) { return 1.0; }
};

// A neuron activation as a user writes one: a value and a derivative, no
// static activate<Math> (ctnn's own have one; a layer calls this one as an object).
struct halve_t {
    constexpr double operator()(double x) const { return x / 2; }
    static constexpr double derivative_from_output(double) { return 0.5; }
};
}  // namespace

TEST_CASE("a neuron activation without activate<Math> runs forward and trains", "[api]") {
    STATIC_REQUIRE(ctnn::activation<halve_t>);
    using layer = ctnn::dense<2, 1, halve_t>;
    constexpr ctnn::basic_network<layer> net(layer{{{1, 2}}, {3}});
    STATIC_REQUIRE(net.feedforward({opaque(1.0), 1.0}) == 3.0);  // (1 + 2 + 3) / 2
    // One step on one sample, by hand: y = 3, dL/dy = -2 (0 - 3) = 6, dy/dz = 0.5,
    // so each weight moves by 0.5 * 6 * 0.5 * x = 1.5 and the bias by 1.5.
    constexpr std::array<std::array<double, 2>, 1> inputs{{{1.0, 1.0}}};
    constexpr std::array<double, 1> targets{0.0};
    constexpr auto trained = ctnn::train(net, inputs, targets, ctnn::sgd{.learn_rate = 0.5, .epochs = 1});
    STATIC_REQUIRE(trained.layer<0>().weights[0][0] == -0.5);
    STATIC_REQUIRE(trained.layer<0>().weights[0][1] == 0.5);
    STATIC_REQUIRE(trained.layer<0>().biases[0] == 1.5);
}

TEST_CASE("a whole-layer activation may leave out the implementation of exp", "[api]") {
    STATIC_REQUIRE(ctnn::activation<share_t>);
    constexpr ctnn::basic_network<ctnn::dense<2, 2, share_t>> net(ctnn::dense<2, 2, share_t>{{{1, 0}, {0, 1}}, {0, 0}});
    STATIC_REQUIRE(net.feedforward({opaque(1.0), 3.0}) == std::array{0.25, 0.75});
}
