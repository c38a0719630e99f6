// radpath-cli pacs echo|find|get|move|send: a PACS over DIMSE (viewer::net::DimseClient), or
// with --url over DICOMweb (viewer::net::DicomWebClient: QIDO-RS, WADO-RS, STOW-RS; no move).
// find prints a JSON array; get and move write only DICOM files (<SOP Instance UID>.dcm)
// into --out; send takes files and folders. Ctrl+C cancels a transfer cleanly.

#include "app/cli/CliCommands.h"

#include "viewer/io/DicomSeriesReader.h"
#include "viewer/net/DicomWebClient.h"
#include "viewer/net/DimseClient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <type_traits>
#include <unistd.h>

namespace radpath::app::cli {
namespace {

namespace net = viewer::net;

const char* const kUsage =
    "usage: radpath-cli pacs echo --host H --port P --aet AE [--my-aet AE] [--timeout S]\n"
    "       radpath-cli pacs find --host H --port P --aet AE [--level study|series] [--patient-id ID]\n"
    "                             [--patient-name PN] [--study-date FROM-TO] [--modality M] [--accession A]\n"
    "                             [--description D] [--study UID]\n"
    "       radpath-cli pacs get  --host H --port P --aet AE --study UID [--series UID] --out DIR\n"
    "       radpath-cli pacs move --host H --port P --aet AE --my-port PORT --study UID [--series UID] --out DIR\n"
    "       radpath-cli pacs send --host H --port P --aet AE FILE|DIR...\n"
    "  DICOMweb instead of DIMSE: --url BASE (e.g. http://pacs:8042/dicom-web) in place of --host, --port\n"
    "  and --aet, for echo, find, get and send; [--user U [--password P] | --token T]. The password may\n"
    "  come from RADPATH_PACS_PASSWORD and the token from RADPATH_PACS_TOKEN instead.\n"
    "  DICOM TLS (DIMSE): --tls [--tls-ca FILE] [--tls-cert FILE --tls-key FILE]; the PACS certificate is\n"
    "  checked against --tls-ca (PEM; default: the system's trusted certificates) and must name --host;\n"
    "  --tls-cert and --tls-key (PEM, key unencrypted) are RadPath's client certificate. The storage SCP\n"
    "  of move stays plain.\n"
    "  --my-aet: RadPath's AE title (default RADPATH); --my-port: its storage SCP port for move;\n"
    "  --timeout: seconds for association and DIMSE answers, or for each HTTP answer (default 30, 60 with\n"
    "  --url); --study-date: YYYYMMDD-YYYYMMDD, either end may be left open; --patient-name takes * and ?\n"
    "  wildcards\n";

std::atomic<bool> g_interrupted{false};

struct PacsArgs {
    QString action;
    net::PacsNode node;
    net::DimseTimeouts timeouts;
    QString url; ///< DICOMweb base URL; empty: DIMSE
    net::DicomWebAuth auth;
    net::DicomWebTimeouts webTimeouts;
    net::PacsQuery query;
    QString level = QStringLiteral("study");
    QString seriesUid;
    QString out;
    QStringList inputs;
};

bool isDate(const QString& s)
{
    static const QRegularExpression date(QStringLiteral("^\\d{8}$"));
    return date.match(s).hasMatch();
}

// "FROM-TO", "FROM-", "-TO" or "DATE" into the query; false when malformed.
bool parseDateRange(const QString& text, net::PacsQuery& q)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() == 1 && isDate(parts[0])) {
        q.studyDateFrom = q.studyDateTo = parts[0].toStdString();
        return true;
    }
    if (parts.size() != 2 || (parts[0].isEmpty() && parts[1].isEmpty()))
        return false;
    if ((!parts[0].isEmpty() && !isDate(parts[0])) || (!parts[1].isEmpty() && !isDate(parts[1])))
        return false;
    q.studyDateFrom = parts[0].toStdString();
    q.studyDateTo = parts[1].toStdString();
    return true;
}

