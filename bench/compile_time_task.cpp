// One translation unit, several ways, chosen with -DCTNN_TASK=...: the
// difference in compile time against CTNN_TASK=0 is the cost of the training.
//   0  no training
//   1  the notebook's task (ctnn::trained, 1000 epochs)
//   2  XOR on 2-4-3-1 (ctnn::trained, 500 epochs)
//   3  the notebook's task for CTNN_EPOCHS epochs (ctnn::trained)
//   4  a 2-CTNN_WIDTH-1 network on the notebook's data, 200 epochs (ctnn::trained)
//   5  the notebook's task for CTNN_EPOCHS epochs in ONE constant evaluation
//      (ctnn::train directly): how far the default limits reach unchunked
#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

#if CTNN_TASK == 1
constexpr auto trained = ctnn::trained<ctnn_examples::notebook_task>;
static_assert(trained.feedforward({-2, -1}) == 0.9752078786915166);
#elif CTNN_TASK == 2
constexpr auto trained = ctnn::trained<ctnn_examples::xor_task>;
static_assert(trained.feedforward({0, 1}) > 0.5);
#elif CTNN_TASK == 3
struct epochs_task : ctnn_examples::notebook_task {
    static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = CTNN_EPOCHS};
};
constexpr auto trained = ctnn::trained<epochs_task>;
static_assert(trained.feedforward({-2, -1}) > 0);
#elif CTNN_TASK == 4
struct width_task : ctnn_examples::notebook_task {
    using network = ctnn::network<ctnn::topology<2, CTNN_WIDTH, 1>>;
    static constexpr auto initial = ctnn::random_network<network>(0);
    static constexpr ctnn::sgd options{.learn_rate = 0.5, .epochs = 200};
};
constexpr auto trained = ctnn::trained<width_task>;
static_assert(trained.feedforward({-2, -1}) > 0);
#elif CTNN_TASK == 5
using task = ctnn_examples::notebook_task;
constexpr auto trained = ctnn::train(task::initial, task::inputs, task::targets,
                                     ctnn::sgd{.learn_rate = 0.5, .epochs = CTNN_EPOCHS});
static_assert(trained.feedforward({-2, -1}) > 0);
#endif

int main() {}
