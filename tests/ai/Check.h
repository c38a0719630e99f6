#pragma once
// Minimal test helpers for ai/, which builds alone on machines that have only LibTorch.

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace radpath::ai::test {

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
