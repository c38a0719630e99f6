#pragma once
// Marks the symbols that the AI module exports; everything else in it stays hidden.

#if defined(RADPATH_AI_BUILDING)
#define RADPATH_AI_API __attribute__((visibility("default")))
#else
#define RADPATH_AI_API
#endif
