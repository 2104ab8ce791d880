// A double overflowing to +inf in a constant evaluation: g++ refuses it (Clang accepts it).
constexpr double big = 1e308 * 10;  // the largest double is about 1.8e308

int main() {}
