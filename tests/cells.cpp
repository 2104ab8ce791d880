// The notebook's fixed-weight cells and the math they rest on. Built twice:
// once with every STATIC_REQUIRE a static_assert (compile time), once with
// CATCH_CONFIG_RUNTIME_STATIC_REQUIRE, inputs hidden behind opaque() (runtime).
#include <array>
#include <limits>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

#include "support.hpp"

using ctnn_test::opaque;
using ctnn_test::same_bits;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

using cell4_neuron = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<4>>;
using cell6_neuron = ctnn::neuron<ctnn::weights<0, 1>, ctnn::bias<0>>;
constexpr auto cell6_network = ctnn::make_network(ctnn::layer_of<cell6_neuron, 2>(), ctnn::layer_of<cell6_neuron, 1>());
using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;
}  // namespace

TEST_CASE("cell 3: dot product", "[cells]") {
    STATIC_REQUIRE(ctnn::dot(std::array{opaque(1), 2}, std::array{3, opaque(2)}) == 7);
    STATIC_REQUIRE(ctnn::dot(std::array{opaque(1.0), 2.0}, std::array{3.0, opaque(2.0)}) == 7.0);
}

TEST_CASE("cell 4: sigmoid and the neuron with weights [0, 1], bias 4", "[cells]") {
    STATIC_REQUIRE(ctnn::sigmoid(opaque(7.0)) == 0.9990889488055994);
    STATIC_REQUIRE(cell4_neuron::feedforward({opaque(2.0), opaque(3.0)}) == 0.9990889488055994);
}

TEST_CASE("cell 5: the same neuron fed [1, 1]", "[cells]") {
    STATIC_REQUIRE(cell4_neuron::feedforward({opaque(1.0), opaque(1.0)}) == 0.9933071490757153);
}

TEST_CASE("cell 6: the 2-2-1 network with every neuron weights [0, 1], bias 0", "[cells]") {
    STATIC_REQUIRE(std::is_same_v<std::remove_const_t<decltype(cell6_network)>, notebook_network>);
    STATIC_REQUIRE(cell6_network.feedforward({opaque(2.0), opaque(3.0)}) == 0.7216325609518421);
    // Its hidden outputs h1 = h2 = sigmoid(3).
    STATIC_REQUIRE(cell6_network.layer<0>().forward({opaque(2.0), opaque(3.0)}) ==
                   std::array{0.9525741268224334, 0.9525741268224334});
}

TEST_CASE("cell 6 written with explicit weights", "[cells]") {
    constexpr notebook_network net(ctnn::dense<2, 2>{{{0, 1}, {0, 1}}, {0, 0}}, ctnn::dense<2, 1>{{{0, 1}}, {0}});
    STATIC_REQUIRE(net == cell6_network);
    STATIC_REQUIRE(net.feedforward({opaque(2.0), opaque(3.0)}) == 0.7216325609518421);
}

TEST_CASE("cell 12: mean squared error", "[cells]") {
    STATIC_REQUIRE(ctnn::mse_loss(std::array{opaque(1.0), 0.0, 0.0, 1.0}, std::array{0.0, 0.0, 0.0, opaque(0.0)}) == 0.5);
}

TEST_CASE("training cell: np.random.seed(0) initial weights", "[cells][random]") {
    // w1..w6 then b1..b3, as numpy draws them (tests/data/numpy_seed0.txt).
    constexpr auto draw = [](std::uint32_t seed) { return ctnn::random_network<notebook_network>(seed); };
    STATIC_REQUIRE(std::to_array(draw(opaque(0u)).layer<0>().weights[0]) == std::array{1.764052345967664, 0.4001572083672233});
    STATIC_REQUIRE(std::to_array(draw(opaque(0u)).layer<0>().weights[1]) == std::array{0.9787379841057392, 2.240893199201458});
    STATIC_REQUIRE(std::to_array(draw(opaque(0u)).layer<1>().weights[0]) == std::array{1.8675579901499675, -0.977277879876411});
    STATIC_REQUIRE(std::to_array(draw(opaque(0u)).layer<0>().biases) == std::array{0.9500884175255894, -0.1513572082976979});
    STATIC_REQUIRE(std::to_array(draw(opaque(0u)).layer<1>().biases) == std::array{-0.10321885179355784});
}

TEST_CASE("mt19937 matches the reference sequence", "[random]") {
    // The 10000th output of a default-seeded (5489) mt19937, fixed by the C++ standard.
    constexpr auto ten_thousandth = [](std::uint32_t seed) {
        ctnn::mt19937 bits(seed);
        for (int i = 0; i < 9999; ++i) bits();
        return bits();
    };
    STATIC_REQUIRE(ten_thousandth(opaque(5489u)) == 4123659995u);
}

