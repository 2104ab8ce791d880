// Reading a training set from CSV (runtime only): targets in [0, 1]
// (read_csv), or class labels (read_classified_csv, further down).
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
// with "FILE:LINE: " for a problem in a line, or "FILE: " for the file as a
// whole (cannot be opened, empty, no data rows, a class without rows).
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

namespace detail {

// The reading both formats share: a header row of `columns(header)` columns,
// then data rows of as many, each given to `row(cells, fail)`. Numbers are
// read by `number(cells, c, fail)`: finite doubles, or an error naming the
// column.
template <class Columns, class Row>
void read_rows(std::istream& in, const std::string& file, Columns columns_of, Row row) {
    std::size_t line_number = 0;
    const auto fail = [&](const std::string& message) -> data_error {
        return data_error(file + ":" + std::to_string(line_number) + ": " + message);
    };
    // Lines are read into a fixed buffer, so a file with no line breaks cannot
    // make the reader allocate without bound.
    std::vector<char> buffer(max_csv_line_length + 2);
    std::size_t columns = 0;
    while (in.getline(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        ++line_number;
        const auto length = static_cast<std::size_t>(in.gcount()) - (in.eof() ? 0 : 1);  // without the '\n'
        if ((in.fail() && !in.eof()) || length > max_csv_line_length)  // the buffer filled up
            throw fail("line longer than " + std::to_string(max_csv_line_length) + " characters");
        std::string_view line(buffer.data(), length);
        if (line_number == 1 && line.starts_with(utf8_byte_order_mark)) line.remove_prefix(utf8_byte_order_mark.size());
        if (line.find('\0') != std::string_view::npos) throw fail("binary data (a NUL byte) is not CSV");
        if (trim(line).empty()) continue;
        const auto cells = split(line);
        if (columns == 0) {  // the header row
            if (looks_like_data(cells))
                throw fail("this looks like a data row, not a header: the first row must name the columns, "
                           "e.g. 'x1,x2,y' or 'name,x1,x2,y'");
            columns = cells.size();
            columns_of(cells, fail);
            continue;
        }
        if (cells.size() != columns)
            throw fail("expected " + std::to_string(columns) + " columns, found " + std::to_string(cells.size()));
        row(cells, fail);
    }
    if (in.bad()) throw data_error(file + ": read error");
    if (columns == 0) throw data_error(file + ": empty file: expected a header row, then data rows");
}

template <class Fail>
double number(const std::vector<std::string_view>& cells, std::size_t c, const Fail& fail) {
    const std::string_view cell = cells[c];
    double value = 0;
    const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (!cell.empty() && ec == std::errc::result_out_of_range && end == cell.data() + cell.size())
        throw fail("column " + std::to_string(c + 1) + ": '" + std::string(cell) +
                   "' is out of range (beyond what a double holds)");
    if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size())
        throw fail("column " + std::to_string(c + 1) + ": '" + std::string(cell) + "' is not a number");
    if (!std::isfinite(value)) throw fail("column " + std::to_string(c + 1) + ": '" + std::string(cell) + "' is not finite");
    return value;
}

}  // namespace detail

// Reads `in`; `file` names it in error messages.
template <std::size_t Inputs>
labelled_data<Inputs> read_csv(std::istream& in, const std::string& file) {
    labelled_data<Inputs> data;
    bool named = false;
    const auto header = [&](const std::vector<std::string_view>& cells, const auto& fail) {
        named = cells.front() == "name";
        const std::size_t expected = Inputs + 1 + (named ? 1 : 0);
        if (cells.size() != expected)
            throw fail("the header has " + std::to_string(cells.size()) + " columns; the network takes " +
                       std::to_string(Inputs) + " inputs, so expected " + std::to_string(expected) +
                       (named ? " (name, inputs, target)" : " (inputs, then the target; an optional first column 'name')"));
    };
    const auto row = [&](const std::vector<std::string_view>& cells, const auto& fail) {
        const std::size_t first = named ? 1 : 0;
        std::array<double, Inputs + 1> numbers{};
        for (std::size_t c = 0; c <= Inputs; ++c) numbers[c] = detail::number(cells, first + c, fail);
        if (numbers[Inputs] < 0 || numbers[Inputs] > 1)
            throw fail("the target " + std::string(cells.back()) + " is outside [0, 1]");
        std::array<double, Inputs> x{};
        for (std::size_t c = 0; c < Inputs; ++c) x[c] = numbers[c];
        data.inputs.push_back(x);
        data.targets.push_back(numbers[Inputs]);
        data.names.push_back(named ? std::string(cells.front()) : "row " + std::to_string(data.inputs.size()));
    };
    detail::read_rows(in, file, header, row);
    if (data.inputs.empty()) throw data_error(file + ": no data rows after the header");
    return data;
}

