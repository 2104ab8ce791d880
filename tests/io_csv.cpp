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

TEST_CASE("a file without a header row is an error, not one data row fewer", "[io][csv]") {
    const std::string message = "people.csv:1: this looks like a data row, not a header: the first row must name the "
                                "columns, e.g. 'x1,x2,y' or 'name,x1,x2,y'";
    CHECK(error_of("-2,-1,1\n25,6,0\n") == message);
    CHECK(error_of("Alice,-2,-1,1\nBob,25,6,0\n") == message);  // names, but no header
    CHECK(error_of("\n\n0.5,1e400,1\n1,2,0\n") == "people.csv:3" + message.substr(12));
    // A header may contain digits, as long as it is not made of numbers.
    CHECK(read("x1,x2,y\n1,2,1\n").inputs.size() == 1);
    CHECK(read("name,2019,2020,y\nAlice,1,2,1\n").inputs.size() == 1);
}

TEST_CASE("a UTF-8 byte-order mark before the header is skipped", "[io][csv]") {
    const std::string bom = "\xEF\xBB\xBF";
    const auto named = read(bom + "name,weight,height,female\nAlice,-2,-1,1\n");
    CHECK(named.names == std::vector<std::string>{"Alice"});
    CHECK(named.inputs[0] == std::array{-2.0, -1.0});
    CHECK(named.targets[0] == 1.0);
    const auto unnamed = read(bom + "x1,x2,y\n0.5,2,0\n");
    CHECK(unnamed.names == std::vector<std::string>{"row 1"});
    CHECK(unnamed.inputs[0] == std::array{0.5, 2.0});
    // Only at the very start of the file: elsewhere it is not part of a number.
    CHECK(error_of("x1,x2,y\n" + bom + "1,2,0\n") == "people.csv:2: column 1: '" + bom + "1' is not a number");
}

TEST_CASE("a number beyond a double's range is reported as out of range", "[io][csv]") {
    CHECK(error_of("a,b,y\n1e400,1,1\n") == "people.csv:2: column 1: '1e400' is out of range (beyond what a double holds)");
    CHECK(error_of("a,b,y\n1,-1e400,1\n") == "people.csv:2: column 2: '-1e400' is out of range (beyond what a double holds)");
    CHECK(error_of("a,b,y\n1,1e-400,1\n") == "people.csv:2: column 2: '1e-400' is out of range (beyond what a double holds)");
    CHECK(error_of("a,b,y\n1,2,1e400x\n") == "people.csv:2: column 3: '1e400x' is not a number");
    CHECK(read("a,b,y\n1.7e308,-4.9e-324,1\n").inputs[0] == std::array{1.7e308, -4.9e-324});
}

TEST_CASE("a missing file", "[io][csv]") {
    CHECK_THROWS_WITH(ctnn::io::read_csv_file<2>("/nonexistent/people.csv"), "/nonexistent/people.csv: cannot open for reading");
}

namespace {
const std::vector<std::string> species{"setosa", "versicolor", "virginica"};

ctnn::io::classified_data<2> read_classes(const std::string& text) {
    std::istringstream in(text);
    return ctnn::io::read_classified_csv<2>(in, "iris.csv", species);
}

std::string class_error_of(const std::string& text) {
    try {
        read_classes(text);
    } catch (const ctnn::io::data_error& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("classification data: inputs and class indices", "[io][csv][classes]") {
    const auto data = read_classes("a,b,species\n1,2,virginica\n3,4,setosa\n5,6,versicolor\n");
    CHECK(data.inputs == std::vector<std::array<double, 2>>{{1, 2}, {3, 4}, {5, 6}});
    CHECK(data.classes == std::vector<std::size_t>{2, 0, 1});
}

TEST_CASE("classification data: bad files name the problem", "[io][csv][classes]") {
    const std::string header = "a,b,species\n";
    const std::string each = "1,2,setosa\n1,2,versicolor\n1,2,virginica\n";
    CHECK(class_error_of(header + each + "1,2,rose\n") ==
          "iris.csv:5: class 'rose' is not one of the classes (setosa, versicolor, virginica)");
    CHECK(class_error_of(header + each + "1,setosa\n") == "iris.csv:5: expected 3 columns, found 2");
    CHECK(class_error_of(header + "1,2,setosa\n1,2,virginica\n") == "iris.csv: class 'versicolor' has no rows");
    CHECK(class_error_of(header + each + "nan,2,setosa\n") == "iris.csv:5: column 1: 'nan' is not finite");
    CHECK(class_error_of(header + each + "1e400,2,setosa\n") ==
          "iris.csv:5: column 1: '1e400' is out of range (beyond what a double holds)");
    CHECK(class_error_of("a,b,c,species\n") == "iris.csv:1: the header has 4 columns; expected 3 (2 inputs, then the class)");
    CHECK(class_error_of(header) == "iris.csv: no data rows after the header");
    // No header: the first data row must not be taken for one.
    CHECK(class_error_of(each) ==
          "iris.csv:1: this looks like a data row, not a header: the first row must name the columns, e.g. 'x1,x2,class'");
}
