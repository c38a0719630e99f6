#include "viewer/demo/DxPhantom.h"

#include <algorithm>
#include <cmath>

namespace radpath::viewer {
namespace {

// 1 inside, 0 outside, a soft edge `soft` wide (in normalised ellipse units).
double softEllipse(double x, double y, double cx, double cy, double rx, double ry, double soft)
{
    const double d = std::sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry));
    return std::clamp((1.0 - d) / soft + 0.5, 0.0, 1.0);
}

} // namespace

ChestImage makeChestImage(const ChestSpec& spec)
{
    // Separate streams: with or without an opacity, anatomy and noise stay the same.
    std::mt19937 rng(spec.seed);
    std::mt19937 noiseRng(spec.seed ^ 0x9e3779b9u);
    std::mt19937 opacityRng(spec.seed + 1u);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> noise(0.0, spec.noiseSd);
    const double w = spec.width, h = spec.height;
    const double vary = spec.varyAnatomy ? 1.0 : 0.0;

    // Anatomy in image fractions; the patient's right lung is on the image left (PA view).
    const double shift = vary * (u(rng) - 0.5) * 0.04;
    const double lungRx = (0.16 + vary * (u(rng) - 0.5) * 0.03) * w, lungRy = (0.27 + vary * (u(rng) - 0.5) * 0.04) * h;
    const double lungY = 0.45 * h;
    const double rightLungX = (0.32 + shift) * w, leftLungX = (0.68 + shift) * w;
    const double ribPhase = vary * u(rng) * 6.28;

    ChestImage image;
    image.width = spec.width;
    image.height = spec.height;
    image.pixels.resize(size_t(spec.width) * size_t(spec.height));

    if (spec.withOpacity) {
        const bool right = u(opacityRng) < 0.5;
        const double cx = right ? rightLungX : leftLungX;
        image.hasOpacity = true;
        image.opacity.centerX = cx + (u(opacityRng) - 0.5) * 0.8 * lungRx;
        image.opacity.centerY = lungY + (u(opacityRng) - 0.5) * 0.9 * lungRy;
        image.opacity.radius = std::min(w, h) * (0.05 + 0.03 * u(opacityRng));
    }

    for (int y = 0; y < spec.height; ++y)
        for (int x = 0; x < spec.width; ++x) {
            double v = 180.0; // air outside the patient
            // Trunk with shoulders: soft tissue.
            const double trunk = softEllipse(x, y, (0.5 + shift) * w, 0.62 * h, 0.47 * w, 0.62 * h, 0.03);
            v += trunk * 2000.0;
            // Lungs are dark: much less attenuation.
            const double lungs = std::max(softEllipse(x, y, rightLungX, lungY, lungRx, lungRy, 0.08),
                                          softEllipse(x, y, leftLungX, lungY, lungRx, lungRy, 0.08));
            v -= lungs * 1250.0;
            // Heart and mediastinum, slightly to the patient's left (image right).
            v += softEllipse(x, y, (0.55 + shift) * w, 0.6 * h, 0.13 * w, 0.14 * h, 0.1) * 800.0;
            v += softEllipse(x, y, (0.5 + shift) * w, 0.4 * h, 0.05 * w, 0.3 * h, 0.1) * 500.0;
            // Spine, and ribs as periodic bright arcs over the lungs.
            v += softEllipse(x, y, (0.5 + shift) * w, 0.55 * h, 0.035 * w, 0.6 * h, 0.2) * 400.0;
            const double arc = y + 0.12 * h * std::pow((x - (0.5 + shift) * w) / (0.5 * w), 2);
            const double rib = std::pow(std::max(0.0, std::sin(arc / (0.055 * h) * 3.14159 + ribPhase)), 8.0);
            v += rib * lungs * 420.0;
            // Diaphragm below the lungs: dense.
            v += trunk * std::clamp((y - 0.72 * h) / (0.04 * h), 0.0, 1.0) * 300.0;
            if (image.hasOpacity) {
                const double dx = x - image.opacity.centerX, dy = y - image.opacity.centerY;
                const double r = image.opacity.radius;
                // Gaussian, a quarter of its peak at `radius`.
                v += 900.0 * std::exp(-std::log(4.0) * (dx * dx + dy * dy) / (r * r));
            }
            v += noise(noiseRng);
            image.pixels[size_t(y) * size_t(spec.width) + size_t(x)] = std::uint16_t(std::clamp(v, 0.0, 4095.0));
        }
    return image;
}

} // namespace radpath::viewer