// Fills `a`; prints what is wrong and returns false otherwise.
bool parseArgs(const QStringList& args, PacsArgs& a)
{
    if (args.isEmpty())
        return false;
    a.action = args[0];
    static const QStringList actions{"echo", "find", "get", "move", "send"};
    if (!actions.contains(a.action)) {
        std::fprintf(stderr, "radpath-cli pacs: unknown action '%s'\n", a.action.toLocal8Bit().constData());
        return false;
    }
    bool hasPort = false;
    bool dimseGiven = false; // an option that only DIMSE uses
    QString user, password, token;
    bool hasPassword = false;
    for (int i = 1; i < args.size(); ++i) {
        const QString& key = args[i];
        if (!key.startsWith(QLatin1String("--"))) {
            a.inputs << key;
            continue;
        }
        if (key == QLatin1String("--tls")) { // the one option without a value
            a.node.tls = true;
            dimseGiven = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            std::fprintf(stderr, "radpath-cli pacs: %s needs a value\n", key.toLocal8Bit().constData());
            return false;
        }
        const QString value = args[++i];
        const std::string v = value.toStdString();
        bool ok = true;
        static const QStringList dimseOnly{"--host",    "--port",   "--aet",      "--my-aet",
                                           "--my-port", "--tls-ca", "--tls-cert", "--tls-key"};
        dimseGiven = dimseGiven || dimseOnly.contains(key);
        if (key == QLatin1String("--url"))
            a.url = value;
        else if (key == QLatin1String("--user"))
            user = value;
        else if (key == QLatin1String("--password"))
            password = value, hasPassword = true;
        else if (key == QLatin1String("--token"))
            token = value;
        else if (key == QLatin1String("--host"))
            a.node.host = v;
        else if (key == QLatin1String("--port"))
            a.node.port = value.toInt(&ok), ok = ok && a.node.port > 0 && a.node.port < 65536, hasPort = true;
        else if (key == QLatin1String("--aet"))
            a.node.aeTitle = v;
        else if (key == QLatin1String("--my-aet"))
            a.node.localAeTitle = v;
        else if (key == QLatin1String("--tls-ca"))
            a.node.tlsCaFile = v;
        else if (key == QLatin1String("--tls-cert"))
            a.node.tlsCertificateFile = v;
        else if (key == QLatin1String("--tls-key"))
            a.node.tlsKeyFile = v;
        else if (key == QLatin1String("--my-port"))
            a.node.localPort = value.toInt(&ok), ok = ok && a.node.localPort > 0 && a.node.localPort < 65536;
        else if (key == QLatin1String("--timeout"))
            a.timeouts.acseSeconds = a.timeouts.dimseSeconds = a.webTimeouts.answerSeconds = value.toInt(&ok),
            ok = ok && a.timeouts.dimseSeconds > 0;
        else if (key == QLatin1String("--patient-id"))
            a.query.patientId = v;
        else if (key == QLatin1String("--patient-name"))
            a.query.patientName = v;
        else if (key == QLatin1String("--study-date"))
            ok = parseDateRange(value, a.query);
        else if (key == QLatin1String("--modality"))
            a.query.modality = v;
        else if (key == QLatin1String("--accession"))
            a.query.accessionNumber = v;
        else if (key == QLatin1String("--description"))
            a.query.studyDescription = v;
        else if (key == QLatin1String("--level"))
            a.level = value, ok = value == QLatin1String("study") || value == QLatin1String("series");
        else if (key == QLatin1String("--study"))
            a.query.studyUid = v;
        else if (key == QLatin1String("--series"))
            a.seriesUid = value;
        else if (key == QLatin1String("--out"))
            a.out = value;
        else {
            std::fprintf(stderr, "radpath-cli pacs: unknown option '%s'\n", key.toLocal8Bit().constData());
            return false;
        }
        if (!ok) {
            std::fprintf(stderr, "radpath-cli pacs: bad value '%s' for %s\n", value.toLocal8Bit().constData(),
                         key.toLocal8Bit().constData());
            return false;
        }
    }
    const auto missing = [](const char* what) {
        std::fprintf(stderr, "radpath-cli pacs: %s is required\n", what);
        return false;
    };
    const auto refuse = [](const char* why) {
        std::fprintf(stderr, "radpath-cli pacs: %s\n", why);
        return false;
    };
    if (a.url.isEmpty() && (!user.isEmpty() || hasPassword || !token.isEmpty()))
        return refuse("--user, --password and --token are for DICOMweb (--url)");
    if (!a.url.isEmpty()) {
        if (dimseGiven)
            return refuse("--url (DICOMweb) replaces --host, --port, --aet, --my-aet, --my-port and --tls* (DIMSE); "
                          "for TLS use an https:// URL");
        if (a.action == QLatin1String("move"))
            return refuse("move is C-MOVE, DIMSE only: with --url use get (WADO-RS)");
        if (!token.isEmpty() && !user.isEmpty())
            return refuse("give --user or --token, not both");
        if (hasPassword && user.isEmpty())
            return refuse("--password needs --user");
        if (!user.isEmpty()) {
            if (!hasPassword)
                password = qEnvironmentVariable("RADPATH_PACS_PASSWORD");
            if (!hasPassword && password.isEmpty())
                return refuse("--user needs a password: --password or the environment variable RADPATH_PACS_PASSWORD");
            a.auth = net::DicomWebAuth::basic(user.toStdString(), password.toStdString());
        } else {
            if (token.isEmpty())
                token = qEnvironmentVariable("RADPATH_PACS_TOKEN");
            if (!token.isEmpty())
                a.auth = net::DicomWebAuth::bearer(token.toStdString());
        }
    }
    if (a.url.isEmpty() && a.node.host.empty())
        return missing("--host (or --url for DICOMweb)");
    if (!a.node.tls && (!a.node.tlsCaFile.empty() || !a.node.tlsCertificateFile.empty() || !a.node.tlsKeyFile.empty()))
        return refuse("--tls-ca, --tls-cert and --tls-key need --tls");
    if (a.node.tlsCertificateFile.empty() != a.node.tlsKeyFile.empty())
        return refuse("--tls-cert and --tls-key go together");
    if (a.url.isEmpty() && !hasPort)
        return missing("--port");
    if (a.url.isEmpty() && a.node.aeTitle.empty())
        return missing("--aet");
    const bool retrieve = a.action == QLatin1String("get") || a.action == QLatin1String("move");
    if (retrieve && a.query.studyUid.empty())
        return missing("--study");
    if (retrieve && a.out.isEmpty())
        return missing("--out");
    if (a.action == QLatin1String("move") && a.node.localPort == 0)
        return missing("--my-port");
    if (a.action == QLatin1String("find") && a.level == QLatin1String("series") && a.query.studyUid.empty())
        return missing("--study (for --level series)");
    if (a.action == QLatin1String("send") && a.inputs.isEmpty())
        return missing("a file or folder to send");
    if (a.action != QLatin1String("send") && !a.inputs.isEmpty()) {
        std::fprintf(stderr, "radpath-cli pacs: unexpected argument '%s'\n", a.inputs[0].toLocal8Bit().constData());
        return false;
    }
    return true;
}

