#include "viewer/model/LabelEditorImpl.h"

namespace radpath::viewer {

void LabelEditor::Impl::dab(const Vec3& lps, const Brush& brush)
{
    checkLabel(brush.label);
    const Vec3 c = geometry.physicalToIndex(lps);
    const double r2 = brush.radiusMm * brush.radiusMm;
    std::array<int, 3> lo{}, hi{};
    for (int a = 0; a < 3; ++a) {
        const double reach = brush.radiusMm / geometry.spacing[size_t(a)];
        lo[size_t(a)] = std::max(0, int(std::floor(c[size_t(a)] - reach)));
        hi[size_t(a)] = std::min(geometry.size[size_t(a)] - 1, int(std::ceil(c[size_t(a)] + reach)));
    }
    if (!brush.sphere) { // the slice through the centre
        const int axis = std::clamp(brush.sliceAxis, 0, 2);
        const int slice = int(std::lround(c[size_t(axis)]));
        if (slice < 0 || slice >= geometry.size[size_t(axis)])
            return;
        lo[size_t(axis)] = hi[size_t(axis)] = slice;
    }
    for (int k = lo[2]; k <= hi[2]; ++k)
        for (int j = lo[1]; j <= hi[1]; ++j)
            for (int i = lo[0]; i <= hi[0]; ++i) {
                double d2 = 0.0;
                const int idx[3] = {i, j, k};
                for (int a = 0; a < 3; ++a) {
                    if (!brush.sphere && a == brush.sliceAxis)
                        continue;
                    const double mm = (idx[a] - c[size_t(a)]) * geometry.spacing[size_t(a)];
                    d2 += mm * mm;
                }
                if (d2 > r2)
                    continue;
                if (brush.range && !brush.range->contains(imageAt(i, j, k)))
                    continue;
                const Int was = at(index(i, j, k));
                if (brush.erase) {
                    if (was != 0 && (brush.label == 0 || was == brush.label))
                        set(i, j, k, 0);
                } else {
                    set(i, j, k, brush.label);
                }
            }
}

LabelEditor::LabelEditor(Volume labels, Volume image, std::size_t undoBudgetBytes)
    : LabelEditor(std::move(labels), std::move(image), undoBudgetBytes, true)
{
}

LabelEditor::LabelEditor(Volume labels, Volume image, std::size_t undoBudgetBytes, bool statistics)
    : d(std::make_unique<Impl>())
{
    if (labels.isNull() || labels.components() != 1)
        throw std::invalid_argument("LabelEditor: no label map");
    switch (labels.pixelType()) {
    case PixelType::UInt8:
        d->access = accessFor<std::uint8_t>();
        break;
    case PixelType::Int8:
        d->access = accessFor<std::int8_t>();
        break;
    case PixelType::UInt16:
        d->access = accessFor<std::uint16_t>();
        break;
    case PixelType::Int16:
        d->access = accessFor<std::int16_t>();
        break;
    case PixelType::UInt32:
        d->access = accessFor<std::uint32_t>();
        break;
    case PixelType::Int32:
        d->access = accessFor<std::int32_t>();
        break;
    default:
        throw std::invalid_argument("LabelEditor: label maps hold integers, not " +
                                    std::string(toString(labels.pixelType())));
    }
    if (!image.isNull() && image.geometry().size != labels.geometry().size)
        throw std::invalid_argument("LabelEditor: the image and the label map are not on one grid");
    d->labels = std::move(labels);
    d->image = std::move(image);
    d->geometry = d->labels.geometry();
    d->bytesPerVoxel = radpath::viewer::bytesPerVoxel(d->labels.pixelType());
    for (int a = 0; a < 3; ++a)
        d->bricks[size_t(a)] = (d->geometry.size[size_t(a)] + kBrick - 1) / kBrick;
    d->budget = undoBudgetBytes;
    d->statistics = statistics;
    if (!statistics)
        return;
    // Counts and sums from one pass; runs of one label (mostly 0) look their sums up once.
    const auto& s = d->geometry.size;
    Int last = 0;
    Sums* sum = &d->sums[0];
    std::size_t n = 0;
    for (int k = 0; k < s[2]; ++k)
        for (int j = 0; j < s[1]; ++j)
            for (int i = 0; i < s[0]; ++i, ++n) {
                const Int label = d->at(n);
                if (label != last) {
                    last = label;
                    sum = &d->sums[label];
                }
                ++sum->count;
                if (!d->image.isNull()) {
                    const double v = d->image.valueAt(i, j, k);
                    sum->sum += v, sum->squares += v * v;
                }
            }
}

LabelEditor::~LabelEditor() = default;

std::unique_ptr<LabelEditor> LabelEditor::detachedCopy(const Volume& labels, const Volume& image)
{
    if (labels.isNull())
        throw std::invalid_argument("LabelEditor: no label map");
    Volume copy(labels.pixelType(), labels.geometry(), labels.components());
    std::memcpy(copy.data(), labels.data(), labels.byteSize());
    return std::unique_ptr<LabelEditor>(
        new LabelEditor(std::move(copy), image, std::numeric_limits<std::size_t>::max(), false));
}

std::size_t LabelEditor::applyFrom(const LabelEditor& copy)
{
    const Impl& c = *copy.d;
    if (d->open || c.open)
        throw std::logic_error("LabelEditor::applyFrom during a stroke");
    if (c.geometry.size != d->geometry.size || c.labels.pixelType() != d->labels.pixelType())
        throw std::invalid_argument("LabelEditor::applyFrom: the copy is not of a label map like this one");
    // Each brick the copy changed, with what it held when the copy was made (the oldest
    // step's "before"): this map must hold that still.
    std::map<std::size_t, const std::vector<std::byte>*> original;
    for (const Impl::Step& step : c.undoSteps)
        for (const Impl::BrickCopy& brick : step.bricks)
            original.emplace(brick.brick, &brick.before);
    std::vector<std::byte> now;
    for (const auto& [brick, before] : original) {
        d->copyBrick(brick, now);
        if (now != *before)
            throw std::logic_error("LabelEditor::applyFrom: the label map changed after the copy was made");
    }
    Impl::Step step;
    std::size_t changed = 0;
    for (const auto& [brick, before] : original) {
        Impl::BrickCopy kept;
        kept.brick = brick;
        kept.before = *before;
        c.copyBrick(brick, kept.after);
        if (kept.after == kept.before)
            continue; // changed and changed back
        d->restoreBrick(brick, kept.after);
        changed += d->account(brick, kept.before, kept.after);
        step.bytes += kept.before.size() + kept.after.size();
        step.bricks.push_back(std::move(kept));
    }
    if (changed > 0)
        d->push(std::move(step));
    return changed;
}

void LabelEditor::setProgressCallback(std::function<void(double)> progress)
{
    d->progress = std::move(progress);
}

const Volume& LabelEditor::labels() const
{
    return d->labels;
}
const Volume& LabelEditor::image() const
{
    return d->image;
}

std::size_t LabelEditor::paint(const Vec3& lps, const Brush& brush)
{
    d->begin();
    d->dab(lps, brush);
    return d->end();
}

void LabelEditor::beginStroke()
{
    d->begin();
}
void LabelEditor::dab(const Vec3& lps, const Brush& brush)
{
    if (!d->open)
        throw std::logic_error("LabelEditor::dab outside a stroke");
    d->dab(lps, brush);
}
std::size_t LabelEditor::endStroke()
{
    return d->open ? d->end() : 0;
}
bool LabelEditor::inStroke() const
{
    return d->open;
}

bool LabelEditor::undo()
{
    if (d->open || d->undoSteps.empty())
        return false;
    Impl::Step step = std::move(d->undoSteps.back());
    d->undoSteps.pop_back();
    for (const Impl::BrickCopy& copy : step.bricks) {
        d->restoreBrick(copy.brick, copy.before);
        d->account(copy.brick, copy.after, copy.before);
    }
    d->redoSteps.push_back(std::move(step));
    return true;
}

bool LabelEditor::redo()
{
    if (d->open || d->redoSteps.empty())
        return false;
    Impl::Step step = std::move(d->redoSteps.back());
    d->redoSteps.pop_back();
    for (const Impl::BrickCopy& copy : step.bricks) {
        d->restoreBrick(copy.brick, copy.after);
        d->account(copy.brick, copy.before, copy.after);
    }
    d->undoSteps.push_back(std::move(step));
    return true;
}

bool LabelEditor::canUndo() const
{
    return !d->open && !d->undoSteps.empty();
}
bool LabelEditor::canRedo() const
{
    return !d->open && !d->redoSteps.empty();
}
std::size_t LabelEditor::historyBytes() const
{
    return d->historyBytes;
}
std::size_t LabelEditor::undoBudget() const
{
    return d->budget;
}
int LabelEditor::undoSteps() const
{
    return int(d->undoSteps.size());
}

void LabelEditor::setUndoBudget(std::size_t bytes)
{
    d->budget = bytes;
    d->trim();
}

std::size_t LabelEditor::voxelCount(int label) const
{
    const auto it = d->sums.find(label);
    return it == d->sums.end() ? 0 : it->second.count;
}

double LabelEditor::volumeMl(int label) const
{
    const Vec3& s = d->geometry.spacing;
    return double(voxelCount(label)) * s[0] * s[1] * s[2] / 1000.0;
}

LabelStatistics LabelEditor::statistics(int label, bool withRange) const
{
    LabelStatistics out;
    out.voxels = voxelCount(label);
    out.volumeMl = volumeMl(label);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (d->image.isNull() || out.voxels == 0) {
        out.mean = out.sd = out.min = out.max = nan;
        return out;
    }
    const Sums& s = d->sums.at(label);
    out.mean = s.sum / double(s.count);
    out.sd = s.count > 1 ? std::sqrt(std::max(0.0, (s.squares - s.sum * out.mean) / double(s.count - 1))) : 0.0;
    if (!withRange) {
        out.min = out.max = nan;
        return out;
    }
    out.min = std::numeric_limits<double>::infinity();
    out.max = -out.min;
    const auto& g = d->geometry.size;
    for (int k = 0; k < g[2]; ++k)
        for (int j = 0; j < g[1]; ++j)
            for (int i = 0; i < g[0]; ++i)
                if (d->at(d->index(i, j, k)) == label) {
                    const double v = d->imageAt(i, j, k);
                    out.min = std::min(out.min, v);
                    out.max = std::max(out.max, v);
                }
    return out;
}

std::map<int, std::size_t> LabelEditor::counts() const
{
    std::map<int, std::size_t> out;
    for (const auto& [label, s] : d->sums)
        if (label != 0 && s.count > 0)
            out[int(label)] = s.count;
    return out;
}
} // namespace radpath::viewer
