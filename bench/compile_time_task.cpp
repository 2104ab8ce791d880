// One translation unit, three ways (-DCTNN_TASK=0, 1 or 2): no training, the
// notebook's task trained by the compiler, XOR trained by the compiler. The
// difference in compile time is the cost of the constant evaluation.
#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"

#if CTNN_TASK == 1
constexpr auto trained = ctnn::trained<ctnn_examples::notebook_task>;
static_assert(trained.feedforward({-2, -1}) == 0.9752078786915166);
#elif CTNN_TASK == 2
constexpr auto trained = ctnn::trained<ctnn_examples::xor_task>;
static_assert(trained.feedforward({0, 1}) > 0.5);
#endif

int main() {}
