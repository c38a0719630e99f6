// The rules a manifest obeys beyond its JSON types (see Manifest.h). Messages name fields
// by their JSON paths, since that is what a model author edits.

#include "radpath/ai/Manifest.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <set>
#include <sstream>

namespace radpath::ai {
namespace {

class Validator {
public:
    Validator(const Manifest& manifest, const std::string& source) : m_manifest(manifest), m_source(source) {}

    void run()
    {
        if (m_manifest.manifestVersion != 1)
            fail("manifest_version " + std::to_string(m_manifest.manifestVersion) +
                 " is newer than this RadPath understands (1)");
        nonEmpty(m_manifest.name, "name");
        nonEmpty(m_manifest.version, "version");
        nonEmpty(m_manifest.modality, "modality");
        if (m_manifest.dims != 2 && m_manifest.dims != 3)
            fail("dims must be 2 or 3");
        if (m_manifest.input.dims != m_manifest.dims)
            fail("input.dims (" + std::to_string(m_manifest.input.dims) + ") differs from dims (" +
                 std::to_string(m_manifest.dims) + ")");
        checkInput();
        checkIntensity();
        checkLabels();
        if (m_manifest.slidingWindow)
            checkSlidingWindow(*m_manifest.slidingWindow);
        checkShapesForTask();
        for (const std::string& method : m_manifest.saliency.methods)
            nonEmpty(method, "saliency.methods[]");
        checkProvenance();
    }

private:
    [[noreturn]] void fail(const std::string& problem) const { throw ModelError(m_source + ": " + problem); }

    void nonEmpty(const std::string& text, const std::string& path) const
    {
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            fail(path + " must not be empty");
    }

    void spatial(const std::vector<int>& values, const std::string& path) const
    {
        if (int(values.size()) != m_manifest.dims)
            fail(path + " has " + std::to_string(values.size()) + " values but dims is " +
                 std::to_string(m_manifest.dims));
        for (int v : values)
            if (v < 1)
                fail(path + " must be an array of positive integers");
    }

    void checkInput() const
    {
        if (m_manifest.input.channels < 1)
            fail("input.channels must be a positive integer");
        if (!m_manifest.input.size.empty())
            spatial(m_manifest.input.size, "input.size");
        if (!m_manifest.input.patchSize.empty())
            spatial(m_manifest.input.patchSize, "input.patch_size");
        if (m_manifest.input.spacingMm) {
            const auto& spacing = *m_manifest.input.spacingMm;
            if (int(spacing.size()) != m_manifest.dims)
                fail("input.spacing_mm has " + std::to_string(spacing.size()) + " values but dims is " +
                     std::to_string(m_manifest.dims));
            for (double s : spacing)
                if (!(s > 0.0) || !std::isfinite(s))
                    fail("input.spacing_mm values must be positive");
        }
        if (m_manifest.input.orientation) {
            const std::string& o = *m_manifest.input.orientation;
            std::set<int> axes;
            for (char c : o)
                axes.insert(c == 'R' || c == 'L' ? 0 : c == 'A' || c == 'P' ? 1 : c == 'S' || c == 'I' ? 2 : -1);
            if (o.size() != 3 || axes.size() != 3 || axes.count(-1))
                fail("input.orientation must be three letters with one of R/L, A/P and S/I each, got \"" + o + '"');
        }
    }

    void checkIntensity() const
    {
        const IntensityTransform& t = m_manifest.input.intensity;
        const std::string where = "input.intensity: ";
        switch (t.kind) {
        case IntensityTransform::Kind::Window:
            for (double v : {t.aMin, t.aMax, t.bMin, t.bMax})
                if (!std::isfinite(v))
                    fail(where + "a_min, a_max, b_min and b_max must be finite");
            if (!(t.aMin < t.aMax))
                fail(where + "a_min (" + number(t.aMin) + ") must be less than a_max (" + number(t.aMax) + ')');
            if (t.bMin == t.bMax)
                fail(where + "b_min and b_max must differ");
            break;
        case IntensityTransform::Kind::Scale255:
            if (t.mean.size() != t.stdDev.size())
                fail(where + "mean and std must both be given, with one value per channel, or neither");
            if (!t.mean.empty() && int(t.mean.size()) != m_manifest.input.channels)
                fail(where + "mean and std need one value per channel (input.channels is " +
                     std::to_string(m_manifest.input.channels) + "), got " + std::to_string(t.mean.size()));
            for (double s : t.stdDev)
                if (!(s > 0.0) || !std::isfinite(s))
                    fail(where + "std values must be positive");
            for (double v : t.mean)
                if (!std::isfinite(v))
                    fail(where + "mean values must be finite");
            break;
        case IntensityTransform::Kind::None:
        case IntensityTransform::Kind::ZScore:
            break;
        }
    }

