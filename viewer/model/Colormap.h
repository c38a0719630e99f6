#pragma once
// Colour maps for scalar overlays: a value t in [0, 1] becomes an RGB colour.

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace radpath::viewer {

enum class Colormap { Grey, Hot, Jet, Viridis };

/// Every colormap, in the order a UI lists them.
const std::array<Colormap, 4>& allColormaps();
/// Stable lower-case key for settings and JSON: "grey", "hot", "jet", "viridis".
const char* colormapKey(Colormap map);
/// English name for display ("Grey", "Hot", "Jet", "Viridis"); the UI translates it.
const char* colormapName(Colormap map);
/// Inverse of colormapKey, case-insensitive ("gray" is accepted too); nullopt when unknown.
std::optional<Colormap> colormapFromKey(const std::string& key);

/// Colour at t, clamped to [0, 1]. Grey: black to white. Hot: red rises over [0, 3/8],
/// green over [3/8, 3/4], blue over [3/4, 1] (black to white). Jet: MATLAB's piecewise
/// linear dark blue, blue, cyan, yellow, red, dark red. Viridis: matplotlib's published
/// table (every 4th of its 256 entries), linear between those control points.
std::array<std::uint8_t, 3> colormapColour(Colormap map, double t);

/// 256 opaque colours as 0xAARRGGBB (QRgb layout): entry n is colormapColour(map, n / 255).
std::array<std::uint32_t, 256> colormapTable(Colormap map);

} // namespace radpath::viewer