TEST_CASE("exp: exact and special values", "[math]") {
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(0.0)), 1.0));
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(-0.0)), 1.0));
    STATIC_REQUIRE(ctnn::exp(opaque(1.0)) == 0x1.5bf0a8b145769p+1);
    STATIC_REQUIRE(ctnn::exp(opaque(-1.0)) == 0x1.78b56362cef38p-2);
    STATIC_REQUIRE(ctnn::exp(opaque(inf)) == inf);
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(-inf)), 0.0));
    STATIC_REQUIRE(ctnn::exp(opaque(not_a_number)) != ctnn::exp(opaque(not_a_number)));  // NaN in, NaN out
    // Overflow: the largest argument with a finite result, and the next double.
    STATIC_REQUIRE(ctnn::exp(opaque(0x1.62e42fefa39efp+9)) == 0x1.fffffffffff2ap+1023);
    STATIC_REQUIRE(ctnn::exp(opaque(0x1.62e42fefa39f0p+9)) == inf);
    STATIC_REQUIRE(ctnn::exp(opaque(1000.0)) == inf);
    // Underflow: subnormal results, the smallest one, and the first zero.
    STATIC_REQUIRE(ctnn::exp(opaque(-740.0)) == 0x0.0000000000055p-1022);
    STATIC_REQUIRE(ctnn::exp(opaque(-745.0)) == 0x0.0000000000001p-1022);
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(-746.0)), 0.0));
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(-1000.0)), 0.0));
    STATIC_REQUIRE(ctnn::exp(opaque(0x1p-60)) == 1.0);
    STATIC_REQUIRE(ctnn::exp(opaque(-0x1p-53)) == 0x1.fffffffffffffp-1);
}

TEST_CASE("sigmoid: saturates cleanly, never NaN for a number", "[math][activation]") {
    STATIC_REQUIRE(ctnn::sigmoid(opaque(1000.0)) == 1.0);
    STATIC_REQUIRE(same_bits(ctnn::sigmoid(opaque(-1000.0)), 0.0));
    STATIC_REQUIRE(ctnn::sigmoid(opaque(inf)) == 1.0);
    STATIC_REQUIRE(same_bits(ctnn::sigmoid(opaque(-inf)), 0.0));
    STATIC_REQUIRE(ctnn::sigmoid(opaque(0.0)) == 0.5);
    STATIC_REQUIRE(ctnn::sigmoid(opaque(3.0)) == 0.9525741268224334);
    STATIC_REQUIRE(ctnn::sigmoid_t::activate(opaque(3.0)) == 0.9525741268224334);  // what a layer calls
    STATIC_REQUIRE(same_bits(ctnn::sigmoid_t::activate(opaque(-inf)), 0.0));
    STATIC_REQUIRE(ctnn::sigmoid_t::derivative_from_output(0.5) == 0.25);
}

TEST_CASE("tanh and relu", "[math][activation]") {
    STATIC_REQUIRE(same_bits(ctnn::tanh(opaque(0.0)), 0.0));
    STATIC_REQUIRE(same_bits(ctnn::tanh(opaque(-0.0)), -0.0));
    STATIC_REQUIRE(ctnn::tanh(opaque(1.0)) == 0x1.85efab514f394p-1);
    STATIC_REQUIRE(ctnn::tanh(opaque(-1.0)) == -0x1.85efab514f394p-1);
    STATIC_REQUIRE(ctnn::tanh(opaque(1e-10)) == 1e-10);
    STATIC_REQUIRE(ctnn::tanh(opaque(1000.0)) == 1.0);
    STATIC_REQUIRE(ctnn::tanh(opaque(-inf)) == -1.0);
    STATIC_REQUIRE(ctnn::relu(opaque(-2.0)) == 0.0);
    STATIC_REQUIRE(ctnn::relu(opaque(2.5)) == 2.5);
    STATIC_REQUIRE(ctnn::tanh_t::activate(opaque(1.0)) == 0x1.85efab514f394p-1);  // what a layer calls
    STATIC_REQUIRE(ctnn::relu_t::activate(opaque(-2.0)) == 0.0);
    STATIC_REQUIRE(ctnn::relu_t::activate(opaque(2.5)) == 2.5);
}

