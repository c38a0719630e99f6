#include "viewer/model/TransferFunction.h"

#include <QJsonArray>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace radpath::viewer {
namespace {

double mix(double a, double b, double t)
{
    return a + (b - a) * t;
}
std::array<double, 3> mix(const std::array<double, 3>& a, const std::array<double, 3>& b, double t)
{
    return {mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t)};
}

// Linear interpolation over points sorted by value, clamped at both ends.
template <class Point, class Get> auto interpolate(const std::vector<Point>& points, double value, Get get)
{
    using Result = decltype(get(points.front()));
    if (points.empty())
        return Result{};
    if (value <= points.front().value)
        return get(points.front());
    if (value >= points.back().value)
        return get(points.back());
    const auto upper =
        std::upper_bound(points.begin(), points.end(), value, [](double v, const Point& p) { return v < p.value; });
    const Point& b = *upper;
    const Point& a = *(upper - 1);
    const double t = b.value > a.value ? (value - a.value) / (b.value - a.value) : 1.0;
    return mix(get(a), get(b), t);
}

TransferFunction make(const char* name, std::vector<OpacityPoint> opacity, std::vector<ColourPoint> colour)
{
    TransferFunction tf;
    tf.name = name;
    tf.opacity = std::move(opacity);
    tf.colour = std::move(colour);
    return tf;
}

// Hounsfield presets. Opacity is per mm of ray.
TransferFunction ctBone()
{
    // Soft tissue and fat transparent; cancellous bone (~300 HU) translucent, cortex opaque.
    TransferFunction tf = make(
        QT_TRANSLATE_NOOP("TransferFunctionPresets", "CT bone"),
        {{-1024, 0}, {150, 0}, {300, 0.45}, {700, 0.85}, {3071, 0.9}},
        {{-1024, 0, 0, 0}, {150, 0.55, 0.25, 0.15}, {300, 0.9, 0.78, 0.6}, {700, 0.98, 0.94, 0.86}, {3071, 1, 1, 1}});
    tf.ambient = 0.15;
    tf.diffuse = 0.85;
    tf.specular = 0.3;
    tf.specularPower = 15;
    return tf;
}

TransferFunction ctSoftTissue()
{
    // Fat faint and yellow, muscle and organs (20-80 HU) red, bone ivory and opaque.
    return make(QT_TRANSLATE_NOOP("TransferFunctionPresets", "CT soft tissue"),
                {{-1024, 0}, {-300, 0}, {-100, 0.015}, {20, 0.04}, {80, 0.25}, {200, 0.3}, {400, 0.7}, {3071, 0.9}},
                {{-1024, 0, 0, 0},
                 {-100, 0.88, 0.72, 0.5},
                 {40, 0.78, 0.33, 0.27},
                 {100, 0.9, 0.5, 0.4},
                 {400, 0.96, 0.92, 0.84},
                 {3071, 1, 1, 1}});
}

TransferFunction ctLung()
{
    // Aerated lung (-900 to -500 HU) translucent, airways and outside air clear, soft
    // tissue clear, bone faint for orientation.
    TransferFunction tf =
        make(QT_TRANSLATE_NOOP("TransferFunctionPresets", "CT lung"),
             {{-1024, 0}, {-950, 0}, {-850, 0.06}, {-600, 0.1}, {-450, 0}, {200, 0}, {500, 0.1}, {3071, 0.2}},
             {{-1024, 0, 0, 0},
              {-900, 0.45, 0.55, 0.95},
              {-700, 0.85, 0.6, 0.6},
              {-500, 0.95, 0.85, 0.8},
              {500, 0.95, 0.93, 0.88},
              {3071, 1, 1, 1}});
    tf.ambient = 0.3;
    tf.diffuse = 0.7;
    return tf;
}

TransferFunction ctAngiography()
{
    // Contrast-filled vessels (150-500 HU) bright red, bone (> 500 HU) ivory.
    TransferFunction tf = make(QT_TRANSLATE_NOOP("TransferFunctionPresets", "CT angiography"),
                               {{-1024, 0}, {120, 0}, {200, 0.45}, {500, 0.7}, {3071, 0.85}},
                               {{-1024, 0, 0, 0},
                                {120, 0.55, 0.05, 0.05},
                                {200, 0.85, 0.12, 0.1},
                                {420, 1.0, 0.5, 0.4},
                                {600, 1.0, 0.93, 0.85},
                                {3071, 1, 1, 1}});
    tf.specular = 0.35;
    tf.specularPower = 20;
    return tf;
}

TransferFunction mip(const PresetScale& scale)
{
    // Brightness is the largest value along the ray, a grey ramp over the window. CT: level
    // 250, width 700 HU, so contrast and bone are bright and soft tissue dark.
    const double low = scale.hounsfield ? -100.0 : scale.low;
    const double high = scale.hounsfield ? 600.0 : std::max(scale.high, scale.low + 1e-6);
    TransferFunction tf = make(QT_TRANSLATE_NOOP("TransferFunctionPresets", "MIP"), {{low, 1}, {high, 1}},
                               {{low, 0, 0, 0}, {high, 1, 1, 1}});
    tf.mip = true;
    tf.shade = false;
    return tf;
}

