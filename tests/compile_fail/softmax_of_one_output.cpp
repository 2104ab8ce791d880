// softmax_t over one output is always 1.
#include <ctnn/ctnn.hpp>

int main() {
    ctnn::network<ctnn::topology<4, 1>, ctnn::softmax_t> net{};
    return static_cast<int>(net.layer_count);
}
