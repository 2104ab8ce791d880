// ctnn::io::read_csv: good files, and a clear "FILE:LINE: problem" for bad ones.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include <ctnn/io/csv.hpp>

namespace {

ctnn::io::labelled_data<2> read(const std::string& text) {
    std::istringstream in(text);
    return ctnn::io::read_csv<2>(in, "people.csv");
}

std::string error_of(const std::string& text) {
    try {
        read(text);
    } catch (const ctnn::io::data_error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("a file with names", "[io][csv]") {
    const auto data = read("name,weight,height,female\r\nAlice,-2,-1,1\r\n\r\nBob, 25 ,6,0\r\n");
    REQUIRE(data.inputs.size() == 2);
    CHECK(data.names == std::vector<std::string>{"Alice", "Bob"});
    CHECK(data.inputs[1] == std::array{25.0, 6.0});
    CHECK(data.targets == std::vector{1.0, 0.0});
}

TEST_CASE("a file without names", "[io][csv]") {
    const auto data = read("x1,x2,y\n0.5,-1e3,0.25\n");
    CHECK(data.names == std::vector<std::string>{"row 1"});
    CHECK(data.inputs[0] == std::array{0.5, -1000.0});
    CHECK(data.targets[0] == 0.25);
}

TEST_CASE("bad files name the line and the problem", "[io][csv]") {
    CHECK(error_of("") == "people.csv: empty file: expected a header row, then data rows");
    CHECK(error_of("a,b,y\n") == "people.csv: no data rows after the header");
    CHECK(error_of("a,b,c,y\n1,2,3,1\n").starts_with("people.csv:1: the header has 4 columns; the network takes 2 inputs"));
    CHECK(error_of("a,b,y\n1,2,1\n1,2\n") == "people.csv:3: expected 3 columns, found 2");
    CHECK(error_of("a,b,y\n1,two,1\n") == "people.csv:2: column 2: 'two' is not a number");
    CHECK(error_of("a,b,y\n1,,1\n") == "people.csv:2: column 2: '' is not a number");
    CHECK(error_of("a,b,y\n1,nan,1\n") == "people.csv:2: column 2: 'nan' is not finite");
    CHECK(error_of("a,b,y\n1,inf,1\n") == "people.csv:2: column 2: 'inf' is not finite");
    CHECK(error_of("a,b,y\n1,2,1.5\n") == "people.csv:2: the target 1.5 is outside [0, 1]");
    CHECK(error_of("a,b,y\n1,2,-0.1\n") == "people.csv:2: the target -0.1 is outside [0, 1]");
    CHECK(error_of(std::string("a,b,y\n1,2\0,1\n", 13)) == "people.csv:2: binary data (a NUL byte) is not CSV");
    CHECK(error_of("a,b,y\n" + std::string(70000, '1') + ",1,1\n").starts_with("people.csv:2: line longer than"));
}

TEST_CASE("a missing file", "[io][csv]") {
    CHECK_THROWS_WITH(ctnn::io::read_csv_file<2>("/nonexistent/people.csv"), "/nonexistent/people.csv: cannot open for reading");
}
