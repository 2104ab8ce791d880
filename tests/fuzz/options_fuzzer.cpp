// libFuzzer target: ctnn-train's argument parser on arbitrary argument lists
// (the input split at NUL bytes) returns options or an error, never crashes,
// and what it accepts is in range.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>
#include <vector>

#include "options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    std::vector<std::string_view> args;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = text.find('\0', start);
        args.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    const auto parsed = ctnn_train::parse(args);
    if (const auto* opts = std::get_if<ctnn_train::options>(&parsed)) {
        if (!(opts->learn_rate > 0) || !std::isfinite(opts->learn_rate)) std::abort();
        if (!opts->export_file.empty() && opts->export_name.empty()) std::abort();
    } else if (std::get<ctnn_train::parse_error>(parsed).message.empty()) {
        std::abort();
    }
    return 0;
}
