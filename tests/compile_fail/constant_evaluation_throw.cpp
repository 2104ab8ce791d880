// A throw reached in a constant evaluation: the compiler stops with an error.
#include <ctnn/ctnn.hpp>

constexpr auto target = ctnn::one_hot<3>(3);  // the classes of 3 are 0, 1 and 2: one_hot throws

int main() {}
