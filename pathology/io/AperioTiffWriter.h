#pragma once
// Writes a pyramidal slide the way Aperio scanners do (SVS): tiled JPEG levels, a
// thumbnail as the second directory, label and macro images at the end. OpenSlide then
// reports vendor "aperio", mpp, objective power and the associated images.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace radpath::pathology {

/// Not thread-safe: one thread writes, in order: levels and thumbnail, then label and macro.
class AperioTiffWriter {
public:
    /// Writes to `path` + ".part"; finish() renames it into place.
    explicit AperioTiffWriter(const std::string& path);
    ~AperioTiffWriter(); ///< without finish(): removes the partial file

    /// A tiled level. `tile(col, row)` returns a complete JPEG stream of tileSize^2 pixels.
    void writeTiledLevel(int width, int height, int tileSize, const std::string& description,
                         const std::function<std::vector<std::uint8_t>(int col, int row)>& tile,
                         const std::function<void(double)>& progress = {});
    /// A stripped RGB image (thumbnail, label, macro), LZW-compressed.
    void writeStrippedImage(int width, int height, const std::vector<std::uint8_t>& rgb,
                            const std::string& description);
    void finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace radpath::pathology
