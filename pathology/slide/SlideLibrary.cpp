#include "pathology/slide/SlideLibrary.h"

#include <openslide.h>

namespace radpath::pathology {

std::string openslideVersion()
{
    const char* version = openslide_get_version();
    return version ? version : "";
}

std::string detectSlideVendor(const std::string& path)
{
    const char* vendor = openslide_detect_vendor(path.c_str());
    return vendor ? vendor : "";
}

} // namespace radpath::pathology
