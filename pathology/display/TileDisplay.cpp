#include "pathology/display/TileDisplay.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace radpath::pathology {

namespace {

using Matrix3 = std::array<std::array<double, 3>, 3>;

// Entries of the concentration -> colour table. 4096 steps over the largest concentration
// an 8-bit pixel can give keep the table in L1 and the error under half a grey level.
constexpr int kStainSteps = 4096;

double finiteOr(double value, double fallback)
{
    return std::isfinite(value) ? value : fallback;
}

double effectiveGamma(double gamma)
{
    return gamma >= 0.01 ? gamma : 0.01; // also catches NaN
}

// Normalises each stain row and completes a missing third stain the way ImageJ's
// Colour Deconvolution plugin (G. Landini) does: per component sqrt(1 - a^2 - b^2),
// 0 where that would be imaginary, normalised; then exact zeros become 0.001.
Matrix3 completeStains(Matrix3 m)
{
    for (auto& row : m) {
        const double len = std::sqrt(row[0] * row[0] + row[1] * row[1] + row[2] * row[2]);
        if (len > 0.0)
            for (double& v : row)
                v /= len;
    }
    auto& third = m[2];
    if (third[0] == 0.0 && third[1] == 0.0 && third[2] == 0.0) {
        for (int k = 0; k < 3; ++k) {
            const double sumSq = m[0][k] * m[0][k] + m[1][k] * m[1][k];
            third[k] = sumSq > 1.0 ? 0.0 : std::sqrt(1.0 - sumSq);
        }
        const double len = std::sqrt(third[0] * third[0] + third[1] * third[1] + third[2] * third[2]);
        for (double& v : third)
            v /= len;
    }
    for (auto& row : m)
        for (double& v : row)
            if (v == 0.0)
                v = 0.001;
    return m;
}

Matrix3 inverse(const Matrix3& m)
{
    const double a = m[0][0], b = m[0][1], c = m[0][2];
    const double d = m[1][0], e = m[1][1], f = m[1][2];
    const double g = m[2][0], h = m[2][1], i = m[2][2];
    const double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    return {{{(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
             {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
             {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}}};
}

// Row of stainVectors() shown as `channel`, or -1 for the original pixels.
int stainRow(StainKind kind, StainChannel channel)
{
    switch (channel) {
    case StainChannel::Hematoxylin:
        return 0;
    case StainChannel::Eosin:
        return kind == StainKind::HE ? 1 : -1;
    case StainChannel::Dab:
        return kind == StainKind::HDab ? 1 : -1;
    case StainChannel::Residual:
        return 2;
    case StainChannel::Original:
        break;
    }
    return -1;
}

// Everything applyDisplay() derives from one DisplaySettings.
struct Tables {
    bool valid = false;
    DisplaySettings settings;
    std::array<std::uint8_t, 256> transfer{}; // contrast, brightness, gamma on 8-bit values
    int row = -1;                             // stain shown, -1 for Original
    // Concentration of the shown stain in table steps, per channel value: the optical
    // density times that channel's coefficient of the inverse stain matrix.
    std::array<std::array<float, 256>, 3> odTerm{};
    std::vector<std::uint32_t> stainColour; // RGBA8888 word, R, G, B after transfer, alpha 0, per step
};

void buildTransfer(Tables& t, const DisplaySettings& s)
{
    const double contrast = finiteOr(s.contrast, 1.0);
    const double brightness = finiteOr(s.brightness, 0.0);
    const double invGamma = 1.0 / effectiveGamma(s.gamma);
    for (int i = 0; i < 256; ++i) {
        double v = (i / 255.0 - 0.5) * contrast + 0.5 + brightness;
        v = std::clamp(v, 0.0, 1.0);
        if (invGamma != 1.0)
            v = std::pow(v, invGamma);
        t.transfer[i] = static_cast<std::uint8_t>(std::lround(v * 255.0));
    }
}

// Colour deconvolution as in ImageJ's Colour Deconvolution plugin: background 255 and the
// plugin's optical density -ln((I + 1) / 255) (natural log; the plugin scales it by
// 255 / ln 255, which cancels because its stain image is 255 * exp(-c) in these units).
// Concentrations are c = od * inverse(stains). Here the shown stain's c is drawn in that
// stain's colour, 255 * exp(-c * v), rather than through the plugin's linear lookup table.
void buildStain(Tables& t, const DisplaySettings& s)
{
    const Matrix3 stains = stainVectors(s.stains);
    const Matrix3 q = inverse(stains);
    const int r = t.row;

    // Largest concentration an 8-bit pixel can reach: OD at most ln 255 per channel.
    const double odMax = std::log(255.0);
    double cMax = 0.0;
    for (int k = 0; k < 3; ++k)
        cMax += std::max(0.0, q[k][r]) * odMax;
    cMax = std::max(cMax, 1e-6);
    const double stepsPerUnit = (kStainSteps - 1) / cMax;

    for (int k = 0; k < 3; ++k)
        for (int i = 0; i < 256; ++i) {
            const double od = -std::log((i + 1) / 255.0);
            t.odTerm[k][i] = static_cast<float>(od * q[k][r] * stepsPerUnit);
        }

    // exp(-c v) at c = n / stepsPerUnit, by repeated multiplication per channel.
    std::vector<std::array<std::uint8_t, 4>> bytes(kStainSteps, {0, 0, 0, 0});
    for (int k = 0; k < 3; ++k) {
        const double ratio = std::exp(-stains[r][k] / stepsPerUnit);
        double value = 1.0;
        for (int n = 0; n < kStainSteps; ++n) {
            const auto level = static_cast<int>(std::lround(std::min(value, 1.0) * 255.0));
            bytes[n][k] = t.transfer[level];
            value *= ratio;
        }
    }
    static_assert(sizeof(bytes[0]) == sizeof(std::uint32_t));
    t.stainColour.resize(kStainSteps);
    std::memcpy(t.stainColour.data(), bytes.data(), kStainSteps * 4);
}

const Tables& tablesFor(const DisplaySettings& s, int row)
{
    thread_local Tables t;
    if (t.valid && t.settings == s)
        return t;
    t.valid = false;
    t.settings = s;
    t.row = row;
    buildTransfer(t, s);
    if (row >= 0)
        buildStain(t, s);
    t.valid = true;
    return t;
}

void applyTransfer(const QImage& src, QImage& dst, const Tables& t)
{
    const auto& lut = t.transfer;
    const int w = src.width();
    for (int y = 0; y < src.height(); ++y) {
        const uchar* in = src.constScanLine(y);
        uchar* out = dst.scanLine(y);
        for (int x = 0; x < w; ++x, in += 4, out += 4) {
            out[0] = lut[in[0]];
            out[1] = lut[in[1]];
            out[2] = lut[in[2]];
            out[3] = in[3];
        }
    }
}

void applyStain(const QImage& src, QImage& dst, const Tables& t)
{
    const float* termR = t.odTerm[0].data();
    const float* termG = t.odTerm[1].data();
    const float* termB = t.odTerm[2].data();
    const std::uint32_t* colour = t.stainColour.data();
    // The alpha byte of an RGBA8888 pixel read as one 32-bit word, whatever the byte order.
    constexpr std::uint8_t kAlphaBytes[4] = {0, 0, 0, 0xff};
    std::uint32_t alphaMask;
    std::memcpy(&alphaMask, kAlphaBytes, 4);
    constexpr float kLast = kStainSteps - 1;
    const int w = src.width();
    for (int y = 0; y < src.height(); ++y) {
        const uchar* in = src.constScanLine(y);
        auto* out = reinterpret_cast<std::uint32_t*>(dst.scanLine(y)); // rows are 4-byte aligned
        for (int x = 0; x < w; ++x, in += 4) {
            // Negative concentrations (pixels brighter than the stain allows) show white.
            const float c = std::clamp(termR[in[0]] + termG[in[1]] + termB[in[2]], 0.0f, kLast);
            std::uint32_t pixel;
            std::memcpy(&pixel, in, 4);
            out[x] = colour[static_cast<int>(c + 0.5f)] | (pixel & alphaMask);
        }
    }
}

} // namespace

bool DisplaySettings::isIdentity() const
{
    return brightness == 0.0 && contrast == 1.0 && gamma == 1.0 && channel == StainChannel::Original;
}

bool DisplaySettings::operator==(const DisplaySettings& other) const
{
    return brightness == other.brightness && contrast == other.contrast && gamma == other.gamma &&
           stains == other.stains && channel == other.channel;
}

std::array<std::array<double, 3>, 3> stainVectors(StainKind kind)
{
    switch (kind) {
    case StainKind::HDab:
        // Hematoxylin, DAB (3,3'-diaminobenzidine): Ruifrok & Johnston 2001.
        return completeStains({{{0.650, 0.704, 0.286}, {0.268, 0.570, 0.776}, {0.0, 0.0, 0.0}}});
    case StainKind::HE:
        break;
    }
    // Hematoxylin, eosin: the plugin's H&E preset.
    return completeStains({{{0.644211, 0.716556, 0.266844}, {0.092789, 0.954111, 0.283111}, {0.0, 0.0, 0.0}}});
}

bool hasChannel(StainKind kind, StainChannel channel)
{
    return channel == StainChannel::Original || stainRow(kind, channel) >= 0;
}

QImage applyDisplay(const QImage& rgba, const DisplaySettings& settings)
{
    if (rgba.isNull())
        return {};
    const QImage src = rgba.format() == QImage::Format_RGBA8888 ? rgba : rgba.convertToFormat(QImage::Format_RGBA8888);

    const int row = stainRow(settings.stains, settings.channel);
    DisplaySettings effective = settings;
    if (row < 0)
        effective.channel = StainChannel::Original;
    if (effective.isIdentity())
        return src;

    const Tables& tables = tablesFor(effective, row);
    QImage dst(src.size(), QImage::Format_RGBA8888);
    if (dst.isNull())
        return {}; // out of memory
    dst.setDotsPerMeterX(src.dotsPerMeterX());
    dst.setDotsPerMeterY(src.dotsPerMeterY());
    if (row < 0)
        applyTransfer(src, dst, tables);
    else
        applyStain(src, dst, tables);
    return dst;
}

} // namespace radpath::pathology
