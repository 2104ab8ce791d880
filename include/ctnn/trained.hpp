// Training at compile time, within the compilers' default constexpr limits.
//
//   struct notebook_task {
//       using network = ctnn::network<ctnn::topology<2, 2, 1>>;
//       static constexpr auto initial = ctnn::random_network<network>(0);
//       static constexpr std::array<std::array<double, 2>, 4> inputs{{{-2, -1}, {25, 6}, {17, 4}, {-15, -6}}};
//       static constexpr std::array<double, 4> targets{1, 0, 0, 1};
//       static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 1000};
//       // optional: using loss = ctnn::mse_t;  static constexpr std::size_t epochs_per_evaluation = 100;
//   };
//   constexpr auto trained = ctnn::trained<notebook_task>;
//
// Each constant evaluation has its own budget (Clang: 1,048,576 steps; GCC:
// 33,554,432 operations), and 1000 epochs of the notebook exceed one. So the
// epochs are split into chunks, each the initialiser of its own constexpr
// variable and starting from the previous one's result. Every chunk calls the
// same ctnn::train as runtime code does, so the result is the same bits as a
// single runtime call of ctnn::train with all the epochs.
#ifndef CTNN_TRAINED_HPP
#define CTNN_TRAINED_HPP

#include <cstddef>
#include <iterator>

#include <ctnn/bits/fp_contract.hpp>
#include <ctnn/loss.hpp>
#include <ctnn/train.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn {

namespace bits {

// A rough count of what one SGD step costs a constant evaluator, in units
// measured on the notebook's network: 150 per neuron (its exp), 20 per weight.
template <class Network>
constexpr std::size_t step_cost() {
    std::size_t neurons = 0, weights = 0;
    for (std::size_t l = 1; l < Network::topology_type::sizes.size(); ++l) {
        neurons += Network::topology_type::sizes[l];
        weights += Network::topology_type::sizes[l] * Network::topology_type::sizes[l - 1];
    }
    return 150 * neurons + 20 * weights;
}

// As many epochs per constant evaluation as fit in three quarters of the
// compiler's default budget: Clang counted about 1.05 steps per unit against
// its 1,048,576, GCC about 9 operations per unit against its 33,554,432,
// when this was calibrated; steps have become cheaper since (about half of
// that, docs/compile-time.md), a margin kept for costlier activations.
// Fewer, longer evaluations compile faster. A task may set its own number.
template <class Task>
constexpr std::size_t epochs_per_evaluation() {
    if constexpr (requires { Task::epochs_per_evaluation; }) {
        static_assert(Task::epochs_per_evaluation > 0, "ctnn::trained: epochs_per_evaluation must be positive");
        return Task::epochs_per_evaluation;
    } else {
#if defined(__clang__)
        constexpr double units_per_evaluation = 0.75 * 1048576 / 1.05;
#else
        constexpr double units_per_evaluation = 0.75 * 33554432 / 9;
#endif
        const double rows = static_cast<double>(std::size(Task::inputs));
        const auto epochs = static_cast<std::size_t>(units_per_evaluation / (rows * static_cast<double>(step_cost<typename Task::network>())));
        return epochs > 0 ? epochs : 1;
    }
}

template <class Task>
struct loss_of {
    using type = mse_t;
};
template <class Task>
    requires requires { typename Task::loss; }
struct loss_of<Task> {
    using type = typename Task::loss;
};

template <class Task, std::size_t Chunks>
constexpr auto train_chunk();

// The network after `Chunks` chunks of training.
template <class Task, std::size_t Chunks>
inline constexpr auto trained_chunks = train_chunk<Task, Chunks>();

template <class Task, std::size_t Chunks>
constexpr auto train_chunk() {
    constexpr std::size_t per_chunk = epochs_per_evaluation<Task>();
    constexpr std::size_t remaining = Task::options.epochs - (Chunks - 1) * per_chunk;
    return train<typename loss_of<Task>::type>(trained_chunks<Task, Chunks - 1>, Task::inputs, Task::targets,
                                               sgd{.learn_rate = Task::options.learn_rate,
                                                   .epochs = remaining < per_chunk ? remaining : per_chunk});
}

template <class Task>
inline constexpr auto trained_chunks<Task, 0> = Task::initial;

}  // namespace bits

// Task's network after Task::options.epochs epochs of SGD, computed by the compiler.
template <class Task>
inline constexpr auto trained =
    bits::trained_chunks<Task, (Task::options.epochs + bits::epochs_per_evaluation<Task>() - 1) /
                                   bits::epochs_per_evaluation<Task>()>;

}  // namespace ctnn
CTNN_END_SEPARATE_ROUNDING

#endif
