#include "viewer/model/Colormap.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace radpath::viewer {
namespace {

struct ControlPoint {
    int entry; // position in matplotlib's 256-entry table
    double r, g, b;
};

// matplotlib's viridis (van der Walt and Smith, CC0), entries 0, 4, ..., 252 and 255.
constexpr ControlPoint kViridis[] = {
    {0, 0.267004, 0.004874, 0.329415},   {4, 0.272594, 0.025563, 0.353093},   {8, 0.277018, 0.050344, 0.375715},
    {12, 0.280267, 0.073417, 0.397163},  {16, 0.282327, 0.094955, 0.417331},  {20, 0.283197, 0.115680, 0.436115},
    {24, 0.282884, 0.135920, 0.453427},  {28, 0.281412, 0.155834, 0.469201},  {32, 0.278826, 0.175490, 0.483397},
    {36, 0.275191, 0.194905, 0.496005},  {40, 0.270595, 0.214069, 0.507052},  {44, 0.265145, 0.232956, 0.516599},
    {48, 0.258965, 0.251537, 0.524736},  {52, 0.252194, 0.269783, 0.531579},  {56, 0.244972, 0.287675, 0.537260},
    {60, 0.237441, 0.305202, 0.541921},  {64, 0.229739, 0.322361, 0.545706},  {68, 0.221989, 0.339161, 0.548752},
    {72, 0.214298, 0.355619, 0.551184},  {76, 0.206756, 0.371758, 0.553117},  {80, 0.199430, 0.387607, 0.554642},
    {84, 0.192357, 0.403199, 0.555836},  {88, 0.185556, 0.418570, 0.556753},  {92, 0.179019, 0.433756, 0.557430},
    {96, 0.172719, 0.448791, 0.557885},  {100, 0.166617, 0.463708, 0.558119}, {104, 0.160665, 0.478540, 0.558115},
    {108, 0.154815, 0.493313, 0.557840}, {112, 0.149039, 0.508051, 0.557250}, {116, 0.143343, 0.522773, 0.556295},
    {120, 0.137770, 0.537492, 0.554906}, {124, 0.132444, 0.552216, 0.553018}, {128, 0.127568, 0.566949, 0.550556},
    {132, 0.123463, 0.581687, 0.547445}, {136, 0.120565, 0.596422, 0.543611}, {140, 0.119423, 0.611141, 0.538982},
    {144, 0.120638, 0.625828, 0.533488}, {148, 0.124780, 0.640461, 0.527068}, {152, 0.132268, 0.655014, 0.519661},
    {156, 0.143303, 0.669459, 0.511215}, {160, 0.157851, 0.683765, 0.501686}, {164, 0.175707, 0.697900, 0.491033},
    {168, 0.196571, 0.711827, 0.479221}, {172, 0.220124, 0.725509, 0.466226}, {176, 0.246070, 0.738910, 0.452024},
    {180, 0.274149, 0.751988, 0.436601}, {184, 0.304148, 0.764704, 0.419943}, {188, 0.335885, 0.777018, 0.402049},
    {192, 0.369214, 0.788888, 0.382914}, {196, 0.404001, 0.800275, 0.362552}, {200, 0.440137, 0.811138, 0.340967},
    {204, 0.477504, 0.821444, 0.318195}, {208, 0.515992, 0.831158, 0.294279}, {212, 0.555484, 0.840254, 0.269281},
    {216, 0.595839, 0.848717, 0.243329}, {220, 0.636902, 0.856542, 0.216620}, {224, 0.678489, 0.863742, 0.189503},
    {228, 0.720391, 0.870350, 0.162603}, {232, 0.762373, 0.876424, 0.137064}, {236, 0.804182, 0.882046, 0.114965},
    {240, 0.845561, 0.887322, 0.099702}, {244, 0.886271, 0.892374, 0.095374}, {248, 0.926106, 0.897330, 0.104071},
    {252, 0.964894, 0.902323, 0.123941}, {255, 0.993248, 0.906157, 0.143936},
};

double clamp01(double x)
{
    return std::clamp(x, 0.0, 1.0);
}

std::uint8_t toByte(double x)
{
    return std::uint8_t(std::lround(clamp01(x) * 255.0));
}

std::array<std::uint8_t, 3> viridis(double t)
{
    const double position = t * 255.0;
    const auto* next = std::upper_bound(std::begin(kViridis), std::end(kViridis), position,
                                        [](double p, const ControlPoint& c) { return p < c.entry; });
    if (next == std::end(kViridis))
        --next;
    const ControlPoint& b = *next;
    const ControlPoint& a = *(next == std::begin(kViridis) ? next : next - 1);
    const double f = b.entry == a.entry ? 0.0 : (position - a.entry) / double(b.entry - a.entry);
    return {toByte(a.r + (b.r - a.r) * f), toByte(a.g + (b.g - a.g) * f), toByte(a.b + (b.b - a.b) * f)};
}

} // namespace

const std::array<Colormap, 4>& allColormaps()
{
    static const std::array<Colormap, 4> maps{Colormap::Grey, Colormap::Hot, Colormap::Jet, Colormap::Viridis};
    return maps;
}

const char* colormapKey(Colormap map)
{
    switch (map) {
    case Colormap::Grey:
        return "grey";
    case Colormap::Hot:
        return "hot";
    case Colormap::Jet:
        return "jet";
    case Colormap::Viridis:
        return "viridis";
    }
    return "grey";
}

const char* colormapName(Colormap map)
{
    switch (map) {
    case Colormap::Grey:
        return "Grey";
    case Colormap::Hot:
        return "Hot";
    case Colormap::Jet:
        return "Jet";
    case Colormap::Viridis:
        return "Viridis";
    }
    return "Grey";
}

std::optional<Colormap> colormapFromKey(const std::string& key)
{
    std::string k = key;
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (k == "gray")
        return Colormap::Grey;
    for (Colormap map : allColormaps())
        if (k == colormapKey(map))
            return map;
    return std::nullopt;
}

std::array<std::uint8_t, 3> colormapColour(Colormap map, double t)
{
    t = std::isnan(t) ? 0.0 : clamp01(t);
    switch (map) {
    case Colormap::Grey: {
        const std::uint8_t v = toByte(t);
        return {v, v, v};
    }
    case Colormap::Hot:
        return {toByte(t / 0.375), toByte((t - 0.375) / 0.375), toByte((t - 0.75) / 0.25)};
    case Colormap::Jet:
        return {toByte(1.5 - std::abs(4.0 * t - 3.0)), toByte(1.5 - std::abs(4.0 * t - 2.0)),
                toByte(1.5 - std::abs(4.0 * t - 1.0))};
    case Colormap::Viridis:
        return viridis(t);
    }
    return {0, 0, 0};
}

std::array<std::uint32_t, 256> colormapTable(Colormap map)
{
    std::array<std::uint32_t, 256> table{};
    for (int n = 0; n < 256; ++n) {
        const auto c = colormapColour(map, n / 255.0);
        table[std::size_t(n)] = 0xff000000u | (std::uint32_t(c[0]) << 16) | (std::uint32_t(c[1]) << 8) | c[2];
    }
    return table;
}

} // namespace radpath::viewer
