#pragma once
// The error of everything that reads, checks or runs a model package.

#include "radpath/ai/Export.h"

#include <stdexcept>
#include <string>

namespace radpath::ai {

/// A model package, its manifest or an input handed to its model is unusable.
/// what() names the file (and the manifest inside it) and the exact problem, ready to show:
/// "model.pt: radpath.json: input.channels must be a positive integer".
class RADPATH_AI_API ModelError : public std::runtime_error {
public:
    explicit ModelError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace radpath::ai
