#include "viewer/io/LabelMapReader.h"

#include "viewer/io/IoError.h"
#include "viewer/io/ItkImageReader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace radpath::viewer {
namespace {

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", std::abs(v) < 5e-7 ? 0.0 : v);
    return text;
}

std::string sizeAndSpacing(const ImageGeometry& g)
{
    const auto& s = g.spacing;
    const bool isotropic = std::abs(s[0] - s[1]) < 1e-6 && std::abs(s[0] - s[2]) < 1e-6;
    const std::string spacing = isotropic ? number(s[0]) : number(s[0]) + "×" + number(s[1]) + "×" + number(s[2]);
    return std::to_string(g.size[0]) + "×" + std::to_string(g.size[1]) + "×" + std::to_string(g.size[2]) +
           " voxels of " + spacing + " mm";
}

std::string point(const Vec3& p)
{
    return "(" + number(p[0]) + ", " + number(p[1]) + ", " + number(p[2]) + ") mm";
}

// The patient directions the index axes run towards, e.g. "LPS" or "RAS".
std::string orientation(const ImageGeometry& g)
{
    static const char* kLetters[3][2] = {{"L", "R"}, {"P", "A"}, {"S", "I"}};
    std::string code;
    for (int axis = 0; axis < 3; ++axis) {
        const Vec3 d = g.axisDirection(axis);
        int best = 0;
        for (int c = 1; c < 3; ++c)
            if (std::abs(d[std::size_t(c)]) > std::abs(d[std::size_t(best)]))
                best = c;
        code += kLetters[best][d[std::size_t(best)] < 0 ? 1 : 0];
    }
    return code;
}

std::string trimmed(std::string s)
{
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    s.erase(s.begin(), std::find_if(s.begin(), s.end(), notSpace));
    s.erase(std::find_if(s.rbegin(), s.rend(), notSpace).base(), s.end());
    return s;
}

bool isInteger(const std::string& s)
{
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    return i < s.size() &&
           std::all_of(s.begin() + std::ptrdiff_t(i), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string layerNameOf(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".nhdr", ".mha", ".mhd"}) {
        const std::string e(ext);
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
            return name.substr(0, name.size() - e.size());
    }
    return name;
}

// Floating-point labels -> Int32, when every voxel is a whole number.
template <class T> Volume wholeNumbers(const Volume& in, const std::string& path)
{
    Volume out(PixelType::Int32, in.geometry());
    out.info() = in.info();
    const T* src = in.voxels<T>();
    auto* dst = out.voxels<std::int32_t>();
    for (std::size_t i = 0, n = in.voxelCount(); i < n; ++i) {
        const T v = src[i];
        if (!(std::abs(v) <= T(std::numeric_limits<std::int32_t>::max())) || v != std::nearbyint(v))
            throw IoError(path, "holds non-integer values (such as " + number(double(v)) + "): not a label map");
        dst[i] = std::int32_t(v);
    }
    return out;
}

Volume readVolume(const std::string& path)
{
    Volume volume = ItkImageReader().read(path, TaskControl{});
    if (volume.components() != 1)
        throw IoError(path, "has " + std::to_string(volume.components()) + " values per voxel; layers need one");
    return volume;
}

} // namespace

std::string geometryMismatch(const ImageGeometry& a, const ImageGeometry& b)
{
    bool sameSpacing = true;
    for (int i = 0; i < 3; ++i)
        sameSpacing = sameSpacing && std::abs(a.spacing[i] - b.spacing[i]) <= 1e-3 * std::abs(b.spacing[i]);
    if (a.size != b.size || !sameSpacing)
        return sizeAndSpacing(a) + " does not match the image's " + sizeAndSpacing(b);
    const double smallest = std::min({b.spacing[0], b.spacing[1], b.spacing[2]});
    if (norm(sub(a.origin, b.origin)) > std::max(1e-3, 1e-2 * smallest))
        return "origin " + point(a.origin) + " does not match the image's origin " + point(b.origin);
    double worst = 0;
    for (std::size_t i = 0; i < 9; ++i)
        worst = std::max(worst, std::abs(a.direction[i] - b.direction[i]));
    if (worst > 1e-4) {
        const std::string oa = orientation(a), ob = orientation(b);
        if (oa != ob)
            return "orientation " + oa + " does not match the image's " + ob;
        return "axis directions differ from the image's by up to " + number(worst);
    }
    return {};
}

std::vector<LabelEntry> readLabelNames(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path, "cannot be opened");
    std::vector<LabelEntry> entries;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string value;
        words >> value;
        if (!isInteger(value))
            continue;
        std::vector<std::string> rest{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
        if (rest.size() > 1 && isInteger(rest.back()))
            rest.pop_back(); // mricron's extra code
        std::string name;
        for (const std::string& w : rest)
            name += (name.empty() ? "" : " ") + w;
        LabelEntry e;
        try {
            e.value = std::stoi(value);
        } catch (const std::out_of_range&) {
            continue;
        }
        e.name = trimmed(name);
        entries.push_back(e);
    }
    return entries;
}

