#include "pathology/annotation/Annotation.h"

#include <QUuid>

#include <algorithm>
#include <cstring>

namespace radpath::pathology {
namespace {

constexpr std::uint32_t rgb(int r, int g, int b)
{
    return (std::uint32_t(r) << 16) | (std::uint32_t(g) << 8) | std::uint32_t(b);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0 || a == b;
}

} // namespace

void Measurements::set(const std::string& name, double value)
{
    for (Entry& e : m_entries)
        if (e.first == name) {
            e.second = value;
            return;
        }
    m_entries.emplace_back(name, value);
}

std::optional<double> Measurements::value(const std::string& name) const
{
    for (const Entry& e : m_entries)
        if (e.first == name)
            return e.second;
    return std::nullopt;
}

bool Measurements::remove(const std::string& name)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.first == name; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    return true;
}

bool operator==(const Measurements& a, const Measurements& b)
{
    return std::equal(a.m_entries.begin(), a.m_entries.end(), b.m_entries.begin(), b.m_entries.end(),
                      [](const auto& x, const auto& y) { return x.first == y.first && sameBits(x.second, y.second); });
}

bool operator==(const Annotation& a, const Annotation& b)
{
    return a.id == b.id && a.objectType == b.objectType && a.name == b.name && a.classification == b.classification &&
           a.rgb == b.rgb && a.isLocked == b.isLocked && a.measurements == b.measurements && a.metadata == b.metadata &&
           a.geometry == b.geometry;
}

std::string newAnnotationId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::vector<PathClass> defaultClasses()
{
    // QuPath's PathClassFactory.StandardPathClasses colours.
    return {{"Tumor", rgb(200, 0, 0)},      {"Stroma", rgb(150, 200, 150)}, {"Immune cells", rgb(160, 90, 160)},
            {"Necrosis", rgb(50, 50, 50)},  {"Other", rgb(255, 200, 0)},    {"Region*", rgb(0, 0, 180)},
            {"Ignore*", rgb(180, 180, 180)}};
}

const PathClass* ClassList::find(const std::string& name) const
{
    for (const PathClass& c : m_classes)
        if (c.name == name)
            return &c;
    return nullptr;
}

void ClassList::set(const PathClass& c)
{
    for (PathClass& existing : m_classes)
        if (existing.name == c.name) {
            existing.rgb = c.rgb;
            return;
        }
    m_classes.push_back(c);
}

bool ClassList::remove(const std::string& name)
{
    const auto it =
        std::find_if(m_classes.begin(), m_classes.end(), [&](const PathClass& c) { return c.name == name; });
    if (it == m_classes.end())
        return false;
    m_classes.erase(it);
    return true;
}

bool ClassList::move(const std::string& name, std::size_t index)
{
    const auto it =
        std::find_if(m_classes.begin(), m_classes.end(), [&](const PathClass& c) { return c.name == name; });
    if (it == m_classes.end())
        return false;
    const PathClass c = *it;
    m_classes.erase(it);
    m_classes.insert(m_classes.begin() + std::min(index, m_classes.size()), c);
    return true;
}

} // namespace radpath::pathology
