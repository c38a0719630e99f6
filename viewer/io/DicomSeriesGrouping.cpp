#include "viewer/io/DicomSeriesGrouping.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace radpath::viewer {
namespace {

bool repeatsPositions(const DicomSeries& series)
{
    const Vec3 n = series.normal();
    for (size_t i = 1; i < series.slices.size(); ++i)
        if (std::abs(dot(n, series.slices[i].position) - dot(n, series.slices[i - 1].position)) < 1e-4)
            return true;
    return false;
}

void sortAlongNormal(DicomSeries& series)
{
    const Vec3 n = series.normal();
    std::stable_sort(series.slices.begin(), series.slices.end(),
                     [&](const DicomSlice& a, const DicomSlice& b) { return dot(n, a.position) < dot(n, b.position); });
}

// One stack per acquisition, when the series covers the same positions more than once.
std::vector<DicomSeries> splitAcquisitions(DicomSeries series)
{
    std::map<int, std::vector<DicomSlice>> byAcquisition;
    for (const DicomSlice& slice : series.slices)
        byAcquisition[slice.acquisitionNumber].push_back(slice);
    if (byAcquisition.size() < 2 || series.frames > 1 || !repeatsPositions(series))
        return {std::move(series)};
    std::vector<DicomSeries> parts;
    for (auto& [acquisition, slices] : byAcquisition) {
        DicomSeries part = series;
        part.slices = std::move(slices);
        part.acquisitionNumber = acquisition;
        part.seriesDescription += (part.seriesDescription.empty() ? "" : " ") + std::string("(acquisition ") +
                                  std::to_string(acquisition) + ")";
        part.warnings.push_back("the series repeats its positions in " + std::to_string(byAcquisition.size()) +
                                " acquisitions: this stack is acquisition " + std::to_string(acquisition));
        parts.push_back(std::move(part));
    }
    return parts;
}

} // namespace

std::vector<DicomSeries> orderSeries(std::vector<DicomSeries> stacks, int duplicates)
{
    std::vector<DicomSeries> result;
    for (DicomSeries& stack : stacks) {
        sortAlongNormal(stack);
        for (DicomSeries& series : splitAcquisitions(std::move(stack))) {
            // Uneven spacing and shared positions are reported, not hidden.
            const Vec3 n = series.normal();
            const double spacing = series.sliceSpacing();
            for (size_t i = 1; i < series.slices.size(); ++i) {
                const double gap = dot(n, series.slices[i].position) - dot(n, series.slices[i - 1].position);
                if (std::abs(gap) < 1e-4) {
                    series.warnings.push_back("two slices share one position");
                    break;
                }
                if (spacing > 0 && std::abs(gap - spacing) > 0.01 * spacing) {
                    series.warnings.push_back("slice spacing is uneven");
                    break;
                }
            }
            if (duplicates > 0)
                series.warnings.push_back(std::to_string(duplicates) + " duplicate instance(s) in the folder were ignored");
            result.push_back(std::move(series));
        }
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const DicomSeries& a, const DicomSeries& b) { return a.slices.size() > b.slices.size(); });
    return result;
}

} // namespace radpath::viewer
