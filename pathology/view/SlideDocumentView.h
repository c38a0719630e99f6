#pragma once
// A slide tab: the slide view with its magnification and rotation controls, and a panel
// with what the file says about itself (vendor, size, levels, mpp, objective, bounds,
// label, macro and thumbnail images).

#include "pathology/annotation/AnnotationSet.h"
#include "pathology/slide/TileEngine.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <mutex>
#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QSplitter;

namespace radpath {
namespace pathology {

class AnnotationPanel;
class SlideView;

/// GUI thread only.
class SlideDocumentView : public QWidget {
    Q_OBJECT
public:
    explicit SlideDocumentView(QWidget* parent = nullptr);
    ~SlideDocumentView() override;

    /// What opening a slide reads besides the slide itself, made off the GUI thread by
    /// prepare(): its overview and its saved annotations.
    struct Prepared {
        bool ready = false;
        QImage overview;
        std::optional<AnnotationSet> annotations; ///< none: no sidecar
        std::string sidecarError;                 ///< the sidecar exists but cannot be read
    };
    /// Any thread.
    static Prepared prepare(const SlideSource& slide);

    /// `prepared` from prepare(); without it (or not ready), the overview and sidecar are read now.
    void setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads, Prepared prepared);
    void setSlide(std::shared_ptr<SlideSource> slide, std::shared_ptr<TileCache> cache, int threads);
    SlideView* slideView() const { return m_view; }
    AnnotationPanel* annotationPanel() const { return m_panel; }
    /// Where the user's class list lives (kept between sessions).
    void setClassFile(const QString& path);
    /// Waits until the annotations are in the sidecar file.
    void flush();
    /// A second slide beside the first (null: none), navigation linked unless unlinked.
    void setCompareSlide(std::shared_ptr<SlideSource> slide);
    SlideView* compareView() const { return m_compare; }
    void setLinked(bool linked);
    bool isLinked() const { return m_linked; }
    /// The info panel's text (HTML), for tests.
    QString infoHtml() const;

private:
    void fillInfo();
    QWidget* makeDisplayPanel();
    void loadAnnotations(Prepared& prepared);
    void saveAnnotations();
    void syncMagnification();
    void follow(SlideView* from, SlideView* to);

    SlideView* m_view = nullptr;
    QComboBox* m_magnification = nullptr;
    QWidget* m_info = nullptr;
    QLabel* m_infoText = nullptr;
    QHBoxLayout* m_associated = nullptr;
    AnnotationPanel* m_panel = nullptr;
    QLabel* m_status = nullptr;
    QThreadPool m_writer; ///< one thread: sidecar saves in the order of the edits
    SlideView* m_compare = nullptr;
    QSplitter* m_splitter = nullptr;
    std::shared_ptr<TileCache> m_cache;
    int m_threads = 1;
    bool m_linked = true;
    bool m_following = false;
    bool m_sidecarBlocked = false; ///< the sidecar could not be read: never written over
    std::mutex m_saveMutex;                    ///< guards the two below, shared with the writer
    std::optional<AnnotationSet> m_pendingSave; ///< the newest state not yet written
    bool m_saveRunning = false;
};

} // namespace pathology
} // namespace radpath
