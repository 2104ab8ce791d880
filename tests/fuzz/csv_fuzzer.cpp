// libFuzzer target: ctnn::io::read_csv on arbitrary bytes must either return
// well-formed data or throw ctnn::io::data_error; nothing else.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include <ctnn/io/csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(bytes), size));
    try {
        const auto data = ctnn::io::read_csv<2>(in, "fuzz.csv");
        if (data.inputs.empty() || data.inputs.size() != data.targets.size() || data.names.size() != data.inputs.size())
            std::abort();
        for (std::size_t i = 0; i < data.inputs.size(); ++i) {
            if (!std::isfinite(data.inputs[i][0]) || !std::isfinite(data.inputs[i][1])) std::abort();
            if (!(data.targets[i] >= 0 && data.targets[i] <= 1)) std::abort();
        }
    } catch (const ctnn::io::data_error&) {
    }
    return 0;
}