std::vector<Rgb> readLabelLut(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path, "cannot be opened");
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (bytes.size() != 768)
        throw IoError(path, "is " + std::to_string(bytes.size()) +
                                " bytes; a colour table has 768 (256 red, 256 green, 256 blue)");
    std::vector<Rgb> colours(256);
    for (std::size_t n = 0; n < 256; ++n)
        colours[n] = {std::uint8_t(bytes[n]), std::uint8_t(bytes[256 + n]), std::uint8_t(bytes[512 + n])};
    return colours;
}

std::optional<std::string> labelSidecar(const std::string& imagePath, const std::string& extension)
{
    fs::path base(imagePath);
    if (base.extension() == ".gz")
        base.replace_extension();
    fs::path stem = base;
    stem.replace_extension();
    for (const fs::path& candidate : {fs::path(base.string() + extension), fs::path(stem.string() + extension)}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return candidate.string();
    }
    return std::nullopt;
}

namespace {

// The layer for `labels` read from `path`, with names and colours from its sidecars.
LabelMapLayer labelMapFrom(const std::string& path, Volume labels)
{
    if (labels.pixelType() == PixelType::Float32)
        labels = wholeNumbers<float>(labels, path);
    else if (labels.pixelType() == PixelType::Float64)
        labels = wholeNumbers<double>(labels, path);

    std::vector<LabelEntry> names;
    if (const auto txt = labelSidecar(path, ".txt"))
        names = readLabelNames(*txt);
    std::vector<Rgb> lut;
    if (const auto lutPath = labelSidecar(path, ".lut"))
        lut = readLabelLut(*lutPath);

    LabelMapLayer layer = makeLabelMapLayer(layerNameOf(path), std::move(labels));
    for (LabelEntry& e : layer.table) {
        const auto named =
            std::find_if(names.begin(), names.end(), [&](const LabelEntry& n) { return n.value == e.value; });
        if (named != names.end() && !named->name.empty())
            e.name = named->name;
        if (e.value >= 0 && std::size_t(e.value) < lut.size())
            e.colour = lut[std::size_t(e.value)];
    }
    return layer;
}

} // namespace

LabelMapLayer loadLabelMap(const std::string& path)
{
    return labelMapFrom(path, readVolume(path));
}

Volume resampleLabels(const Volume& labels, const ImageGeometry& grid)
{
    Volume out(labels.pixelType(), grid);
    const ImageGeometry& from = labels.geometry();
    // Continuous index in `labels` of grid voxel (i, j, k): base + i * di + j * dj + k * dk.
    const Vec3 base = from.physicalToIndex(grid.indexToPhysical({0, 0, 0}));
    Vec3 step[3];
    for (int a = 0; a < 3; ++a) {
        Vec3 unit{0, 0, 0};
        unit[size_t(a)] = 1;
        step[a] = sub(from.physicalToIndex(grid.indexToPhysical(unit)), base);
    }
    visitPixelType(labels.pixelType(), [&](auto zero) {
        using T = decltype(zero);
        const T* in = labels.voxels<T>();
        T* o = out.voxels<T>();
        for (int k = 0; k < grid.size[2]; ++k)
            for (int j = 0; j < grid.size[1]; ++j) {
                Vec3 x = add(base, add(scale(step[1], j), scale(step[2], k)));
                T* row = o + out.linearIndex(0, j, k);
                for (int i = 0; i < grid.size[0]; ++i, x = add(x, step[0])) {
                    const long a = std::lround(x[0]), b = std::lround(x[1]), c = std::lround(x[2]);
                    if (a >= 0 && b >= 0 && c >= 0 && a < from.size[0] && b < from.size[1] && c < from.size[2])
                        row[i] = in[labels.linearIndex(int(a), int(b), int(c))];
                }
            }
    });
    return out;
}

LabelMapLayer loadLabelMap(const std::string& path, const Volume& reference)
{
    Volume labels = readVolume(path);
    const std::string mismatch = geometryMismatch(labels.geometry(), reference.geometry());
    if (!mismatch.empty()) {
        // Onto the image's grid first: the table then lists the labels that grid holds.
        LabelMapLayer layer = labelMapFrom(path, resampleLabels(labels, reference.geometry()));
        if (layer.table.empty())
            throw IoError(path, "has no label inside the image (" + mismatch + ")");
        return layer;
    }
    return labelMapFrom(path, std::move(labels));
}

ScalarOverlayLayer loadScalarOverlay(const std::string& path)
{
    return makeScalarOverlay(layerNameOf(path), readVolume(path));
}

} // namespace radpath::viewer