TEST_CASE("log and sqrt", "[math]") {
    STATIC_REQUIRE(same_bits(ctnn::log(opaque(1.0)), 0.0));
    STATIC_REQUIRE(ctnn::log(opaque(2.0)) == 0x1.62e42fefa39efp-1);
    STATIC_REQUIRE(ctnn::log(opaque(0.5)) == -0x1.62e42fefa39efp-1);
    STATIC_REQUIRE(ctnn::log(opaque(0x1p-1074)) == -0x1.74385446d71c3p+9);
    STATIC_REQUIRE(ctnn::log(opaque(0.0)) == -inf);
    STATIC_REQUIRE(ctnn::log(opaque(inf)) == inf);
    STATIC_REQUIRE(ctnn::log(opaque(-1.0)) != ctnn::log(opaque(-1.0)));
    STATIC_REQUIRE(ctnn::sqrt(opaque(2.0)) == 0x1.6a09e667f3bcdp+0);
    STATIC_REQUIRE(ctnn::sqrt(opaque(0x1.fffffffffffffp-1)) == 0x1.fffffffffffffp-1);
    STATIC_REQUIRE(ctnn::sqrt(opaque(0x1p-1074)) == 0x1p-537);
    STATIC_REQUIRE(same_bits(ctnn::sqrt(opaque(-0.0)), -0.0));
    // The top binade, where y * y would overflow without rescaling.
    STATIC_REQUIRE(ctnn::sqrt(opaque(0x1.fffffffffffffp+1023)) == 0x1.fffffffffffffp+511);
    STATIC_REQUIRE(ctnn::sqrt(opaque(0x1.ffffff8p+1023)) == 0x1.ffffffcp+511);
    STATIC_REQUIRE(ctnn::sqrt(opaque(0x1p+1022)) == 0x1p+511);
}

TEST_CASE("special values never fail a constant evaluation", "[math][activation]") {
    // The underflow threshold: the last argument whose exp is the smallest subnormal, and the next.
    STATIC_REQUIRE(ctnn::exp(opaque(-0x1.74910d52d3051p+9)) == 0x0.0000000000001p-1022);
    STATIC_REQUIRE(same_bits(ctnn::exp(opaque(-0x1.74910d52d3052p+9)), 0.0));
    STATIC_REQUIRE(ctnn::exp(opaque(0x1p-1074)) == 1.0);  // a subnormal argument
    STATIC_REQUIRE(ctnn::exp(opaque(0x1p-53)) == 0x1.0000000000001p+0);  // just above a rounding boundary
    STATIC_REQUIRE(ctnn::exp(opaque(-0x1p-54)) == 1.0);
    STATIC_REQUIRE(ctnn::exp(opaque(-0x1p-1074)) == 1.0);
    // sigmoid: subnormal results, subnormal and NaN arguments.
    STATIC_REQUIRE(ctnn::sigmoid(opaque(-709.78)) == 0x0.402c8225ec681p-1022);
    STATIC_REQUIRE(ctnn::sigmoid(opaque(0x1p-1074)) == 0.5);
    STATIC_REQUIRE(ctnn::sigmoid(opaque(not_a_number)) != ctnn::sigmoid(opaque(not_a_number)));
    // tanh: subnormals are their own tanh, saturation, NaN.
    STATIC_REQUIRE(ctnn::tanh(opaque(0x1p-1074)) == 0x1p-1074);
    STATIC_REQUIRE(ctnn::tanh(opaque(-0x1p-1022)) == -0x1p-1022);
    STATIC_REQUIRE(ctnn::tanh(opaque(19.0)) == 0x1.fffffffffffffp-1);
    STATIC_REQUIRE(ctnn::tanh(opaque(20.5)) == 1.0);
    STATIC_REQUIRE(ctnn::tanh(opaque(inf)) == 1.0);
    STATIC_REQUIRE(ctnn::tanh(opaque(not_a_number)) != ctnn::tanh(opaque(not_a_number)));
    // relu and the derivatives at the edges.
    STATIC_REQUIRE(ctnn::relu(opaque(inf)) == inf);
    STATIC_REQUIRE(same_bits(ctnn::relu(opaque(-inf)), 0.0));
    STATIC_REQUIRE(ctnn::sigmoid_t::derivative_from_output(opaque(1.0)) == 0.0);
    STATIC_REQUIRE(ctnn::tanh_t::derivative_from_output(opaque(-1.0)) == 0.0);
}

TEST_CASE("all_finite tells a diverged network", "[network]") {
    constexpr auto with = [](double w) {
        auto net = ctnn::random_network<notebook_network>(0);
        net.layer<1>().weights[0][1] = w;
        return net.all_finite();
    };
    STATIC_REQUIRE(with(opaque(1.5)));
    STATIC_REQUIRE(!with(opaque(inf)));
    STATIC_REQUIRE(!with(opaque(-inf)));
    STATIC_REQUIRE(!with(opaque(not_a_number)));
}
