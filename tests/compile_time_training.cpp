// Training by the compiler, at the default constexpr limits: the notebook's
// task reproduces numpy's predictions and the runtime run bit for bit, and
// XOR (2-4-3-1, ReLU, binary cross-entropy) is learnt.
#include <array>

#include <catch2/catch.hpp>

#include <ctnn/ctnn.hpp>

#include "notebook_tasks.hpp"
#include "support.hpp"

using ctnn_examples::notebook_task;
using ctnn_examples::xor_task;

namespace {
constexpr auto notebook_trained = ctnn::trained<notebook_task>;
constexpr auto xor_trained = ctnn::trained<xor_task>;
}  // namespace

// numpy's predictions after training (tests/data/numpy_seed0.txt), compared with ==.
static_assert(notebook_trained.feedforward({-2, -1}) == 0.9752078786915166);
static_assert(notebook_trained.feedforward({25, 6}) == 0.01667863301810864);
static_assert(notebook_trained.feedforward({17, 4}) == 0.016678633018115924);
static_assert(notebook_trained.feedforward({-15, -6}) == 0.9777002862059458);

// XOR: every output on the right side of 0.5.
static_assert(xor_trained.feedforward({0, 0}) < 0.5);
static_assert(xor_trained.feedforward({0, 1}) > 0.5);
static_assert(xor_trained.feedforward({1, 0}) > 0.5);
static_assert(xor_trained.feedforward({1, 1}) < 0.5);

TEST_CASE("compile-time training equals runtime training, bit for bit", "[compile-time-training]") {
    const auto notebook_runtime = ctnn::train(ctnn::random_network<notebook_task::network>(ctnn_test::opaque(0u)), notebook_task::inputs,
                                              notebook_task::targets, notebook_task::options);
    CHECK(notebook_runtime == notebook_trained);
    for (const auto& x : notebook_task::inputs) CHECK(notebook_runtime.feedforward(x) == notebook_trained.feedforward(x));

    const auto xor_runtime = ctnn::train<ctnn::binary_cross_entropy_t>(
        ctnn::he_network<xor_task::network>(ctnn_test::opaque(0u)), xor_task::inputs, xor_task::targets, xor_task::options);
    CHECK(xor_runtime == xor_trained);
}

TEST_CASE("the compile-time generator draws what the runtime one draws", "[compile-time-training]") {
    constexpr auto compile_time = ctnn::random_network<notebook_task::network>(0);
    const auto runtime = ctnn::random_network<notebook_task::network>(ctnn_test::opaque(0u));
    CHECK(compile_time == runtime);
}
