#include "viewer/model/Layers.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <type_traits>

namespace radpath {
namespace viewer {
namespace {

template <class T> void collectValues(const Volume& labels, std::vector<int>& out)
{
    const T* v = labels.voxels<T>();
    const std::size_t n = labels.voxelCount();
    const std::size_t stride = std::size_t(labels.components());
    if constexpr (sizeof(T) <= 2) {
        // Small types: a presence table over every possible value.
        constexpr int lowest = std::is_signed_v<T> ? -(1 << (8 * sizeof(T) - 1)) : 0;
        std::vector<char> seen(std::size_t(1) << (8 * sizeof(T)), 0);
        for (std::size_t i = 0; i < n; ++i)
            seen[std::size_t(int(v[i * stride]) - lowest)] = 1;
        for (std::size_t s = 0; s < seen.size(); ++s)
            if (seen[s] && int(s) + lowest != 0)
                out.push_back(int(s) + lowest);
    } else {
        T last = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const T x = v[i * stride];
            if (x != 0 && x != last) {
                out.push_back(int(x));
                last = x;
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
}

template <class L> L* layerAs(Layer& layer)
{
    return std::get_if<L>(&layer);
}

} // namespace

const LabelEntry* LabelMapLayer::entry(int value) const
{
    for (const LabelEntry& e : table)
        if (e.value == value)
            return &e;
    return nullptr;
}

LabelEntry* LabelMapLayer::entry(int value)
{
    return const_cast<LabelEntry*>(std::as_const(*this).entry(value));
}

Rgb defaultLabelColour(int value)
{
    // Hue by the golden angle, full saturation; value alternates between two levels.
    const double hue = std::fmod(std::abs(double(value)) * 137.50776405, 360.0) / 60.0;
    const double v = (value % 2 == 0) ? 0.85 : 1.0;
    const double x = v * (1.0 - std::abs(std::fmod(hue, 2.0) - 1.0));
    double r = 0, g = 0, b = 0;
    switch (int(hue)) {
    case 0:
        r = v, g = x;
        break;
    case 1:
        r = x, g = v;
        break;
    case 2:
        g = v, b = x;
        break;
    case 3:
        g = x, b = v;
        break;
    case 4:
        r = x, b = v;
        break;
    default:
        r = v, b = x;
        break;
    }
    return {std::uint8_t(std::lround(r * 255)), std::uint8_t(std::lround(g * 255)), std::uint8_t(std::lround(b * 255))};
}

std::vector<int> labelValuesPresent(const Volume& labels)
{
    std::vector<int> values;
    if (labels.isNull())
        return values;
    switch (labels.pixelType()) {
    case PixelType::Float32:
    case PixelType::Float64:
        throw std::invalid_argument(std::string("label maps need integer voxels, not ") + toString(labels.pixelType()));
    default:
        break;
    }
    visitPixelType(labels.pixelType(), [&](auto t) {
        using T = decltype(t);
        if constexpr (std::is_integral_v<T>)
            collectValues<T>(labels, values);
    });
    return values;
}

std::vector<LabelEntry> defaultLabelTable(const Volume& labels)
{
    std::vector<LabelEntry> table;
    for (int value : labelValuesPresent(labels))
        table.push_back({value, "Label " + std::to_string(value), defaultLabelColour(value), true});
    return table;
}

LabelMapLayer makeLabelMapLayer(std::string name, Volume labels)
{
    LabelMapLayer layer;
    layer.name = std::move(name);
    layer.table = defaultLabelTable(labels);
    layer.labels = std::move(labels);
    return layer;
}

ScalarOverlayLayer makeScalarOverlay(std::string name, Volume volume)
{
    ScalarOverlayLayer layer;
    layer.name = std::move(name);
    if (!volume.isNull()) {
        const auto [lo, hi] = volume.range();
        const double width = hi > lo ? hi - lo : 1.0;
        layer.windowCenter = lo + width / 2;
        layer.windowWidth = width;
        layer.threshold = lo + 0.01 * width;
    }
    layer.volume = std::move(volume);
    return layer;
}

const std::string& layerName(const Layer& layer)
{
    return std::visit([](const auto& l) -> const std::string& { return l.name; }, layer);
}

bool layerVisible(const Layer& layer)
{
    return std::visit([](const auto& l) { return l.visible; }, layer);
}

double layerOpacity(const Layer& layer)
{
    return std::visit([](const auto& l) { return l.opacity; }, layer);
}

LayerStack::LayerStack(QObject* parent) : QObject(parent) {}

const Layer& LayerStack::at(int index) const
{
    return m_layers.at(std::size_t(index)).layer;
}

int LayerStack::idAt(int index) const
{
    return m_layers.at(std::size_t(index)).id;
}

int LayerStack::indexOf(int id) const
{
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i].id == id)
            return int(i);
    return -1;
}

const LabelMapLayer* LayerStack::labelMapAt(int index) const
{
    return index >= 0 && index < count() ? std::get_if<LabelMapLayer>(&m_layers[std::size_t(index)].layer) : nullptr;
}

const ScalarOverlayLayer* LayerStack::scalarOverlayAt(int index) const
{
    return index >= 0 && index < count() ? std::get_if<ScalarOverlayLayer>(&m_layers[std::size_t(index)].layer)
                                         : nullptr;
}

std::vector<Layer> LayerStack::layers() const
{
    std::vector<Layer> out;
    out.reserve(m_layers.size());
    for (const Slot& s : m_layers)
        out.push_back(s.layer);
    return out;
}

int LayerStack::add(Layer layer)
{
    const int id = m_nextId++;
    m_layers.push_back({id, std::move(layer)});
    emit structureChanged();
    emit changed();
    return id;
}

bool LayerStack::remove(int index)
{
    if (index < 0 || index >= count())
        return false;
    m_layers.erase(m_layers.begin() + index);
    emit structureChanged();
    emit changed();
    return true;
}

bool LayerStack::moveUp(int index)
{
    if (index < 0 || index + 1 >= count())
        return false;
    std::swap(m_layers[std::size_t(index)], m_layers[std::size_t(index) + 1]);
    emit structureChanged();
    emit changed();
    return true;
}

bool LayerStack::moveDown(int index)
{
    if (index <= 0 || index >= count())
        return false;
    return moveUp(index - 1);
}

void LayerStack::clear()
{
    if (m_layers.empty())
        return;
    m_layers.clear();
    emit structureChanged();
    emit changed();
}

// Runs edit(Layer&) -> bool (true: something changed) and signals a change.
template <class F> void LayerStack::editLayer(int index, F&& edit)
{
    if (index < 0 || index >= count())
        return;
    Slot& slot = m_layers[std::size_t(index)];
    if (!edit(slot.layer))
        return;
    emit layerChanged(slot.id);
    emit changed();
}

namespace {
template <class T> bool assign(T& target, const T& value)
{
    if (target == value)
        return false;
    target = value;
    return true;
}
} // namespace

void LayerStack::setName(int index, const std::string& name)
{
    editLayer(index, [&](Layer& l) { return std::visit([&](auto& x) { return assign(x.name, name); }, l); });
}

void LayerStack::setVisible(int index, bool visible)
{
    editLayer(index, [&](Layer& l) { return std::visit([&](auto& x) { return assign(x.visible, visible); }, l); });
}

void LayerStack::setOpacity(int index, double opacity)
{
    const double o = std::clamp(opacity, 0.0, 1.0);
    editLayer(index, [&](Layer& l) { return std::visit([&](auto& x) { return assign(x.opacity, o); }, l); });
}

void LayerStack::setLabelEntry(int index, const LabelEntry& entry)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        if (!m || entry.value == 0)
            return false;
        if (LabelEntry* e = m->entry(entry.value)) {
            *e = entry;
            return true;
        }
        m->table.push_back(entry);
        std::sort(m->table.begin(), m->table.end(), [](const LabelEntry& a, const LabelEntry& b) { return a.value < b.value; });
        return true;
    });
}

