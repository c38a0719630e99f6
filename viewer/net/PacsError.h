#pragma once
// Errors of DICOM networking. what() says what failed with whom, in words a user can act
// on ("cannot connect to 127.0.0.1:1234: connection refused"); it never holds patient data.

#include <stdexcept>
#include <string>

namespace radpath::viewer::net {

class PacsError : public std::runtime_error {
public:
    enum class Kind {
        Connect,  ///< no TCP connection: refused, unknown host, unreachable, connect timeout
        Rejected, ///< the peer rejected the association (A-ASSOCIATE-RJ) or every presentation context
        Timeout,  ///< no answer within the ACSE or DIMSE timeout
        Aborted,  ///< the peer aborted the association or closed the connection
        Protocol, ///< the peer sent something DICOM does not allow here
        Failed,   ///< the peer answered with a failure status, or sub-operations failed
        Local,    ///< a local file or folder could not be read or written
        Request,  ///< the request itself is unusable (missing UID, AE title too long, TLS certificate without its key)
    };

    PacsError(Kind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

} // namespace radpath::viewer::net
