#pragma once
// Case lists of the ai.training test, one per source file.

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace radpath::ai::test {

using Cases = std::vector<std::pair<std::string, std::function<void()>>>;

Cases metricsCases();
Cases architectureCases();

} // namespace radpath::ai::test
