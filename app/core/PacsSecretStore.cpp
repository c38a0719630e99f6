#include "app/core/PacsSecretStore.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

#include <utility>

namespace radpath::app {
namespace {

// Runs `callback` only while `context` lives (a null context: always).
template <class F> auto guarded(QObject* context, F callback)
{
    return [context = QPointer<QObject>(context), hasContext = context != nullptr,
            callback = std::move(callback)](auto&&... args) {
        if (!hasContext || context)
            callback(std::forward<decltype(args)>(args)...);
    };
}

QString keychainError(const QKeychain::Job* job)
{
    const QString text = job->errorString();
    return text.isEmpty() ? QStringLiteral("error %1").arg(int(job->error())) : text;
}

} // namespace

PacsSecretStore::PacsSecretStore(QString service, QObject* parent) : QObject(parent), m_service(std::move(service)) {}

PacsSecretStore::~PacsSecretStore() = default;

QString PacsSecretStore::key(const QString& nodeId) const
{
    return QStringLiteral("pacs-node/") + nodeId;
}

void PacsSecretStore::learn(bool available, const QString& error)
{
    m_keyring = available ? Keyring::Available : Keyring::Unavailable;
    m_keyringError = available ? QString() : error;
}

void PacsSecretStore::probe(QObject* context, std::function<void(Keyring, const QString&)> done)
{
    auto answer = guarded(context, [this, done = std::move(done)] {
        if (done)
            done(m_keyring, m_keyringError);
    });
    if (m_keyring != Keyring::Unknown) {
        answer();
        return;
    }
    m_probeWaiters.emplace_back(std::move(answer));
    if (m_probing)
        return;
    m_probing = true;
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(QStringLiteral("radpath-keyring-probe"));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* j) {
        // No entry is an answer too: the service is there.
        const bool works = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        learn(works, keychainError(j));
        m_probing = false;
        auto waiters = std::move(m_probeWaiters);
        m_probeWaiters.clear();
        for (auto& waiter : waiters)
            waiter();
    });
    job->start();
}

void PacsSecretStore::read(const PacsNodeConfig& node, QObject* context, std::function<void(const QString&, bool)> done)
{
    auto answer = guarded(context, std::move(done));
    if (!node.needsSecret()) {
        answer(QString(), false);
        return;
    }
    if (node.secretInSettings) {
        answer(node.plainSecret, true);
        return;
    }
    if (m_session.contains(node.id)) {
        answer(m_session.value(node.id), true);
        return;
    }
    if (m_keyring == Keyring::Unavailable) {
        answer(QString(), false);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key(node.id));
    const QString id = node.id;
    connect(job, &QKeychain::Job::finished, this, [this, id, answer](QKeychain::Job* j) mutable {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound)
            learn(true, {});
        else
            learn(false, keychainError(j));
        if (j->error() == QKeychain::NoError) {
            const QString secret = static_cast<QKeychain::ReadPasswordJob*>(j)->textData();
            m_session.insert(id, secret);
            answer(secret, true);
        } else {
            answer(QString(), false);
        }
    });
    job->start();
}

void PacsSecretStore::write(const QString& nodeId, const QString& secret, QObject* context,
                            std::function<void(bool, const QString&)> done)
{
    m_session.insert(nodeId, secret);
    auto answer = guarded(context, [done = std::move(done)](bool stored, const QString& error) {
        if (done)
            done(stored, error);
    });
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key(nodeId));
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, answer](QKeychain::Job* j) mutable {
        const bool stored = j->error() == QKeychain::NoError;
        learn(stored, keychainError(j));
        answer(stored, stored ? QString() : m_keyringError);
    });
    job->start();
}

void PacsSecretStore::remove(const QString& nodeId)
{
    m_session.remove(nodeId);
    if (m_keyring == Keyring::Unavailable)
        return;
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key(nodeId));
    job->start();
}

} // namespace radpath::app
