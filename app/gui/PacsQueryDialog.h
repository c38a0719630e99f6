#pragma once
// File > Query/Retrieve: search a PACS node for studies (C-FIND as a job), list a study's
// series, retrieve the study or the chosen series (C-GET, or C-MOVE as an option) one series
// after another into the data folder and the study database, each with its progress in the
// series table and in the Jobs dock. The first retrieved series is offered for opening as soon
// as it has arrived. Non-modal: closing it hides it, and a retrieval goes on.

#include "app/core/JobRunner.h"
#include "app/core/PacsConnection.h"

#include <QDialog>

#include <functional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace radpath::app {

class AppSettings;
class PacsRetriever;
class PacsSecretStore;

class PacsQueryDialog : public QDialog {
    Q_OBJECT
public:
    PacsQueryDialog(JobRunner& jobs, AppSettings& settings, PacsSecretStore& secrets, QWidget* parent = nullptr);

    /// Re-reads the nodes from the settings (after they were edited).
    void reloadNodes();
    void search();
    void retrieve();
    /// Cancels the search, series query or retrieval in flight.
    void cancel();

    QTableWidget* studyTable() const { return m_studies; }
    QTableWidget* seriesTable() const { return m_series; }
    PacsRetriever* retriever() const { return m_retriever; }

signals:
    /// A retrieved series can be opened: a file of it.
    void openRequested(const QString& path);
    /// Series were added to the study database.
    void imported(int instancesAdded);
    void editNodesRequested();
    /// A search ended; `ok` false with the message shown.
    void searchFinished(bool ok, const QString& message);
    void retrieveFinished(bool ok, const QString& message);

private:
    void loadSeries();
    void updateButtons();
    void setStatus(int state, const QString& text); ///< -1 error, 0 neutral, 1 done
    /// Makes the connection for the chosen node (its secret looked up first), then calls `then`.
    void withConnection(std::function<void(std::shared_ptr<const PacsConnection>)> then);
    int seriesRow(const QString& seriesUid) const;
    void setSeriesStatus(const QString& seriesUid, const QString& text, const QString& tooltip = {});

    JobRunner& m_jobs;
    AppSettings& m_settings;
    PacsSecretStore& m_secrets;
    PacsRetriever* m_retriever = nullptr;
    /// The node the listed studies came from: their series and retrievals go to it.
    std::shared_ptr<const PacsConnection> m_results;
    JobId m_searchJob = 0;
    JobId m_seriesJob = 0;
    QString m_seriesStudy; ///< the study whose series the series table shows (or is loading)
    bool m_seriesLoaded = false;
    QString m_retrieveError; ///< why the last retrieval stopped, when it failed

    QComboBox* m_node = nullptr;
    QLineEdit* m_patientName = nullptr;
    QLineEdit* m_patientId = nullptr;
    QLineEdit* m_accession = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_modality = nullptr;
    QLineEdit* m_description = nullptr;
    QPushButton* m_search = nullptr;
    QTableWidget* m_studies = nullptr;
    QTableWidget* m_series = nullptr;
    QRadioButton* m_get = nullptr;
    QRadioButton* m_move = nullptr;
    QPushButton* m_retrieve = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace radpath::app
