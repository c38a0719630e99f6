#include "viewer/io/DicomDir.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>

namespace fs = std::filesystem;

namespace radpath {
namespace viewer {

bool isDicomDir(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return name == "DICOMDIR";
}

std::vector<std::string> filesInDicomDir(const std::string& path)
{
    DcmDicomDir dir(path.c_str());
    if (dir.error().bad())
        throw IoError(path, std::string("not a readable DICOMDIR: ") + dir.error().text());
    const fs::path base = fs::path(path).parent_path();
    std::vector<std::string> files;
    // Patient -> study -> series -> image records; images carry ReferencedFileID.
    std::function<void(DcmDirectoryRecord*)> walk = [&](DcmDirectoryRecord* record) {
        for (unsigned long i = 0; i < record->cardSub(); ++i) {
            DcmDirectoryRecord* sub = record->getSub(i);
            OFString id;
            if (sub->findAndGetOFStringArray(DCM_ReferencedFileID, id).good() && !id.empty()) {
                // Components are separated by '\'; the file-set uses upper-case names.
                fs::path file = base;
                size_t start = 0;
                const std::string components(id.c_str());
                for (size_t j = 0; j <= components.size(); ++j)
                    if (j == components.size() || components[j] == '\\') {
                        file /= components.substr(start, j - start);
                        start = j + 1;
                    }
                std::error_code ec;
                if (fs::is_regular_file(file, ec))
                    files.push_back(file.string());
            }
            walk(sub);
        }
    };
    walk(&dir.getRootRecord());
    if (files.empty())
        throw IoError(path, "the DICOMDIR references no image file that exists beside it");
    return files;
}

} // namespace viewer
} // namespace radpath