// A classification data set: inputs, and each row's class as an index into
// the class names the caller expects.
template <std::size_t Inputs>
struct classified_data {
    std::vector<std::array<double, Inputs>> inputs;
    std::vector<std::size_t> classes;
};

// Reads a header, then rows of Inputs numbers and a class label, the last
// column, which must be one of `class_names`; every class must have at least
// one row. Like read_csv, the first problem found is a data_error naming
// FILE:LINE (or FILE, for a class without rows), and nothing is returned.
template <std::size_t Inputs>
classified_data<Inputs> read_classified_csv(std::istream& in, const std::string& file,
                                            const std::vector<std::string>& class_names) {
    classified_data<Inputs> data;
    std::string known;
    for (const std::string& name : class_names) known += (known.empty() ? "" : ", ") + name;
    const auto header = [&](const std::vector<std::string_view>& cells, const auto& fail) {
        // A data row ends in a label, so the reader's own test (numbers after a
        // first cell) would pass it for a header: test the input columns here.
        bool all_numbers = true;
        for (std::size_t c = 0; c + 1 < cells.size(); ++c) all_numbers = all_numbers && detail::is_number(cells[c]);
        if (all_numbers && cells.size() > 1)
            throw fail("this looks like a data row, not a header: the first row must name the columns, "
                       "e.g. 'x1,x2,class'");
        if (cells.size() != Inputs + 1)
            throw fail("the header has " + std::to_string(cells.size()) + " columns; expected " +
                       std::to_string(Inputs + 1) + " (" + std::to_string(Inputs) + " inputs, then the class)");
    };
    const auto row = [&](const std::vector<std::string_view>& cells, const auto& fail) {
        std::array<double, Inputs> x{};
        for (std::size_t c = 0; c < Inputs; ++c) x[c] = detail::number(cells, c, fail);
        std::size_t label = 0;
        while (label < class_names.size() && class_names[label] != cells.back()) ++label;
        if (label == class_names.size())
            throw fail("class '" + std::string(cells.back()) + "' is not one of the classes (" + known + ")");
        data.inputs.push_back(x);
        data.classes.push_back(label);
    };
    detail::read_rows(in, file, header, row);
    if (data.inputs.empty()) throw data_error(file + ": no data rows after the header");
    for (std::size_t label = 0; label < class_names.size(); ++label) {
        bool found = false;
        for (std::size_t c : data.classes) found = found || c == label;
        if (!found) throw data_error(file + ": class '" + class_names[label] + "' has no rows");
    }
    return data;
}

namespace detail {
inline std::ifstream open_data_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw data_error(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw data_error(path + ": cannot open for reading");
    return in;
}
}  // namespace detail

template <std::size_t Inputs>
labelled_data<Inputs> read_csv_file(const std::string& path) {
    std::ifstream in = detail::open_data_file(path);
    return read_csv<Inputs>(in, path);
}

template <std::size_t Inputs>
classified_data<Inputs> read_classified_csv_file(const std::string& path, const std::vector<std::string>& class_names) {
    std::ifstream in = detail::open_data_file(path);
    return read_classified_csv<Inputs>(in, path, class_names);
}

}  // namespace ctnn::io
CTNN_END_SEPARATE_ROUNDING

#endif
