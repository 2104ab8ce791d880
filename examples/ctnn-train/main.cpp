// ctnn-train: the notebook, replayed. The cells' values are computed by the
// compiler and checked with static_assert below; training runs the same
// templates at runtime and prints what numpy prints after np.random.seed(N).
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <ctnn/ctnn.hpp>

#include "options.hpp"

namespace {

// ---- The notebook's fixed-weight cells, evaluated by the compiler ----------

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

// ---- The training cell ------------------------------------------------------

using notebook_network = ctnn::network<ctnn::topology<2, 2, 1>>;

struct person {
    const char* name;
    std::array<double, 2> shifted_weight_height;
};

// Weight minus 135 lb, height minus 66 in; 1 = female.
constexpr std::array<person, 4> training_people{{
    {"Alice", {-2, -1}}, {"Bob", {25, 6}}, {"Charlie", {17, 4}}, {"Diana", {-15, -6}}}};
constexpr std::array<double, 4> is_female{1, 0, 0, 1};
constexpr std::array<person, 2> new_people{{{"Emily", {-7, -3}}, {"Frank", {20, 2}}}};

// Shortest text that reads back as the same double, like Python's repr.
std::string shortest(double x) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return std::string(buffer.data(), result.ptr);
}

void print_cells() {
    std::printf("Notebook cells, computed by the compiler and checked with static_assert:\n");
    std::printf("  cell 3   dot([1, 2], [3, 2])                               = %d\n", cell3_dot);
    std::printf("  cell 4   sigmoid(7)                                        = %s\n", shortest(cell4_sigmoid).c_str());
    std::printf("  cell 4   neuron(w=[0, 1], b=4).feedforward([2, 3])         = %s\n", shortest(cell4_feedforward).c_str());
    std::printf("  cell 5   neuron(w=[0, 1], b=4).feedforward([1, 1])         = %s\n", shortest(cell5_feedforward).c_str());
    std::printf("  cell 6   network 2-2-1 (w=[0, 1], b=0).feedforward([2, 3]) = %s\n", shortest(cell6_feedforward).c_str());
    std::printf("  cell 12  mse_loss([1, 0, 0, 1], [0, 0, 0, 0])              = %s\n", shortest(cell12_mse).c_str());
}

int run(const ctnn_train::options& opts) {
    print_cells();
    std::printf("\nTraining the 2-2-1 network (seed %u, %zu epochs, learning rate %s):\n", opts.seed, opts.epochs,
                shortest(opts.learn_rate).c_str());

    std::vector<std::array<double, 2>> inputs;
    for (const person& p : training_people) inputs.push_back(p.shifted_weight_height);

    const auto log_loss = [&](std::size_t epoch, const notebook_network& net) {
        if (opts.log_every != 0 && epoch % opts.log_every == 0)
            std::printf("Epoch %zu loss: %.3f\n", epoch, ctnn::loss_over(net, inputs, is_female));
    };
    const auto initial = ctnn::random_network<notebook_network>(opts.seed);
    const auto trained = ctnn::train(initial, inputs, is_female,
                                     ctnn::sgd{.learn_rate = opts.learn_rate, .epochs = opts.epochs}, log_loss);

    std::printf("\nPredictions (1 = female):\n");
    for (const auto& group : {std::span<const person>(training_people), std::span<const person>(new_people)})
        for (const person& p : group) std::printf("%s: %.17g\n", p.name, trained.feedforward(p.shifted_weight_height));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto parsed = ctnn_train::parse(args);
    if (const auto* error = std::get_if<ctnn_train::parse_error>(&parsed)) {
        std::fprintf(stderr, "ctnn-train: %s\n", error->message.c_str());
        return 2;
    }
    const auto& opts = std::get<ctnn_train::options>(parsed);
    if (opts.help) {
        std::fputs(ctnn_train::usage.data(), stdout);
        return 0;
    }
    return run(opts);
}
