// softmax_t turns a whole layer into probabilities: only the last layer may use it.
#include <ctnn/ctnn.hpp>

int main() {
    ctnn::network<ctnn::topology<4, 8, 3>, ctnn::softmax_t, ctnn::sigmoid_t> net{};
    return static_cast<int>(net.layer_count);
}
