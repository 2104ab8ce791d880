// ctnn-train: the notebook, replayed. The cells' values are computed by the
// compiler and checked with static_assert below; training runs the same
// templates at runtime and prints what numpy prints after np.random.seed(N).
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <sys/stat.h>  // POSIX: fchmod, umask (the export's temporary file)
#include <unistd.h>    // POSIX: write, fsync, close

#include <ctnn/ctnn.hpp>
#include <ctnn/io/csv.hpp>
#include <ctnn/io/export.hpp>

#include "notebook_cells.hpp"
#include "notebook_tasks.hpp"
#include "options.hpp"

namespace {

// ---- The training cell ------------------------------------------------------

using notebook = ctnn_examples::notebook_task;  // the network, Alice, Bob, Charlie and Diana
using notebook_network = notebook::network;

struct person {
    const char* name;
    std::array<double, 2> shifted_weight_height;
};

// The tutorial's follow-up: two people the network has not seen.
constexpr std::array<person, 2> new_people{{{"Emily", {-7, -3}}, {"Frank", {20, 2}}}};

// A file created under a name no other file has (mkstemp), next to `target`
// (so that renaming it into place stays on one file system and is atomic).
// Unless commit() renames it into place, it is closed and removed, whatever
// fails and however: a failed export leaves no half-written header and no
// temporary file, and touches no file of the user's.
class temporary_file {
public:
    explicit temporary_file(const std::filesystem::path& target)
        : target_(target), path_(target.string() + ".partial-XXXXXX") {
        fd_ = ::mkstemp(path_.data());  // replaces the X's
        if (fd_ < 0) fail("cannot open for writing");
    }
    temporary_file(const temporary_file&) = delete;
    temporary_file& operator=(const temporary_file&) = delete;
    ~temporary_file() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) std::remove(path_.c_str());
    }

    void write(std::string_view text) {
        while (!text.empty()) {
            const ssize_t written = ::write(fd_, text.data(), text.size());
            if (written < 0 && errno == EINTR) continue;
            if (written == 0) errno = EIO;  // no progress and no reason given
            if (written <= 0) fail("write failed");
            text.remove_prefix(static_cast<std::size_t>(written));
        }
    }

    // Gives the file a new file's usual permissions (mkstemp's are 0600),
    // writes it to the disk, closes it and renames it to the target.
    void commit() {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        if (::fchmod(fd_, 0666 & ~mask) != 0) fail("cannot set permissions");
        if (::fsync(fd_) != 0) fail("write failed");
        const int fd = std::exchange(fd_, -1);
        if (::close(fd) != 0) fail("write failed");
        if (std::rename(path_.c_str(), target_.c_str()) != 0) fail("cannot write");
        committed_ = true;
    }

private:
    // errno is read first: cleaning up (in the destructor) may change it.
    [[noreturn]] void fail(const std::string& what) const {
        throw ctnn::io::data_error(target_.string() + ": " + what + ": " + std::strerror(errno));
    }

    std::filesystem::path target_;
    std::string path_;
    int fd_ = -1;
    bool committed_ = false;
};

void export_header(const ctnn_train::options& opts, const notebook_network& net, const std::string& description,
                   std::span<const std::string> labels, std::span<const std::array<double, 2>> inputs) {
    const std::filesystem::path target = opts.export_file;
    std::error_code ignored;
    if (std::filesystem::is_directory(target, ignored))
        throw ctnn::io::data_error(opts.export_file + ": is a directory, not a file");
    std::ostringstream header;  // written in full before any file is created
    ctnn::io::write_header(header, net, opts.export_name, description, labels, inputs);
    temporary_file file(target);
    file.write(header.str());
    file.commit();
}

int run(const ctnn_train::options& opts) {
    const bool notebook = opts.data_file.empty();
    ctnn::io::labelled_data<2> data;
    if (notebook) {
        ctnn_examples::print_cells();
        for (std::size_t i = 0; i < notebook::inputs.size(); ++i) {
            data.names.emplace_back(notebook::names[i]);
            data.inputs.push_back(notebook::inputs[i]);
            data.targets.push_back(notebook::targets[i]);
        }
        std::printf("\nTraining the 2-2-1 network (seed %u, %zu epochs, learning rate %s):\n", opts.seed, opts.epochs,
                    ctnn_examples::shortest(opts.learn_rate).c_str());
    } else {
        data = ctnn::io::read_csv_file<2>(opts.data_file);
        std::printf("Training the 2-2-1 network on %s, %zu rows (seed %u, %zu epochs, learning rate %s):\n",
                    opts.data_file.c_str(), data.inputs.size(), opts.seed, opts.epochs, ctnn_examples::shortest(opts.learn_rate).c_str());
    }

    // After every epoch: stop if training has diverged, log the loss if asked.
    const auto after_epoch = [&](std::size_t epoch, const notebook_network& net) {
        const auto diverged = [&](const char* what) {
            return std::runtime_error("training diverged at epoch " + std::to_string(epoch) + ": " + what +
                                      " (try a smaller --learn-rate)");
        };
        if (!net.all_finite()) throw diverged("a weight became NaN or infinite");
        if (opts.log_every != 0 && epoch % opts.log_every == 0) {
            const double loss = ctnn::loss_over(net, data.inputs, data.targets);
            if (!std::isfinite(loss)) throw diverged("the loss is not finite");
            std::printf("Epoch %zu loss: %.3f\n", epoch, loss);
        }
    };
    const auto initial = ctnn::random_network<notebook_network>(opts.seed);
    const auto trained = ctnn::train(initial, data.inputs, data.targets,
                                     ctnn::sgd{.learn_rate = opts.learn_rate, .epochs = opts.epochs}, after_epoch);

    std::printf("\nPredictions%s:\n", notebook ? " (1 = female)" : "");
    for (std::size_t i = 0; i < data.inputs.size(); ++i)
        std::printf("%s: %.17g\n", data.names[i].c_str(), trained.feedforward(data.inputs[i]));
    if (notebook)
        for (const person& p : new_people) std::printf("%s: %.17g\n", p.name, trained.feedforward(p.shifted_weight_height));

    if (!opts.export_file.empty()) {
        const std::string description = "ctnn-train: a 2-2-1 sigmoid network trained on " +
                                        (notebook ? std::string("the notebook's four people") : opts.data_file) +
                                        " (seed " + std::to_string(opts.seed) + ", " + std::to_string(opts.epochs) +
                                        " epochs, learning rate " + ctnn_examples::shortest(opts.learn_rate) + ")";
        export_header(opts, trained, description, data.names, data.inputs);
        std::printf("\nWrote %s (network '%s')\n", opts.export_file.c_str(), opts.export_name.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto parsed = ctnn_train::parse(args);
    if (const auto* error = std::get_if<ctnn_train::parse_error>(&parsed)) {
        std::fprintf(stderr, "ctnn-train: %s\n", error->message.c_str());
        return 2;
    }
    const auto& opts = std::get<ctnn_train::options>(parsed);
    if (opts.help) {
        std::fputs(ctnn_train::usage.data(), stdout);
        return 0;
    }
    try {
        return run(opts);
    } catch (const std::exception& e) {  // bad data or an unwritable export
        std::fflush(stdout);
        std::fprintf(stderr, "ctnn-train: %s\n", e.what());
        return 2;
    }
}