QJsonValue countOrNull(int n)
{
    return n >= 0 ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
}

QJsonArray studiesJson(const std::vector<net::PacsStudy>& studies)
{
    QJsonArray out;
    for (const net::PacsStudy& s : studies) {
        QJsonArray modalities;
        for (const std::string& m : s.modalities)
            modalities.append(QString::fromStdString(m));
        out.append(QJsonObject{{"studyUid", QString::fromStdString(s.studyUid)},
                               {"patientName", QString::fromStdString(s.patientName)},
                               {"patientId", QString::fromStdString(s.patientId)},
                               {"studyDate", QString::fromStdString(s.studyDate)},
                               {"studyTime", QString::fromStdString(s.studyTime)},
                               {"accessionNumber", QString::fromStdString(s.accessionNumber)},
                               {"description", QString::fromStdString(s.description)},
                               {"modalities", modalities},
                               {"series", countOrNull(s.seriesCount)},
                               {"instances", countOrNull(s.instanceCount)}});
    }
    return out;
}

QJsonArray seriesJson(const std::vector<net::PacsSeries>& series)
{
    QJsonArray out;
    for (const net::PacsSeries& s : series)
        out.append(QJsonObject{{"seriesUid", QString::fromStdString(s.seriesUid)},
                               {"studyUid", QString::fromStdString(s.studyUid)},
                               {"modality", QString::fromStdString(s.modality)},
                               {"number", countOrNull(s.number)},
                               {"description", QString::fromStdString(s.description)},
                               {"instances", countOrNull(s.instanceCount)}});
    return out;
}

