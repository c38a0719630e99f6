#pragma once
// Editing a label map in place: brush and erase (2-D disk or 3-D sphere, radius in mm,
// optionally limited to an image value range), 2-D flood fill, region growing from a seed,
// keeping the largest island or removing small ones, filling holes, smoothing, interpolation
// between edited slices, and logical operations between labels.
//
// Every operation is one undoable step. A step keeps only the bricks (32^3 voxels) it
// changed, before and after, never a copy of the volume; steps beyond the undo budget are
// dropped oldest first. Voxel counts (and so volumes in mL) and the image's sums under
// each label follow every change, so statistics are current without a scan.
//
// Thread-safety: one thread at a time (the GUI thread, or a job the GUI waits on). The
// label Volume shares its buffer with whoever else holds it (layers, views): they see the
// edits; redraw after each call. For a long operation while the views go on drawing, run
// it on a detachedCopy() on a worker and applyFrom() the copy back on the editor's thread.

#include "viewer/model/Volume.h"

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace radpath::viewer {

using VoxelIndex = std::array<int, 3>;

/// Values of the image a brush or fill may change (HU for CT), inclusive.
struct ValueRange {
    double lower = 0.0;
    double upper = 0.0;
    bool contains(double v) const { return v >= lower && v <= upper; }
};

struct Brush {
    int label = 1; ///< the label painted; ignored when erasing
    double radiusMm = 5.0;
    bool sphere = false;             ///< 3-D sphere; else a disk in the slice through the centre
    int sliceAxis = 2;               ///< index axis normal to the disk's slice (2: the k slices)
    bool erase = false;              ///< erases `label` (only voxels holding it), or any label when label is 0
    std::optional<ValueRange> range; ///< only voxels whose image value lies in it change
};

enum class Smoothing { Median, Closing };

struct LabelStatistics {
    std::size_t voxels = 0;
    double volumeMl = 0.0;
    /// Of the image under the label (NaN without an image or without voxels).
    double mean = 0.0, sd = 0.0, min = 0.0, max = 0.0;
};

class LabelEditor {
public:
    static constexpr int kBrick = 32;
    static constexpr std::size_t kDefaultUndoBudget = std::size_t(256) << 20;

    /// `labels`: an integer Volume (edited in place). `image`: the same grid (values for
    /// ranges, region growing, statistics), or null. Throws std::invalid_argument when the
    /// labels are not integers or the grids differ.
    explicit LabelEditor(Volume labels, Volume image = {}, std::size_t undoBudgetBytes = kDefaultUndoBudget);
    ~LabelEditor();
    LabelEditor(const LabelEditor&) = delete;
    LabelEditor& operator=(const LabelEditor&) = delete;

    const Volume& labels() const;
    const Volume& image() const;

    // Each call below is one undoable step and returns the number of voxels it changed
    // (0: nothing changed, and no step is kept).

    /// One dab of `brush` centred at `lps` (patient mm).
    std::size_t paint(const Vec3& lps, const Brush& brush);
    /// A stroke: dabs between begin and end are one step. end returns the voxels changed.
    void beginStroke();
    void dab(const Vec3& lps, const Brush& brush);
    std::size_t endStroke();
    bool inStroke() const;

    /// The 4-connected region of the seed's label value in its slice (normal `sliceAxis`)
    /// becomes `label`; with `range`, only voxels in it are part of the region.
    std::size_t floodFill2D(const VoxelIndex& seed, int sliceAxis, int label, std::optional<ValueRange> range = {});
    /// Voxels 6-connected to the seed whose image value is in [lower, upper] (ITK
    /// ConnectedThreshold) become `label`. Needs an image.
    std::size_t regionGrow(const VoxelIndex& seed, int label, double lower, double upper);
    /// The same with the range learnt from the seed's neighbourhood (ITK
    /// ConfidenceConnected: mean ± multiplier × SD, refined `iterations` times).
    std::size_t regionGrowConfident(const VoxelIndex& seed, int label, double multiplier = 2.5, int iterations = 3,
                                    int radius = 1);
    /// Keeps the largest 6-connected island of `label` (others become 0).
    std::size_t keepLargestIsland(int label);
    /// Islands of `label` smaller than `minVoxels` become 0.
    std::size_t removeSmallIslands(int label, std::size_t minVoxels);
    /// Background enclosed by `label` in each slice (normal `sliceAxis`) becomes `label`.
    std::size_t fillHoles(int label, int sliceAxis = 2);
    /// Binary median or closing of `label` with a box of `radius` voxels; only voxels that
    /// are 0 or `label` change.
    std::size_t smooth(int label, Smoothing method, int radius = 1);
    /// Slices (normal `sliceAxis`) without `label` between two that hold it get the shape
    /// morphed between them: linear interpolation of the two slices' signed distance maps
    /// (in mm); only background voxels change.
    std::size_t interpolateSlices(int label, int sliceAxis = 2);
    /// Logical operations. One voxel holds one label, so between two labels of this map
    /// only the union means something: `other`'s voxels become `target`. The others take a
    /// mask on the same grid (another label map: its non-zero voxels, or only those equal to
    /// `maskLabel` when it is not 0): unite makes the mask's background voxels `target`
    /// (other labels stay), intersect keeps the `target` voxels inside the mask (the others
    /// become 0), subtract clears those inside it.
    std::size_t unite(int target, int other);
    std::size_t unite(int target, const Volume& mask, int maskLabel = 0);
    std::size_t intersect(int target, const Volume& mask, int maskLabel = 0);
    std::size_t subtract(int target, const Volume& mask, int maskLabel = 0);

    bool undo();
    bool redo();
    bool canUndo() const;
    bool canRedo() const;
    /// Bytes the undo and redo history holds; never above the budget.
    std::size_t historyBytes() const;
    std::size_t undoBudget() const;
    /// Steps beyond it are dropped, oldest first.
    void setUndoBudget(std::size_t bytes);
    int undoSteps() const;

    /// Current, without a scan (counts and sums follow every change).
    std::size_t voxelCount(int label) const;
    double volumeMl(int label) const;
    /// Volume, mean and SD from the running sums; min and max from a scan (left NaN when
    /// `withRange` is false: no scan, for statistics shown while editing).
    LabelStatistics statistics(int label, bool withRange = true) const;
    /// Non-zero labels with at least one voxel.
    std::map<int, std::size_t> counts() const;

    // Operations off the editor's thread, e.g. a job while views draw the map:
    // 1. detachedCopy() copies `labels` (nothing may write them while it runs) into an editor
    //    of its own, sharing `image`, without statistics and with an unlimited history;
    // 2. any operations run on the copy, on any one thread; `labels` are only read meanwhile;
    // 3. applyFrom(copy) on this editor's thread makes the copy's edits one undoable step,
    //    writing only the bricks they changed. Throwing the copy away leaves the map as it was.

    static std::unique_ptr<LabelEditor> detachedCopy(const Volume& labels, const Volume& image = {});
    /// Returns the voxels changed. Throws std::logic_error, changing nothing, when a brick the
    /// copy changed no longer holds what the copy started from (the map was written since),
    /// std::invalid_argument when `copy` is not of a map on this grid and voxel type.
    std::size_t applyFrom(const LabelEditor& copy);
    /// Called on the operation's thread with the fraction done of whole-volume operations
    /// (slice by slice; region growing and smoothing report only after their ITK filter). A
    /// callback that throws abandons the operation half done: do that only on a detached
    /// copy, and throw the copy away.
    void setProgressCallback(std::function<void(double)> progress);

private:
    LabelEditor(Volume labels, Volume image, std::size_t undoBudgetBytes, bool statistics);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace radpath::viewer
