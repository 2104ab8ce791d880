// Reading the hard-to-round lists (tests/data/worst_cases.md): one input a
// line in C99 hexadecimal (or inf, nan, and snan for a signaling NaN), '#'
// starts a comment line.
#ifndef CTNN_TESTS_WORST_CASES_HPP
#define CTNN_TESTS_WORST_CASES_HPP

#include <cstdlib>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace ctnn_test {

// The inputs of worst_cases/NAME.wc, unpacked by CMake into the build tree.
inline std::vector<double> read_worst_cases(const std::string& directory, const std::string& function) {
    const std::string path = directory + "/" + function + ".wc";
    std::ifstream file(path);
    if (!file) throw std::runtime_error(path + ": cannot open for reading");
    std::vector<double> inputs;
    std::string line;
    while (std::getline(file, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const char* text = line.c_str() + first;
        const bool negative = *text == '-';
        if (std::string(text + (*text == '+' || negative ? 1 : 0)).rfind("snan", 0) == 0) {
            const double snan = std::numeric_limits<double>::signaling_NaN();
            inputs.push_back(negative ? -snan : snan);
            continue;
        }
        char* end = nullptr;
        inputs.push_back(std::strtod(text, &end));
        if (end == text) throw std::runtime_error(path + ": not a number: " + line);
    }
    return inputs;
}

}  // namespace ctnn_test

#endif
