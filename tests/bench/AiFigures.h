#pragma once
// Figures of the ai suite that live in their own files.

#include "Bench.h"

#include <QDir>

#include <cstdint>

namespace radpath::bench {

/// Runs of each side per figure (interleaved), and the seed of every network built.
constexpr int kAiRounds = 5;
constexpr std::uint64_t kAiSeed = 7;

/// Tile classification of the --small demo slide (written to `work` when missing) through
/// the engine, against a plain read-then-forward loop; the model package goes to `models`.
Figure slideInferenceFigure(const QDir& work, const QDir& models, int threads);

} // namespace radpath::bench