void LayerStack::voxelsChanged(int index)
{
    if (index < 0 || index >= count())
        return;
    editLayer(index, [](Layer& l) {
        if (auto* m = layerAs<LabelMapLayer>(l); m && m->ai.isAi())
            m->ai.edited = true;
        return true;
    });
    emit voxelsEdited(idAt(index));
}

void LayerStack::setFill(int index, bool fill)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        return m && assign(m->fill, fill);
    });
}

void LayerStack::setOutline(int index, bool outline)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        return m && assign(m->outline, outline);
    });
}

void LayerStack::setLabelVisible(int index, int value, bool visible)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        LabelEntry* e = m ? m->entry(value) : nullptr;
        return e && assign(e->visible, visible);
    });
}

void LayerStack::setLabelColour(int index, int value, const Rgb& colour)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        LabelEntry* e = m ? m->entry(value) : nullptr;
        return e && assign(e->colour, colour);
    });
}

void LayerStack::setLabelOpacity(int index, int value, double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        LabelEntry* e = m ? m->entry(value) : nullptr;
        return e && assign(e->opacity, opacity);
    });
}

void LayerStack::setLabelName(int index, int value, const std::string& name)
{
    editLayer(index, [&](Layer& l) {
        auto* m = layerAs<LabelMapLayer>(l);
        LabelEntry* e = m ? m->entry(value) : nullptr;
        return e && assign(e->name, name);
    });
}

void LayerStack::setColormap(int index, Colormap colormap)
{
    editLayer(index, [&](Layer& l) {
        auto* s = layerAs<ScalarOverlayLayer>(l);
        return s && assign(s->colormap, colormap);
    });
}

void LayerStack::setWindow(int index, double center, double width)
{
    editLayer(index, [&](Layer& l) {
        auto* s = layerAs<ScalarOverlayLayer>(l);
        if (!s)
            return false;
        const bool c = assign(s->windowCenter, center);
        const bool w = assign(s->windowWidth, width);
        return c || w;
    });
}

void LayerStack::setThreshold(int index, double threshold)
{
    editLayer(index, [&](Layer& l) {
        auto* s = layerAs<ScalarOverlayLayer>(l);
        return s && assign(s->threshold, threshold);
    });
}

} // namespace viewer
} // namespace radpath
