#pragma once
// Facts about the OpenSlide library that the pathology module reads slides with.

#include <string>

namespace radpath::pathology {

/// OpenSlide's version string, e.g. "3.4.1".
std::string openslideVersion();

/// The slide vendor OpenSlide detects for `path` ("aperio", "generic-tiff", ...), or an
/// empty string when OpenSlide cannot read it. Thread-safe; opens no slide.
std::string detectSlideVendor(const std::string& path);

} // namespace radpath::pathology