    // Classifiers: index i is logit i, so indices are 0..N-1. Segmenters: unique values.
    void checkLabels() const
    {
        const auto& labels = m_manifest.output.labels;
        if (labels.empty())
            fail("output.labels must not be empty");
        std::set<int> seen;
        for (size_t i = 0; i < labels.size(); ++i) {
            const std::string path = "output.labels[" + std::to_string(i) + ']';
            if (labels[i].index < 0)
                fail(path + ".index must be a non-negative integer");
            if (!seen.insert(labels[i].index).second)
                fail("output.labels: index " + std::to_string(labels[i].index) + " appears twice");
            nonEmpty(labels[i].name, path + ".name");
            for (int c : labels[i].color)
                if (c < 0 || c > 255)
                    fail(path + ".color must be three integers 0..255");
        }
        if (m_manifest.task != ModelTask::Segmentation && *seen.rbegin() != int(labels.size()) - 1)
            fail("output.labels of a " + toString(m_manifest.task) + " model must have the indices 0.." +
                 std::to_string(labels.size() - 1) + ", one label per output");
    }

    // Whole-image classifiers have input.size; tile classifiers input.patch_size; segmenters
    // either input.size or sliding_window (with input.patch_size, if given, equal to its roi).
    void checkShapesForTask() const
    {
        const bool size = !m_manifest.input.size.empty(), patch = !m_manifest.input.patchSize.empty();
        if (m_manifest.slidingWindow && m_manifest.task != ModelTask::Segmentation)
            fail("sliding_window applies to segmentation models only");
        switch (m_manifest.task) {
        case ModelTask::Classification:
            if (!size)
                fail("missing \"input.size\", which a classification model needs");
            if (patch)
                fail("input.patch_size does not apply to a classification model");
            break;
        case ModelTask::TileClassification:
            if (m_manifest.dims != 2)
                fail("a tile-classification model must have dims 2");
            if (!patch)
                fail("missing \"input.patch_size\", which a tile-classification model needs");
            if (size)
                fail("input.size does not apply to a tile-classification model");
            break;
        case ModelTask::Segmentation:
            if (size && m_manifest.slidingWindow)
                fail("a segmentation model has input.size or sliding_window, not both");
            if (patch && !m_manifest.slidingWindow)
                fail("input.patch_size of a segmentation model needs \"sliding_window\"");
            if (!size && !m_manifest.slidingWindow)
                fail("missing \"input.size\" or \"sliding_window\", one of which a segmentation model needs");
            if (patch && m_manifest.slidingWindow && m_manifest.slidingWindow->roi != m_manifest.input.patchSize)
                fail("sliding_window.roi differs from input.patch_size");
            break;
        }
    }

    void checkSlidingWindow(const SlidingWindow& sw) const
    {
        spatial(sw.roi, "sliding_window.roi");
        if (!(sw.overlap >= 0.0 && sw.overlap < 1.0))
            fail("sliding_window.overlap must be in [0, 1), got " + number(sw.overlap));
        if (!(sw.sigmaScale > 0.0) || !std::isfinite(sw.sigmaScale))
            fail("sliding_window.sigma_scale must be positive, got " + number(sw.sigmaScale));
        if (sw.batch < 1)
            fail("sliding_window.batch must be a positive integer");
    }

    void checkProvenance() const
    {
        if (!m_manifest.trainingJson.empty()) {
            const auto training = nlohmann::json::parse(m_manifest.trainingJson, nullptr, false);
            if (training.is_discarded() || !training.is_object())
                fail("training must be an object");
        }
        for (const auto& [name, value] : m_manifest.metrics)
            if (!std::isfinite(value))
                fail("metrics." + name + " must be a finite number");
        const std::string& hash = m_manifest.weightsSha256;
        if (!hash.empty() && (hash.size() != 64 || hash.find_first_not_of("0123456789abcdef") != std::string::npos))
            fail("weights_sha256 must be 64 hexadecimal digits");
    }

    static std::string number(double value)
    {
        std::ostringstream out;
        out << value;
        return out.str();
    }

    const Manifest& m_manifest;
    const std::string& m_source;
};

} // namespace

void validateManifest(const Manifest& manifest, const std::string& source)
{
    Validator(manifest, source).run();
}

} // namespace radpath::ai
