#pragma once
// What the dataset commands (train, evaluate) tell the user on stderr: progress by stage and
// lists of files left out.

#include "app/core/TrainingDataset.h"

#include <functional>
#include <vector>

namespace radpath::app::cli {

/// A progress callback for `stage`: one updating line on a terminal, a line per quarter
/// otherwise (logs stay short).
std::function<void(double fraction)> stderrProgress(const char* stage);

/// "<what> PATH: REASON" per file, the first `limit` of them, then how many more.
void reportFiles(const char* what, const std::vector<SkippedFile>& files, int limit = 20);

} // namespace radpath::app::cli
