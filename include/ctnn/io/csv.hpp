// Reading a training set from CSV (runtime only).
//
//   name,weight,height,female      <- a header row (a first column "name" is optional)
//   Alice,-2,-1,1                  <- inputs, then the target in [0, 1]
//
// The header is required, and must not look like data (numbers where the
// inputs and target go): a file that starts with a data row is an error, not
// a file whose first row is quietly taken for column names. A UTF-8
// byte-order mark at the start (as some spreadsheets write) is skipped.
//
// Every problem is reported as a ctnn::io::data_error whose message starts
// with "FILE:LINE: ".
#ifndef CTNN_IO_CSV_HPP
#define CTNN_IO_CSV_HPP

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <ctnn/bits/fp_contract.hpp>

CTNN_BEGIN_SEPARATE_ROUNDING
namespace ctnn::io {

struct data_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <std::size_t Inputs>
struct labelled_data {
    std::vector<std::string> names;  // from the "name" column, or "row N"
    std::vector<std::array<double, Inputs>> inputs;
    std::vector<double> targets;
};

inline constexpr std::size_t max_csv_line_length = 1 << 16;

namespace detail {

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

inline std::vector<std::string_view> split(std::string_view line) {
    std::vector<std::string_view> cells;
    for (std::size_t start = 0;;) {
        const std::size_t comma = line.find(',', start);
        cells.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) return cells;
        start = comma + 1;
    }
}

// True for a cell that from_chars reads entirely as a number (in range or not).
inline bool is_number(std::string_view cell) {
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return !cell.empty() && end == cell.data() + cell.size() &&
           (ec == std::errc{} || ec == std::errc::result_out_of_range);
}

// A data row in the header's place: every cell a number, or every cell but a
// first one (a name).
inline bool looks_like_data(const std::vector<std::string_view>& cells) {
    for (std::size_t c = cells.size() > 1 ? 1 : 0; c < cells.size(); ++c)
        if (!is_number(cells[c])) return false;
    return true;
}

inline constexpr std::string_view utf8_byte_order_mark = "\xEF\xBB\xBF";

}  // namespace detail

// Reads `in`; `file` names it in error messages.
template <std::size_t Inputs>
labelled_data<Inputs> read_csv(std::istream& in, const std::string& file) {
    labelled_data<Inputs> data;
    std::size_t line_number = 0;
    const auto fail = [&](const std::string& message) -> data_error {
        return data_error(file + ":" + std::to_string(line_number) + ": " + message);
    };

    // Lines are read into a fixed buffer, so a file with no line breaks cannot
    // make the reader allocate without bound.
    std::vector<char> buffer(max_csv_line_length + 2);
    bool named = false;
    std::size_t columns = 0;
    while (in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        ++line_number;
        const auto length = static_cast<std::size_t>(in.gcount()) - (in.eof() ? 0 : 1);  // without the '\n'
        if ((in.fail() && !in.eof()) || length > max_csv_line_length)  // the buffer filled up
            throw fail("line longer than " + std::to_string(max_csv_line_length) + " characters");
        std::string_view line(buffer.data(), length);
        if (line_number == 1 && line.starts_with(detail::utf8_byte_order_mark))
            line.remove_prefix(detail::utf8_byte_order_mark.size());
        if (line.find('\0') != std::string_view::npos) throw fail("binary data (a NUL byte) is not CSV");
        if (detail::trim(line).empty()) continue;
        const auto cells = detail::split(line);
        if (columns == 0) {  // the header row
            if (detail::looks_like_data(cells))
                throw fail("this looks like a data row, not a header: the first row must name the columns, "
                           "e.g. 'x1,x2,y' or 'name,x1,x2,y'");
            named = cells.front() == "name";
            columns = cells.size();
            const std::size_t expected = Inputs + 1 + (named ? 1 : 0);
            if (columns != expected)
                throw fail("the header has " + std::to_string(columns) + " columns; the network takes " +
                           std::to_string(Inputs) + " inputs, so expected " + std::to_string(expected) +
                           (named ? " (name, inputs, target)" : " (inputs, then the target; an optional first column 'name')"));
            continue;
        }
        if (cells.size() != columns)
            throw fail("expected " + std::to_string(columns) + " columns, found " + std::to_string(cells.size()));
        const std::size_t first = named ? 1 : 0;
        std::array<double, Inputs + 1> numbers{};
        for (std::size_t c = 0; c <= Inputs; ++c) {
            const std::string_view cell = cells[first + c];
            double value = 0;
            const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
            if (!cell.empty() && ec == std::errc::result_out_of_range && end == cell.data() + cell.size())
                throw fail("column " + std::to_string(first + c + 1) + ": '" + std::string(cell) +
                           "' is out of range (beyond what a double holds)");
            if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size())
                throw fail("column " + std::to_string(first + c + 1) + ": '" + std::string(cell) + "' is not a number");
            if (!std::isfinite(value))
                throw fail("column " + std::to_string(first + c + 1) + ": '" + std::string(cell) + "' is not finite");
            numbers[c] = value;
        }
        if (numbers[Inputs] < 0 || numbers[Inputs] > 1)
            throw fail("the target " + std::string(cells.back()) + " is outside [0, 1]");
        std::array<double, Inputs> x{};
        for (std::size_t c = 0; c < Inputs; ++c) x[c] = numbers[c];
        data.inputs.push_back(x);
        data.targets.push_back(numbers[Inputs]);
        data.names.push_back(named ? std::string(cells.front()) : "row " + std::to_string(data.inputs.size()));
    }
    if (in.bad()) throw data_error(file + ": read error");
    if (columns == 0) throw data_error(file + ": empty file: expected a header row, then data rows");
    if (data.inputs.empty()) throw data_error(file + ": no data rows after the header");
    return data;
}

template <std::size_t Inputs>
labelled_data<Inputs> read_csv_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw data_error(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw data_error(path + ": cannot open for reading");
    return read_csv<Inputs>(in, path);
}

}  // namespace ctnn::io
CTNN_END_SEPARATE_ROUNDING

#endif
