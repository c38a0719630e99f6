#include "viewer/net/InstanceReceiver.h"

#include "viewer/net/DimseAssociation.h"
#include "viewer/net/PacsError.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmnet/assoc.h>
#include <dcmtk/dcmnet/dimse.h>

#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace radpath::viewer::net::detail {

struct InstanceReceiver::Incoming {
    InstanceReceiver* receiver = nullptr;
    std::string temporary; ///< hidden name in the output folder while data arrive
    std::string uid;       ///< from the C-STORE-RQ
};

InstanceReceiver::InstanceReceiver(const std::string& outDir) : m_dir(outDir)
{
    std::error_code ec;
    fs::create_directories(outDir, ec);
    if (ec || !fs::is_directory(outDir))
        throw PacsError(PacsError::Kind::Local,
                        outDir + ": cannot create the folder" + (ec ? ": " + ec.message() : std::string()));
}

OFCondition InstanceReceiver::receive(T_ASC_Association* assoc, unsigned char contextId, T_DIMSE_Message& request,
                                      int dimseSeconds)
{
    T_DIMSE_C_StoreRQ& store = request.msg.CStoreRQ;
    Incoming incoming;
    incoming.receiver = this;
    incoming.temporary =
        (fs::path(m_dir) / (".incoming-" + std::to_string(::getpid()) + "-" + std::to_string(m_sequence++) + ".part"))
            .string();
    incoming.uid = store.AffectedSOPInstanceUID;
    while (!incoming.uid.empty() && (incoming.uid.back() == ' ' || incoming.uid.back() == '\0'))
        incoming.uid.pop_back();
    // Streamed to the file as received, with a meta header naming the negotiated transfer
    // syntax; callback() renames it when complete, before the response goes out.
    const OFCondition cond = DIMSE_storeProvider(assoc, contextId, &store, incoming.temporary.c_str(), 1, nullptr,
                                                 callback, &incoming, DIMSE_NONBLOCKING, dimseSeconds);
    std::error_code ec;
    fs::remove(incoming.temporary, ec); // whatever did not become a complete file goes
    return cond;
}

void InstanceReceiver::callback(void* data, T_DIMSE_StoreProgress* progress, T_DIMSE_C_StoreRQ*, char*, DcmDataset**,
                                T_DIMSE_C_StoreRSP* response, DcmDataset**)
{
    if (progress->state != DIMSE_StoreEnd)
        return;
    auto* incoming = static_cast<Incoming*>(data);
    incoming->receiver->finish(*incoming, response->DimseStatus);
}

void InstanceReceiver::finish(Incoming& incoming, unsigned short& status)
{
    std::string problem;
    if (status != STATUS_Success) {
        problem = "an instance could not be written into " + m_dir;
    } else if (!isValidUid(incoming.uid)) {
        status = STATUS_STORE_Error_CannotUnderstand;
        problem = "an instance arrived without a usable SOP Instance UID";
    } else {
        const std::string target = (fs::path(m_dir) / (incoming.uid + ".dcm")).string();
        std::error_code ec;
        fs::rename(incoming.temporary, target, ec); // atomic; replaces an older copy
        if (!ec) {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_files.push_back(target);
            ++m_stored;
            return;
        }
        status = STATUS_STORE_Refused_OutOfResources;
        problem = target + ": cannot write: " + ec.message();
    }
    ++m_refused;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_lastProblem = problem;
}

std::vector<std::string> InstanceReceiver::files() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_files;
}

std::string InstanceReceiver::lastProblem() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_lastProblem;
}

} // namespace radpath::viewer::net::detail
