#pragma once
// DICOM lookup tables: palette colour (PS3.3 C.7.6.3.1.5-6, segmented C.7.9.2), Modality LUT
// and VOI LUT (C.11). Internal to viewer/io: only .cpp files that already use DCMTK include it.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

class DcmItem;

namespace radpath::viewer::dicom {

/// One table: the input `firstMapped` maps to table[0]; inputs below it map to the first
/// entry, inputs past the end to the last (as PS3.3 C.11.1.1 says).
struct Lut {
    int firstMapped = 0;
    int bits = 16; ///< third LUT Descriptor value: 8 or 16 in practice
    std::vector<std::uint16_t> table;
    std::string explanation; ///< LUTExplanation

    bool empty() const { return table.empty(); }
    std::uint16_t operator()(std::int64_t input) const
    {
        const std::int64_t last = std::int64_t(table.size()) - 1;
        return table[size_t(std::clamp<std::int64_t>(input - firstMapped, 0, last))];
    }
};

/// The three tables of a PALETTE COLOR image.
struct Palette {
    Lut red, green, blue;
    /// 8 when every entry fits 8 bits and the descriptor says 8, else 16.
    int outputBits() const;
};

/// Reads the palette (plain or segmented). Throws IoError naming `path` when it is missing,
/// malformed or uses indirect segments.
Palette readPalette(DcmItem& dataset, bool signedPixels, const std::string& path);

/// The first item of ModalityLUTSequence; empty when there is none. `lutType` receives
/// ModalityLUTType. Throws IoError when the item is malformed.
Lut readModalityLut(DcmItem& dataset, bool signedPixels, const std::string& path, std::string& lutType);

/// Every item of VOILUTSequence, in file order. Throws IoError when one is malformed.
std::vector<Lut> readVoiLuts(DcmItem& dataset, bool signedInput, const std::string& path);

} // namespace radpath::viewer::dicom