// The DICOM files to send: files as given, folders searched for files with the DICM magic.
std::vector<std::string> filesToSend(const QStringList& inputs)
{
    std::vector<std::string> files;
    for (const QString& input : inputs) {
        if (!QFileInfo(input).isDir()) {
            files.push_back(input.toStdString());
            continue;
        }
        const std::size_t before = files.size();
        for (const std::string& f : viewer::DicomSeriesReader::listFilesUnder(input.toStdString(), {}))
            if (viewer::DicomSeriesReader::hasDicomMagic(f))
                files.push_back(f);
        if (files.size() == before)
            throw net::PacsError(net::PacsError::Kind::Local, input.toStdString() + ": no DICOM files in the folder");
    }
    return files;
}

// Progress on a terminal, one line rewritten; nothing when stderr is redirected.
void printProgress(const net::TransferProgress& p)
{
    if (!::isatty(STDERR_FILENO))
        return;
    const int done = p.completed + p.warning + p.failed;
    std::fprintf(stderr, "\r  %d of %d instances (%d failed)", done, done + p.remaining, p.failed);
    if (p.remaining == 0)
        std::fputc('\n', stderr);
}

QJsonObject transferJson(const net::TransferResult& r, const PacsArgs& a)
{
    QJsonObject out{{"completed", r.completed}, {"warnings", r.warning}};
    if (!a.out.isEmpty()) {
        out.insert("files", int(r.files.size()));
        out.insert("out", QDir(a.out).absolutePath());
    }
    return out;
}

// Runs the action with a DimseClient or a DicomWebClient; parseArgs refused move for DICOMweb.
template <typename Client> int runAction(const Client& client, const PacsArgs& a)
{
    constexpr bool kDimse = std::is_same_v<Client, net::DimseClient>;
    viewer::TaskControl control;
    control.isCancelled = [] { return g_interrupted.load(); };
    std::signal(SIGINT, [](int) { g_interrupted = true; });
    const QByteArray action = a.action.toLatin1();
    try {
        QJsonDocument out;
        if (a.action == QLatin1String("echo")) {
            client.echo();
            if constexpr (kDimse)
                std::printf("C-ECHO to %s at %s: success\n", a.node.aeTitle.c_str(), a.node.address().c_str());
            else
                std::printf("DICOMweb at %s: success\n", client.baseUrl().c_str());
            return 0;
        }
        if (a.action == QLatin1String("find"))
            out = QJsonDocument(a.level == QLatin1String("series") ? seriesJson(client.findSeries(a.query, control))
                                                                   : studiesJson(client.findStudies(a.query, control)));
        else if (a.action == QLatin1String("get"))
            out = QJsonDocument(transferJson(
                client.get(a.query.studyUid, a.seriesUid.toStdString(), a.out.toStdString(), control, printProgress),
                a));
        else if constexpr (kDimse) {
            if (a.action == QLatin1String("move"))
                out = QJsonDocument(transferJson(client.move(a.query.studyUid, a.seriesUid.toStdString(),
                                                             a.out.toStdString(), control, printProgress),
                                                 a));
            else
                out = QJsonDocument(transferJson(client.store(filesToSend(a.inputs), control, printProgress), a));
        } else {
            out = QJsonDocument(transferJson(client.store(filesToSend(a.inputs), control, printProgress), a));
        }
        std::fputs(out.toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    } catch (const net::PacsError& e) {
        std::fprintf(stderr, "radpath-cli pacs %s: %s\n", action.constData(), e.what());
    } catch (const viewer::OperationCancelled&) {
        std::fprintf(stderr, "radpath-cli pacs %s: cancelled\n", action.constData());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "radpath-cli pacs %s: %s\n", action.constData(), e.what());
    }
    return 1;
}

} // namespace

int pacs(const QStringList& args)
{
    PacsArgs a;
    if (!parseArgs(args, a)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (a.url.isEmpty())
        return runAction(net::DimseClient(a.node, a.timeouts), a);
    std::unique_ptr<net::DicomWebClient> client;
    try {
        client = std::make_unique<net::DicomWebClient>(a.url.toStdString(), a.auth, a.webTimeouts);
    } catch (const net::PacsError& e) {
        std::fprintf(stderr, "radpath-cli pacs: %s\n%s", e.what(), kUsage);
        return 2;
    }
    return runAction(*client, a);
}

} // namespace radpath::app::cli
