#include "viewer/io/VolumeReader.h"

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/io/IoError.h"
#include "viewer/io/ItkImageReader.h"

#include <filesystem>
#include <system_error>

namespace radpath::viewer {

ReaderRegistry ReaderRegistry::withBuiltinReaders()
{
    ReaderRegistry registry;
    registry.add(std::make_shared<DicomSeriesReader>());
    registry.add(std::make_shared<ItkImageReader>());
    return registry;
}

void ReaderRegistry::add(std::shared_ptr<const VolumeReader> reader)
{
    m_readers.push_back(std::move(reader));
}

std::shared_ptr<const VolumeReader> ReaderRegistry::find(const std::string& path) const
{
    std::shared_ptr<const VolumeReader> best;
    double bestConfidence = 0.0;
    for (const auto& reader : m_readers) {
        const double c = reader->confidence(path);
        if (c > bestConfidence) {
            bestConfidence = c;
            best = reader;
        }
    }
    return best;
}

Volume ReaderRegistry::read(const std::string& path, const TaskControl& control) const
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw IoError(path, "no such file or folder");
    const auto reader = find(path);
    if (!reader)
        throw IoError(path, std::filesystem::is_directory(path, ec)
                                ? "the folder holds no image RadPath can read"
                                : "not an image format RadPath can read");
    return reader->read(path, control);
}

} // namespace radpath::viewer
