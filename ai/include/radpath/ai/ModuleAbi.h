#pragma once
// Entry points of the on-demand AI module (libradpath_ai.so). The application resolves
// these with dlopen/QLibrary; both sides must agree on kAbiVersion.

#include "radpath/ai/Engine.h"

namespace radpath::ai {

inline constexpr int kAbiVersion = 3;

/// File name of the module, without directory.
inline constexpr const char* kModuleFileName = "libradpath_ai.so";

} // namespace radpath::ai

extern "C" {
/// Returns radpath::ai::kAbiVersion of the module.
using RadpathAiAbiVersionFn = int (*)();
/// Creates an engine; the caller owns it and deletes it through radpath_ai_destroy_engine.
using RadpathAiCreateEngineFn = radpath::ai::Engine* (*)();
using RadpathAiDestroyEngineFn = void (*)(radpath::ai::Engine*);
}
