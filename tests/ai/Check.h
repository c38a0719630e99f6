#pragma once
// Minimal test helpers for ai/, which builds alone on machines that have only LibTorch.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include <unistd.h>

namespace radpath::ai::test {

/// A fresh empty directory under the system's temporary directory, removed when the test
/// program ends.
inline std::string temporaryDirectory(const std::string& name)
{
    namespace fs = std::filesystem;
    struct RemovedAtExit {
        std::vector<fs::path> dirs;
        ~RemovedAtExit()
        {
            std::error_code ignored;
            for (const fs::path& dir : dirs)
                fs::remove_all(dir, ignored);
        }
    };
    static RemovedAtExit made;
    const fs::path dir = fs::temp_directory_path() / ("radpath-ai-test-" + name + '-' + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    made.dirs.push_back(dir);
    return dir.string();
}

inline int& failures()
{
    static int count = 0;
    return count;
}

inline void check(bool ok, const char* expr, const char* file, int line)
{
    if (!ok) {
        std::fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
        ++failures();
    }
}

/// Runs named cases and prints "N passed, N failed"; returns the process exit code.
inline int runCases(const std::vector<std::pair<std::string, std::function<void()>>>& cases)
{
    int passed = 0, failed = 0;
    for (const auto& [name, fn] : cases) {
        const int before = failures();
        try {
            fn();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: unexpected exception: %s\n", name.c_str(), e.what());
            ++failures();
        }
        const bool ok = failures() == before;
        std::printf("%s %s\n", ok ? "PASS" : "FAIL", name.c_str());
        ok ? ++passed : ++failed;
    }
    std::printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

} // namespace radpath::ai::test

#define RADPATH_CHECK(expr) ::radpath::ai::test::check(static_cast<bool>(expr), #expr, __FILE__, __LINE__)
