#pragma once
// Display adjustments for whole-slide tiles: stain separation (colour deconvolution),
// contrast, brightness and gamma. Headless (QtGui only); meant for the step that turns a
// decoded tile into something to paint.
//
// Thread safety: applyDisplay() may be called from any number of threads at once. Each
// thread keeps its own tables for the last settings it saw, so a worker rendering many
// tiles with the same settings builds them once.

#include <QImage>

#include <array>

namespace radpath::pathology {

/// What to show: the tile itself, or one stain of a colour deconvolution.
enum class StainChannel { Original, Hematoxylin, Eosin, Dab, Residual };

/// The stain pair on the slide (Ruifrok & Johnston's presets as in ImageJ/Fiji).
enum class StainKind { HE, HDab };

struct DisplaySettings {
    double brightness = 0.0; ///< added after contrast, in [-1, 1] of the full range
    double contrast = 1.0;   ///< multiplies around mid-grey (0.5); negative inverts
    double gamma = 1.0;      ///< output = input^(1/gamma) on [0,1]; values below 0.01 count as 0.01
    StainKind stains = StainKind::HE;
    StainChannel channel = StainChannel::Original;

    /// True when applyDisplay() would return the tile's pixels unchanged: neutral
    /// brightness, contrast and gamma and the Original channel.
    bool isIdentity() const;
    bool operator==(const DisplaySettings& other) const;
    bool operator!=(const DisplaySettings& other) const { return !(*this == other); }
};

/// Stain optical-density vectors (rows: stain 1, 2, 3; unit length, components R, G, B),
/// as the ImageJ/Fiji "Colour Deconvolution" plugin (G. Landini) builds them for its presets:
///  - HE: hematoxylin and eosin as that plugin's "H&E" preset (Landini's measured vectors,
///    close to Ruifrok & Johnston 2001's 0.650/0.704/0.286 and 0.072/0.990/0.105);
///  - HDab: hematoxylin and DAB as Ruifrok & Johnston 2001 ("H DAB" preset).
/// The third row is the plugin's complement of the first two: per component
/// sqrt(1 - a^2 - b^2) (0 where that is negative), normalised, with exact zeros replaced
/// by 0.001. For H DAB this gives (0.711, 0.423, 0.562), the residual Fiji reports.
std::array<std::array<double, 3>, 3> stainVectors(StainKind kind);

/// Whether `kind` has a stain shown as `channel` (Original and Residual always;
/// Eosin only for HE, Dab only for HDab).
bool hasChannel(StainKind kind, StainChannel channel);

/// Returns `rgba` (any format; converted to Format_RGBA8888, straight alpha) with:
///  1. stain separation when channel is not Original: the chosen stain's concentration c,
///     shown as that stain's colour on white, I = 255 * exp(-c * v) per channel with v the
///     stain's OD vector (Beer-Lambert, so a pure-stain pixel keeps its colour); Residual
///     shows the third component. A channel the kind lacks (see hasChannel) shows Original.
///  2. contrast around 0.5, then brightness, then one clamp to [0, 1], then gamma.
/// Alpha is kept. Returns a new Format_RGBA8888 image; `rgba` is unchanged (with identity
/// settings the result shares its pixels, copy-on-write). A null image gives a null image.
QImage applyDisplay(const QImage& rgba, const DisplaySettings& settings);

} // namespace radpath::pathology
