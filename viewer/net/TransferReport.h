#pragma once
// Internal to viewer/net: one progress report of a transfer, to both the TaskControl (as a
// fraction and "N of M instances") and the caller's TransferCallback; and the end of a
// store, DIMSE or DICOMweb alike.

#include "viewer/io/TaskControl.h"
#include "viewer/net/DimseClient.h"
#include "viewer/net/PacsError.h"

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

/// The result of storing `total` files to `peer`; throws PacsError (Failed) naming the first
/// problem when any file failed.
inline TransferResult storeResult(const std::string& peer, const TransferProgress& p, std::size_t total,
                                  const std::string& firstProblem)
{
    if (p.failed > 0)
        throw PacsError(PacsError::Kind::Failed, peer + " did not store " + std::to_string(p.failed) + " of " +
                                                     std::to_string(total) + " files; the first: " + firstProblem);
    TransferResult result;
    result.completed = p.completed + p.warning;
    result.warning = p.warning;
    return result;
}

} // namespace radpath::viewer::net::detail
