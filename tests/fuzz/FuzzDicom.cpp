// Any bytes as a DICOM file: RadPath must read it or refuse it with an IoError, never crash.

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // One file alone in its own folder, so that it is its own series.
    static const std::string dir = [] {
        const auto path = std::filesystem::temp_directory_path() / ("radpath-fuzz-" + std::to_string(getpid()));
        std::filesystem::create_directories(path);
        return path.string();
    }();
    const std::string file = dir + "/input.dcm";
    if (std::FILE* f = std::fopen(file.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    try {
        radpath::viewer::DicomSeriesReader().read(file, {});
    } catch (const radpath::viewer::IoError&) {
        // refused with a message: the expected outcome for most inputs
    }
    return 0;
}
