#pragma once
// Internal to viewer/net: RadPath's storage SCP, the destination of a C-MOVE. It listens
// while the object lives, on a background thread, one association at a time: associations
// that call another AE title are rejected; C-ECHO is answered; every C-STORE goes to an
// InstanceReceiver.

#include "viewer/net/PacsNode.h"

#include <atomic>
#include <string>
#include <thread>

struct T_ASC_Association;
struct T_ASC_Network;

namespace radpath::viewer::net::detail {

class InstanceReceiver;

class StorageScp {
public:
    /// Listens on `port` (all interfaces) at once; throws PacsError(Local) when the port cannot
    /// be opened (in use, or below 1024 without the right). `receiver` must outlive this.
    StorageScp(const std::string& aeTitle, int port, const DimseTimeouts& timeouts, InstanceReceiver& receiver);
    ~StorageScp(); ///< stop()
    StorageScp(const StorageScp&) = delete;
    StorageScp& operator=(const StorageScp&) = delete;

    /// True while a peer holds an association with it.
    bool busy() const { return m_busy; }
    /// Stops listening (within about a second), aborting an association still open; joins.
    void stop();

private:
    void run();
    void serve(T_ASC_Association* assoc);

    std::string m_aeTitle;
    DimseTimeouts m_timeouts;
    InstanceReceiver& m_receiver;
    T_ASC_Network* m_network = nullptr;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_busy{false};
    std::thread m_thread;
};

} // namespace radpath::viewer::net::detail
