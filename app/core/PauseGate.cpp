#include "app/core/PauseGate.h"

#include <QElapsedTimer>
#include <QMutexLocker>

namespace radpath::app {

void PauseGate::pause()
{
    QMutexLocker lock(&m_mutex);
    m_paused = true;
}

void PauseGate::resume()
{
    QMutexLocker lock(&m_mutex);
    m_paused = false;
    m_changed.wakeAll();
}

bool PauseGate::isPaused() const
{
    QMutexLocker lock(&m_mutex);
    return m_paused;
}

void PauseGate::wake()
{
    QMutexLocker lock(&m_mutex);
    m_changed.wakeAll();
}

double PauseGate::wait(const std::function<bool()>& cancelled)
{
    QMutexLocker lock(&m_mutex);
    if (!m_paused)
        return 0.0;
    QElapsedTimer clock;
    clock.start();
    while (m_paused && !(cancelled && cancelled()))
        m_changed.wait(&m_mutex, 100);
    return double(clock.nsecsElapsed()) / 1e9;
}

} // namespace radpath::app
