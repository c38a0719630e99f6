#include "app/core/AiReviewStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <stdexcept>

namespace radpath::app {
namespace {

constexpr int kFormatVersion = 1;

std::vector<Finding> readFindings(const QString& path, const QString& subject)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(file.errorString().toStdString());
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        throw std::runtime_error("not JSON: " + parse.errorString().toStdString());
    const QJsonObject root = doc.object();
    if (root["format_version"].toInt() != kFormatVersion)
        throw std::runtime_error("unknown format version");
    if (root["subject"].toString() != subject)
        throw std::runtime_error("written for another subject");
    std::vector<Finding> findings;
    for (const QJsonValue& v : root["findings"].toArray())
        findings.push_back(findingFromJson(v.toObject()));
    return findings;
}

} // namespace

QString newRunId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString currentUserName()
{
    for (const char* variable : {"USER", "LOGNAME", "USERNAME"})
        if (const QString user = qEnvironmentVariable(variable); !user.isEmpty())
            return user;
#ifdef Q_OS_UNIX
    if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return QStringLiteral("unknown user");
}

AiReviewStore::AiReviewStore(QString dataDir, QObject* parent) : QObject(parent), m_dataDir(std::move(dataDir)) {}

QString AiReviewStore::pathFor(const QString& subject) const
{
    const QByteArray hash = QCryptographicHash::hash(subject.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(m_dataDir).filePath(QStringLiteral("reviews/%1.json").arg(QString::fromLatin1(hash)));
}

const std::vector<Finding>& AiReviewStore::findings(const QString& subject)
{
    auto it = m_findings.find(subject);
    if (it != m_findings.end())
        return *it;
    std::vector<Finding> read;
    const QString path = pathFor(subject);
    if (!m_dataDir.isEmpty() && QFileInfo::exists(path)) {
        try {
            read = readFindings(path, subject);
        } catch (const std::exception& e) {
            // Kept aside for a person to look at: the next save must not overwrite it.
            const QString aside = path + QStringLiteral(".unreadable");
            QFile::remove(aside);
            const bool moved = QFile::rename(path, aside);
            if (!moved)
                m_readOnly.insert(subject);
            emit failed(moved ? tr("The AI review record %1 cannot be read (%2): it is kept as %3, and the reviews of "
                                   "this image start anew.")
                                    .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what()),
                                         QDir::toNativeSeparators(aside))
                              : tr("The AI review record %1 cannot be read (%2), nor moved aside: reviews of this "
                                   "image are not saved until it is.")
                                    .arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
        }
    }
    return *m_findings.insert(subject, std::move(read));
}

void AiReviewStore::addRun(const QString& subject, std::vector<Finding> added, const QString& run)
{
    findings(subject); // read from disk first
    std::vector<Finding>& list = m_findings[subject];
    for (Finding& f : added) {
        f.source = FindingSource::Ai;
        f.status = ReviewStatus::Pending;
        f.changedAt = {};
        f.changedBy.clear();
        f.edited = false;
        f.id = newRunId(); // a UUID as well
        f.run = run;
    }
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Finding& old) {
                                  return old.status == ReviewStatus::Pending &&
                                         std::any_of(added.begin(), added.end(),
                                                     [&](const Finding& f) { return f.model.name == old.model.name; });
                              }),
               list.end());
    list.insert(list.end(), added.begin(), added.end());
    save(subject);
    emit changed(subject);
}

bool AiReviewStore::setStatus(const QString& subject, int index, ReviewStatus status, const QString& user,
                              const QDateTime& time, const QString& editedText)
{
    findings(subject);
    std::vector<Finding>& list = m_findings[subject];
    if (index < 0 || index >= int(list.size()) || !list[size_t(index)].review(status, user, time, editedText))
        return false;
    save(subject);
    emit changed(subject);
    return true;
}

bool AiReviewStore::setStatusOf(const QString& subject, const QString& id, ReviewStatus status, const QString& user,
                                const QDateTime& time, const QString& editedText)
{
    const std::vector<Finding>& list = findings(subject);
    const auto it = std::find_if(list.begin(), list.end(), [&](const Finding& f) { return !id.isEmpty() && f.id == id; });
    return it != list.end() && setStatus(subject, int(it - list.begin()), status, user, time, editedText);
}

int AiReviewStore::markMaskEdited(const QString& subject, const QString& run, const QString& user, const QDateTime& time)
{
    findings(subject);
    int changedCount = 0;
    for (Finding& f : m_findings[subject]) {
        if (run.isEmpty() || f.run != run || !f.volumeMl || f.edited || f.status == ReviewStatus::Rejected)
            continue; // once edited it stays so; a rejected result stays rejected
        if (f.review(ReviewStatus::Edited, user, time, tr("%1, corrected by hand").arg(f.text)))
            ++changedCount;
    }
    if (changedCount > 0) {
        save(subject);
        emit changed(subject);
    }
    return changedCount;
}

void AiReviewStore::save(const QString& subject)
{
    if (m_dataDir.isEmpty() || m_readOnly.contains(subject))
        return;
    QJsonArray list;
    for (const Finding& f : m_findings[subject])
        list.append(findingToJson(f));
    const QJsonObject root{{"format_version", kFormatVersion}, {"subject", subject}, {"findings", list}};
    const QString path = pathFor(subject);
    QSaveFile file(path);
    const bool ok = QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly) &&
                    file.write(QJsonDocument(root).toJson()) >= 0 && file.commit();
    if (!ok)
        emit failed(tr("The AI review record %1 cannot be written (%2).")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
}

} // namespace radpath::app
