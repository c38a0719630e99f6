#pragma once
// Internal to viewer/net: one progress report of a transfer, to both the TaskControl (as a
// fraction and "N of M instances") and the caller's TransferCallback.

#include "viewer/io/TaskControl.h"
#include "viewer/net/DimseClient.h"

#include <string>

namespace radpath::viewer::net::detail {

inline void reportTransfer(const TaskControl& control, const TransferCallback& onProgress, const TransferProgress& p)
{
    if (onProgress)
        onProgress(p);
    const int done = p.completed + p.failed + p.warning;
    const int total = done + p.remaining;
    control.report(total > 0 ? double(done) / double(total) : 0.0,
                   std::to_string(done) + " of " + std::to_string(total) + " instances");
}

} // namespace radpath::viewer::net::detail
