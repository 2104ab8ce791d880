// The notebook's training cell at runtime, against what numpy printed:
// tests/data/numpy_seed0.txt is the notebook's own output under
// np.random.seed(0) (its Epoch lines, then each person's prediction).
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

namespace {

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;

const std::vector<std::array<double, 2>> people{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}};
const std::vector<double> is_female{1, 0, 0, 1};

// numpy_seedN.txt: the notebook's output under np.random.seed(N), numpy 1.24.
std::vector<std::string> numpy_lines(int seed) {
    std::ifstream file(CTNN_TEST_DATA_DIR "/numpy_seed" + std::to_string(seed) + ".txt");
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    return lines;
}

std::string format(const char* pattern, auto... values) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    return buffer;
}

}  // namespace

TEST_CASE("seed 0: initial weights are numpy's", "[training]") {
    const auto net = ctnn::random_network<notebook_network>(0);
    CHECK(std::to_array(net.layer<0>().weights[0]) == std::array{1.764052345967664, 0.4001572083672233});
    CHECK(std::to_array(net.layer<0>().weights[1]) == std::array{0.9787379841057392, 2.240893199201458});
    CHECK(std::to_array(net.layer<1>().weights[0]) == std::array{1.8675579901499675, -0.977277879876411});
    CHECK(std::to_array(net.layer<0>().biases) == std::array{0.9500884175255894, -0.1513572082976979});
    CHECK(std::to_array(net.layer<1>().biases) == std::array{-0.10321885179355784});
}

TEST_CASE("seed 0: every Epoch line and every prediction equal numpy's", "[training]") {
    const auto expected = numpy_lines(0);
    REQUIRE(expected.size() == 106);  // 100 Epoch lines, 6 predictions

    std::vector<std::string> printed;
    const auto log_loss = [&](std::size_t epoch, const notebook_network& net) {
        if (epoch % 10 == 0) printed.push_back(format("Epoch %zu loss: %.3f", epoch, ctnn::loss_over(net, people, is_female)));
    };
    const auto trained = ctnn::train(ctnn::random_network<notebook_network>(0), people, is_female,
                                     ctnn::sgd{.learn_rate = 0.5, .epochs = 1000}, log_loss);
    const std::array<std::pair<const char*, std::array<double, 2>>, 6> everyone{{
        {"Alice", {-2, -1}}, {"Bob", {25, 6}}, {"Charlie", {17, 4}}, {"Diana", {-15, -6}},
        {"Emily", {-7, -3}}, {"Frank", {20, 2}}}};
    for (const auto& [name, x] : everyone) printed.push_back(format("%s: %.17g", name, trained.feedforward(x)));

    REQUIRE(printed.size() == expected.size());
    for (std::size_t i = 0; i < printed.size(); ++i) CHECK(printed[i] == expected[i]);

    // numpy's figures (tests/data/numpy_seed0.txt), compared as doubles (== is bit equality here).
    CHECK(trained.feedforward({-2, -1}) == 0.9752078786915166);
    CHECK(trained.feedforward({25, 6}) == 0.01667863301810864);
    CHECK(trained.feedforward({17, 4}) == 0.016678633018115924);
    CHECK(trained.feedforward({-15, -6}) == 0.9777002862059458);
}

TEST_CASE("training with a vector of targets rows and with a plain array agree", "[training]") {
    const std::vector<std::array<double, 1>> rows{{1}, {0}, {0}, {1}};
    const auto init = ctnn::random_network<notebook_network>(3);
    const auto a = ctnn::train(init, people, rows, ctnn::sgd{.learn_rate = 0.5, .epochs = 50});
    const auto b = ctnn::train(init, people, is_female, ctnn::sgd{.learn_rate = 0.5, .epochs = 50});
    CHECK(a == b);
    CHECK(!(a == init));
}

// Seeds 1-8 on numpy's AVX-512 exp, which is not correctly rounded (about a
// quarter of its results are 1 ulp off, see docs/reproducibility.md): the Epoch
// lines always agree; predictions agree to the bit for seeds 1, 2, 3, 5 and 7,
// and within a few ulps for 4, 6 and 8, where numpy's exp rounding changed them.
TEST_CASE("seeds 1-8: numpy's Epoch lines, and its predictions to the bit or within 16 ulp", "[training]") {
    for (int seed = 1; seed <= 8; ++seed) {
        const auto expected = numpy_lines(seed);
        REQUIRE(expected.size() == 106);
        std::vector<std::string> epochs;
        const auto log_loss = [&](std::size_t epoch, const notebook_network& net) {
            if (epoch % 10 == 0) epochs.push_back(format("Epoch %zu loss: %.3f", epoch, ctnn::loss_over(net, people, is_female)));
        };
        const auto trained = ctnn::train(ctnn::random_network<notebook_network>(static_cast<std::uint32_t>(seed)), people,
                                         is_female, ctnn::sgd{.learn_rate = 0.5, .epochs = 1000}, log_loss);
        INFO("seed " << seed);
        REQUIRE(epochs.size() == 100);  // one per 10 of the 1000 epochs: the loop below must not pass on none
        for (std::size_t i = 0; i < epochs.size(); ++i) CHECK(epochs[i] == expected[i]);
        const std::array<std::array<double, 2>, 6> everyone{{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}, {-7, -3}, {20, 2}}};
        const bool bit_exact = seed != 4 && seed != 6 && seed != 8;
        for (std::size_t p = 0; p < everyone.size(); ++p) {
            const std::string& line = expected[100 + p];
            const double numpy_value = std::strtod(line.c_str() + line.find(": ") + 2, nullptr);
            const double ours = trained.feedforward(everyone[p]);
            INFO(line);
            if (bit_exact) {
                CHECK(ours == numpy_value);
            } else {
                CHECK(std::abs(ours - numpy_value) <= 16 * std::abs(std::nextafter(numpy_value, 2.0) - numpy_value));
            }
        }
    }
}
