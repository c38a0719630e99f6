#pragma once
// Case lists of the ai.model_package test, one per source file.

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace radpath::ai::test {

using Cases = std::vector<std::pair<std::string, std::function<void()>>>;

Cases sha256Cases();
Cases manifestCases();
Cases modelPackageCases();

/// A fresh empty directory under the system's temporary directory.
std::string temporaryDirectory(const std::string& name);

} // namespace radpath::ai::test
