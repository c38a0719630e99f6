// C entry points that the application resolves after loading the module on demand.

#include "radpath/ai/ModuleAbi.h"

#define RADPATH_AI_EXPORT __attribute__((visibility("default")))

extern "C" {

RADPATH_AI_EXPORT int radpath_ai_abi_version()
{
    return radpath::ai::kAbiVersion;
}

RADPATH_AI_EXPORT radpath::ai::Engine* radpath_ai_create_engine()
{
    try {
        return radpath::ai::createEngine().release();
    } catch (...) {
        return nullptr;
    }
}

RADPATH_AI_EXPORT void radpath_ai_destroy_engine(radpath::ai::Engine* engine)
{
    delete engine;
}

} // extern "C"