TransferFunction mrDefault(const PresetScale& scale)
{
    // No absolute units: scale to the robust range. Background and noise (the lowest 15 %)
    // clear, the rest rising to bright and opaque.
    const double low = scale.low;
    const double w = std::max(scale.high - scale.low, 1e-6);
    return make(
        QT_TRANSLATE_NOOP("TransferFunctionPresets", "MR default"),
        {{low, 0}, {low + 0.15 * w, 0}, {low + 0.45 * w, 0.2}, {low + w, 0.6}},
        {{low, 0, 0, 0}, {low + 0.15 * w, 0.6, 0.4, 0.33}, {low + 0.5 * w, 0.9, 0.76, 0.66}, {low + w, 1, 0.97, 0.93}});
}

double number(const QJsonObject& json, const char* key, double fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble())
        throw std::invalid_argument(std::string("transfer function: \"") + key + "\" is not a number");
    return v.toDouble();
}

std::vector<double> row(const QJsonValue& value, int size, const char* list)
{
    const QJsonArray a = value.toArray();
    if (!value.isArray() || a.size() != size)
        throw std::invalid_argument(std::string("transfer function: every \"") + list + "\" point needs " +
                                    std::to_string(size) + " numbers");
    std::vector<double> out;
    for (const QJsonValue& v : a) {
        if (!v.isDouble() || !std::isfinite(v.toDouble()))
            throw std::invalid_argument(std::string("transfer function: a \"") + list + "\" point is not numeric");
        out.push_back(v.toDouble());
    }
    return out;
}

void checkUnit(double v, const char* what)
{
    if (v < 0.0 || v > 1.0)
        throw std::invalid_argument(std::string("transfer function: ") + what + " " + std::to_string(v) +
                                    " is outside [0, 1]");
}

} // namespace

double TransferFunction::opacityAt(double value) const
{
    return interpolate(opacity, value, [](const OpacityPoint& p) { return p.opacity; });
}

std::array<double, 3> TransferFunction::colourAt(double value) const
{
    return interpolate(colour, value, [](const ColourPoint& p) { return std::array<double, 3>{p.r, p.g, p.b}; });
}

void TransferFunction::sortPoints()
{
    std::stable_sort(opacity.begin(), opacity.end(), [](auto& a, auto& b) { return a.value < b.value; });
    std::stable_sort(colour.begin(), colour.end(), [](auto& a, auto& b) { return a.value < b.value; });
}

bool TransferFunction::operator==(const TransferFunction& o) const
{
    return name == o.name && opacity == o.opacity && colour == o.colour && mip == o.mip && shade == o.shade &&
           ambient == o.ambient && diffuse == o.diffuse && specular == o.specular && specularPower == o.specularPower;
}

std::vector<std::string> transferFunctionPresetNames()
{
    return {"CT bone", "CT soft tissue", "CT lung", "CT angiography", "MIP", "MR default"};
}

std::vector<TransferFunction> transferFunctionPresets(const PresetScale& scale)
{
    return {ctBone(), ctSoftTissue(), ctLung(), ctAngiography(), mip(scale), mrDefault(scale)};
}

std::optional<TransferFunction> transferFunctionPreset(const std::string& name, const PresetScale& scale)
{
    for (TransferFunction& tf : transferFunctionPresets(scale))
        if (tf.name == name)
            return std::move(tf);
    return std::nullopt;
}

QJsonObject toJson(const TransferFunction& tf)
{
    QJsonArray opacity, colour;
    for (const OpacityPoint& p : tf.opacity)
        opacity.append(QJsonArray{p.value, p.opacity});
    for (const ColourPoint& p : tf.colour)
        colour.append(QJsonArray{p.value, p.r, p.g, p.b});
    return QJsonObject{{"name", QString::fromStdString(tf.name)},
                       {"mip", tf.mip},
                       {"shade", tf.shade},
                       {"ambient", tf.ambient},
                       {"diffuse", tf.diffuse},
                       {"specular", tf.specular},
                       {"specularPower", tf.specularPower},
                       {"opacity", opacity},
                       {"colour", colour}};
}

TransferFunction transferFunctionFromJson(const QJsonObject& json)
{
    TransferFunction tf;
    tf.name = json.value("name").toString().toStdString();
    tf.mip = json.value("mip").toBool(false);
    tf.shade = json.value("shade").toBool(true);
    tf.ambient = number(json, "ambient", tf.ambient);
    tf.diffuse = number(json, "diffuse", tf.diffuse);
    tf.specular = number(json, "specular", tf.specular);
    tf.specularPower = number(json, "specularPower", tf.specularPower);
    for (const QJsonValue& v : json.value("opacity").toArray()) {
        const std::vector<double> p = row(v, 2, "opacity");
        checkUnit(p[1], "opacity");
        tf.opacity.push_back({p[0], p[1]});
    }
    for (const QJsonValue& v : json.value("colour").toArray()) {
        const std::vector<double> p = row(v, 4, "colour");
        for (int c = 1; c < 4; ++c)
            checkUnit(p[c], "colour component");
        tf.colour.push_back({p[0], p[1], p[2], p[3]});
    }
    if (tf.opacity.size() < 2)
        throw std::invalid_argument("transfer function: \"opacity\" needs at least 2 points");
    if (tf.colour.empty())
        throw std::invalid_argument("transfer function: \"colour\" needs at least 1 point");
    tf.sortPoints();
    return tf;
}

} // namespace radpath::viewer
