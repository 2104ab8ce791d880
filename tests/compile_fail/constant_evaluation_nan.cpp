// A NaN made in a constant evaluation: both compilers refuse it.
#include <limits>

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = inf - inf;

int main() {}
