#pragma once
// Volume rendering transfer functions: voxel value -> opacity and colour, with how the
// volume is lit and blended. Values are in the volume's units (HU for CT). Headless.

#include <QJsonObject>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace radpath::viewer {

/// Opacity per millimetre of ray (VTK's scalar opacity at unit distance 1 mm).
struct OpacityPoint {
    double value = 0.0;
    double opacity = 0.0;
    bool operator==(const OpacityPoint& o) const { return value == o.value && opacity == o.opacity; }
};

/// RGB in [0, 1].
struct ColourPoint {
    double value = 0.0;
    double r = 0.0, g = 0.0, b = 0.0;
    bool operator==(const ColourPoint& o) const { return value == o.value && r == o.r && g == o.g && b == o.b; }
};

/// Plain value type. Between points, opacity and colour are linear in value (RGB space);
/// outside the points they hold the first or last point's value, as VTK clamps them.
struct TransferFunction {
    std::string name;                  ///< preset name, or the user's own
    std::vector<OpacityPoint> opacity; ///< ascending values; at least 2 points
    std::vector<ColourPoint> colour;   ///< ascending values; at least 1 point
    bool mip = false;                  ///< maximum intensity projection instead of compositing
    bool shade = true;                 ///< gradient lighting (compositing only)
    double ambient = 0.2;
    double diffuse = 0.8;
    double specular = 0.2;
    double specularPower = 10.0;

    double opacityAt(double value) const;
    std::array<double, 3> colourAt(double value) const;
    /// Sorts both point lists by value (stable).
    void sortPoints();

    bool operator==(const TransferFunction& o) const;
    bool operator!=(const TransferFunction& o) const { return !(*this == o); }
};

/// What presets scale to. CT presets use Hounsfield units as they are; presets for images
/// without absolute units (MR) use [low, high], a robust range of the volume's values
/// (for instance its 1st to 99.5th percentile).
struct PresetScale {
    bool hounsfield = false;
    double low = 0.0;
    double high = 1.0;
};

/// "CT bone", "CT soft tissue", "CT lung", "CT angiography", "MIP", "MR default".
/// The names are stable identifiers; translate them for display with
/// QCoreApplication::translate("TransferFunctionPresets", name).
std::vector<std::string> transferFunctionPresetNames();
/// Every preset, in the order of transferFunctionPresetNames().
std::vector<TransferFunction> transferFunctionPresets(const PresetScale& scale);
/// The preset called `name`, or nothing when there is none.
std::optional<TransferFunction> transferFunctionPreset(const std::string& name, const PresetScale& scale);

/// {"name", "mip", "shade", "ambient", "diffuse", "specular", "specularPower",
///  "opacity": [[value, opacity], ...], "colour": [[value, r, g, b], ...]}
QJsonObject toJson(const TransferFunction& tf);
/// Throws std::invalid_argument naming what is wrong (missing points, values out of range).
/// Points are sorted by value.
TransferFunction transferFunctionFromJson(const QJsonObject& json);

} // namespace radpath::viewer
