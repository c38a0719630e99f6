#include "viewer/io/DicomLut.h"

#include "viewer/io/IoError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cmath>

namespace radpath::viewer::dicom {
namespace {

struct Descriptor {
    size_t entries = 0;
    int firstMapped = 0;
    int bits = 16;
};

// LUT Descriptor (US or SS, VM 3): 0 entries means 65536; the first mapped value is
// signed when the element is SS or the values it maps are signed.
bool readDescriptor(DcmItem& item, const DcmTagKey& key, bool signedInput, Descriptor& d)
{
    Uint16 u[3] = {0, 0, 0};
    Sint16 s[3] = {0, 0, 0};
    bool ok = true;
    for (unsigned long i = 0; i < 3 && ok; ++i)
        ok = item.findAndGetUint16(key, u[i], i).good();
    if (!ok) {
        ok = true;
        for (unsigned long i = 0; i < 3 && ok; ++i)
            ok = item.findAndGetSint16(key, s[i], i).good();
        if (!ok)
            return false;
        for (int i = 0; i < 3; ++i)
            u[i] = Uint16(s[i]);
        signedInput = true;
    }
    d.entries = u[0] == 0 ? 65536 : u[0];
    d.firstMapped = signedInput ? int(Sint16(u[1])) : int(u[1]);
    d.bits = u[2];
    return true;
}

// The element's values as 16-bit words (US, SS or OW); empty when absent.
std::vector<std::uint16_t> words(DcmItem& item, const DcmTagKey& key)
{
    const Uint16* data = nullptr;
    unsigned long count = 0;
    if (item.findAndGetUint16Array(key, data, &count).good() && data)
        return {data, data + count};
    const Sint16* signedData = nullptr;
    if (item.findAndGetSint16Array(key, signedData, &count).good() && signedData)
        return {reinterpret_cast<const std::uint16_t*>(signedData),
                reinterpret_cast<const std::uint16_t*>(signedData) + count};
    return {};
}

// Bytes of 16-bit words as stored little endian, for 8-bit entries packed two to a word.
std::vector<std::uint16_t> bytesOf(const std::vector<std::uint16_t>& w, size_t count)
{
    std::vector<std::uint16_t> bytes(count);
    for (size_t k = 0; k < count; ++k)
        bytes[k] = std::uint16_t((w[k / 2] >> (8 * (k % 2))) & 0xffu);
    return bytes;
}

// LUT Data: one entry per word, or 8-bit entries packed two to a word.
std::vector<std::uint16_t> tableData(DcmItem& item, const DcmTagKey& key, const Descriptor& d, const std::string& path,
                                     const char* what)
{
    const std::vector<std::uint16_t> w = words(item, key);
    if (w.size() >= d.entries)
        return {w.begin(), w.begin() + std::ptrdiff_t(d.entries)};
    if (d.bits == 8 && w.size() * 2 >= d.entries)
        return bytesOf(w, d.entries);
    throw IoError(path, std::string(what) + " holds " + std::to_string(w.size()) + " values for " +
                            std::to_string(d.entries) + " entries");
}

// Segmented palette data (PS3.3 C.7.9.2): 8-bit segments for 8-bit entries, else 16-bit.
std::vector<std::uint16_t> expandSegments(const std::vector<std::uint16_t>& w, int bits, const std::string& path)
{
    const std::vector<std::uint16_t> data = bits == 8 ? bytesOf(w, w.size() * 2) : w;
    std::vector<std::uint16_t> lut;
    auto fail = [&](const std::string& why) { return IoError(path, "the segmented palette is damaged: " + why); };
    size_t at = 0;
    while (at + 1 < data.size()) { // a trailing pad value is no segment
        const unsigned opcode = data[at], length = data[at + 1];
        at += 2;
        if (opcode == 0) { // discrete: `length` values follow
            if (at + length > data.size())
                throw fail("a discrete segment passes the end");
            lut.insert(lut.end(), data.begin() + std::ptrdiff_t(at), data.begin() + std::ptrdiff_t(at + length));
            at += length;
        } else if (opcode == 1) { // linear: from the last value to y1 in `length` steps
            if (lut.empty() || at >= data.size())
                throw fail("a linear segment has no start value or no end value");
            const double y0 = lut.back(), y1 = data[at++];
            for (unsigned i = 1; i <= length; ++i)
                lut.push_back(std::uint16_t(std::nearbyint(y0 + (y1 - y0) * i / length)));
        } else if (opcode == 2) {
            throw IoError(path, "segmented palettes with indirect segments are not supported");
        } else {
            throw fail("unknown segment type " + std::to_string(opcode));
        }
        if (lut.size() > 65536)
            throw fail("more than 65536 entries");
    }
    if (lut.empty())
        throw fail("no entries");
    return lut;
}

Lut readTable(DcmItem& item, bool signedInput, const std::string& path, const char* what)
{
    Descriptor d;
    if (!readDescriptor(item, DCM_LUTDescriptor, signedInput, d))
        throw IoError(path, std::string(what) + " has no valid LUT Descriptor");
    Lut lut;
    lut.firstMapped = d.firstMapped;
    lut.bits = d.bits;
    lut.table = tableData(item, DCM_LUTData, d, path, what);
    OFString explanation;
    if (item.findAndGetOFString(DCM_LUTExplanation, explanation).good())
        lut.explanation = explanation.c_str();
    return lut;
}

} // namespace

int Palette::outputBits() const
{
    if (red.bits > 8 || green.bits > 8 || blue.bits > 8)
        return 16;
    for (const Lut* lut : {&red, &green, &blue})
        for (std::uint16_t v : lut->table)
            if (v > 255)
                return 16;
    return 8;
}

Palette readPalette(DcmItem& ds, bool signedPixels, const std::string& path)
{
    struct Channel {
        const char* name;
        DcmTagKey descriptor, data, segmented;
        Lut* lut;
    };
    Palette palette;
    const Channel channels[] = {{"red", DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData,
                                 DCM_SegmentedRedPaletteColorLookupTableData, &palette.red},
                                {"green", DCM_GreenPaletteColorLookupTableDescriptor,
                                 DCM_GreenPaletteColorLookupTableData, DCM_SegmentedGreenPaletteColorLookupTableData,
                                 &palette.green},
                                {"blue", DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData,
                                 DCM_SegmentedBluePaletteColorLookupTableData, &palette.blue}};
    for (const Channel& c : channels) {
        Descriptor d;
        if (!readDescriptor(ds, c.descriptor, signedPixels, d))
            throw IoError(path, std::string("PALETTE COLOR image without a valid ") + c.name + " palette descriptor");
        if (d.bits != 8 && d.bits != 16)
            throw IoError(path, std::string("the ") + c.name + " palette has " + std::to_string(d.bits) +
                                    "-bit entries; only 8 and 16 are allowed");
        c.lut->firstMapped = d.firstMapped;
        c.lut->bits = d.bits;
        if (ds.tagExists(c.data))
            c.lut->table = tableData(ds, c.data, d, path, (std::string("the ") + c.name + " palette").c_str());
        else if (ds.tagExists(c.segmented))
            c.lut->table = expandSegments(words(ds, c.segmented), d.bits, path);
        else
            throw IoError(path, std::string("PALETTE COLOR image without ") + c.name + " palette data");
        // 8-bit entries written one to a word in its high byte.
        if (d.bits == 8 &&
            std::all_of(c.lut->table.begin(), c.lut->table.end(), [](std::uint16_t v) { return (v & 0xffu) == 0; }) &&
            std::any_of(c.lut->table.begin(), c.lut->table.end(), [](std::uint16_t v) { return v > 255; }))
            for (std::uint16_t& v : c.lut->table)
                v = std::uint16_t(v >> 8);
    }
    return palette;
}

Lut readModalityLut(DcmItem& ds, bool signedPixels, const std::string& path, std::string& lutType)
{
    DcmItem* item = nullptr;
    if (ds.findAndGetSequenceItem(DCM_ModalityLUTSequence, item, 0).bad() || !item)
        return {};
    OFString type;
    if (item->findAndGetOFString(DCM_ModalityLUTType, type).good())
        lutType = type.c_str();
    return readTable(*item, signedPixels, path, "the Modality LUT");
}

std::vector<Lut> readVoiLuts(DcmItem& ds, bool signedInput, const std::string& path)
{
    std::vector<Lut> luts;
    DcmItem* item = nullptr;
    for (long i = 0; ds.findAndGetSequenceItem(DCM_VOILUTSequence, item, i).good() && item; ++i)
        luts.push_back(readTable(*item, signedInput, path, ("VOI LUT " + std::to_string(i + 1)).c_str()));
    return luts;
}

} // namespace radpath::viewer::dicom
