#pragma once
// Left-button input for a tool that edits in patient space, such as a segmentation brush.
// While a SliceView has one, its left button goes to the tool instead of the measurement
// tools and the crosshair; the other buttons, the wheel and the keys stay the view's.

#include "viewer/model/ImageGeometry.h"

#include <Qt>

namespace radpath::viewer {

/// GUI thread only. Not owned by the views it is set on.
class SliceInputTool {
public:
    virtual ~SliceInputTool() = default;
    /// `lps`: the patient point under the mouse on the view's plane. `normalAxis`: the
    /// volume index axis closest to the plane's normal (2 for axial slices of an axial series).
    virtual void press(const Vec3& lps, int normalAxis, Qt::KeyboardModifiers modifiers) = 0;
    virtual void move(const Vec3& lps, int normalAxis) = 0;
    virtual void release(const Vec3& lps, int normalAxis) = 0;
    /// A circle of this radius (mm) is drawn around the mouse on the plane; 0: none.
    virtual double cursorRadiusMm() const { return 0.0; }
};

} // namespace radpath::viewer
