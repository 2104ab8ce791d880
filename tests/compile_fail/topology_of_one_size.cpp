// A network needs inputs and outputs: one size is not a topology.
#include <ctnn/ctnn.hpp>

ctnn::network<ctnn::topology<2>> net;

int main() {}
