#pragma once
// Internal to viewer/net: the receiving end of C-STORE sub-operations (C-GET on RadPath's own
// association, C-MOVE on the storage SCP's). Each instance is streamed into a temporary file
// in the output folder exactly as it arrives (Part 10, the negotiated transfer syntax) and
// renamed to <SOP Instance UID>.dcm before the peer is told it succeeded; a transfer that
// breaks off leaves no partial file.

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

class DcmDataset;
class OFCondition;
struct T_ASC_Association;
struct T_DIMSE_C_StoreRQ;
struct T_DIMSE_C_StoreRSP;
struct T_DIMSE_Message;
struct T_DIMSE_StoreProgress;

namespace radpath::viewer::net::detail {

class InstanceReceiver {
public:
    /// Creates `outDir` when missing; throws PacsError(Local) naming it when it cannot.
    explicit InstanceReceiver(const std::string& outDir);

    /// Receives the data set announced by the C-STORE-RQ `request` (its command just arrived
    /// on context `contextId`) and answers it: success once the file is in place, "out of
    /// resources" when it cannot be written, "cannot understand" when its SOP Instance UID
    /// cannot name a file. Returns the condition of the network exchange. One association at
    /// a time; the counters may be read from any thread.
    OFCondition receive(T_ASC_Association* assoc, unsigned char contextId, T_DIMSE_Message& request, int dimseSeconds);

    int stored() const { return m_stored; }
    int refused() const { return m_refused; }
    /// The files written so far, in arrival order.
    std::vector<std::string> files() const;
    /// What went wrong with the last refused instance (no patient data); empty when none.
    std::string lastProblem() const;

private:
    struct Incoming;
    // DCMTK's store provider callback; `data` is an Incoming.
    static void callback(void* data, T_DIMSE_StoreProgress* progress, T_DIMSE_C_StoreRQ* request, char* fileName,
                         DcmDataset** dataset, T_DIMSE_C_StoreRSP* response, DcmDataset** statusDetail);
    void finish(Incoming& incoming, unsigned short& status);

    std::string m_dir;
    std::atomic<int> m_stored{0};
    std::atomic<int> m_refused{0};
    std::atomic<unsigned> m_sequence{0};
    mutable std::mutex m_mutex;
    std::vector<std::string> m_files;
    std::string m_lastProblem;
};

} // namespace radpath::viewer::net::detail
