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

} // namespace radpath::ai::test
