#include "app/gui/PacsQueryDialog.h"

#include "app/core/AppSettings.h"
#include "app/core/JobTaskControl.h"
#include "app/core/PacsNodeStore.h"
#include "app/core/PacsRetriever.h"
#include "app/core/PacsSecretStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace radpath::app {
namespace {

namespace net = viewer::net;

const QDate kAnyDate(1900, 1, 1); ///< a date edit at its minimum means "any"

enum StudyColumn { kPatient, kPatientId, kDate, kDescription, kModalities, kSeriesCount, kInstances };
enum SeriesColumn { kNumber, kModality, kSeriesDescription, kSeriesInstances, kStatus };

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}
QString count(int n)
{
    return n >= 0 ? QString::number(n) : QString();
}

QString displayDate(const std::string& yyyymmdd)
{
    const QString d = text(yyyymmdd);
    return d.size() == 8 ? d.left(4) + QLatin1Char('-') + d.mid(4, 2) + QLatin1Char('-') + d.mid(6, 2) : d;
}

// Names and descriptions match from the start, as users expect of a search field.
std::string prefixPattern(const QString& typed)
{
    const QString t = typed.trimmed();
    if (t.isEmpty() || t.contains(QLatin1Char('*')) || t.contains(QLatin1Char('?')))
        return t.toStdString();
    return (t + QLatin1Char('*')).toStdString();
}

QTableWidgetItem* cell(const QString& value)
{
    auto* item = new QTableWidgetItem(value);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QTableWidget* makeTable(QWidget* parent, const char* name, const QStringList& headers)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QLatin1String(name));
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

} // namespace

PacsQueryDialog::PacsQueryDialog(JobRunner& jobs, AppSettings& settings, PacsSecretStore& secrets, QWidget* parent)
    : QDialog(parent), m_jobs(jobs), m_settings(settings), m_secrets(secrets)
{
    setObjectName(QStringLiteral("pacsQueryDialog"));
    setWindowTitle(tr("Query/Retrieve"));
    resize(980, 640);
    m_retriever = new PacsRetriever(jobs, settings.dataDir(), settings.studyDatabaseFile(), this);

    m_node = new QComboBox(this);
    m_node->setObjectName(QStringLiteral("pacsNode"));
    m_node->setMinimumContentsLength(30);
    auto* editNodes = new QPushButton(tr("Nodes…"), this);
    editNodes->setObjectName(QStringLiteral("pacsEditNodes"));
    editNodes->setToolTip(tr("Add or change PACS nodes (Tools > Settings > PACS)"));
    auto* nodeRow = new QHBoxLayout;
    nodeRow->addWidget(new QLabel(tr("PACS"), this));
    nodeRow->addWidget(m_node, 1);
    nodeRow->addWidget(editNodes);

    const auto lineEdit = [this](const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setClearButtonEnabled(true);
        return edit;
    };
    m_patientName = lineEdit("pacsPatientName");
    m_patientName->setToolTip(tr("Matches names starting with the text; * and ? are wildcards"));
    m_patientId = lineEdit("pacsPatientId");
    m_accession = lineEdit("pacsAccession");
    m_description = lineEdit("pacsDescription");
    const auto dateEdit = [this](const char* name) {
        auto* edit = new QDateEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kAnyDate);
        edit->setSpecialValueText(tr("any"));
        edit->setDate(kAnyDate);
        return edit;
    };
    m_from = dateEdit("pacsDateFrom");
    m_to = dateEdit("pacsDateTo");
    m_modality = new QComboBox(this);
    m_modality->setObjectName(QStringLiteral("pacsModality"));
    m_modality->setEditable(true);
    m_modality->addItems({QString(), "CR", "CT", "DX", "MG", "MR", "NM", "PT", "SM", "US", "XA"});
    m_modality->lineEdit()->setPlaceholderText(tr("any"));
    m_search = new QPushButton(tr("Search"), this);
    m_search->setObjectName(QStringLiteral("pacsSearch"));
    m_search->setDefault(true);

    auto* form = new QGridLayout;
    form->addWidget(new QLabel(tr("Patient name"), this), 0, 0);
    form->addWidget(m_patientName, 0, 1);
    form->addWidget(new QLabel(tr("Patient ID"), this), 0, 2);
    form->addWidget(m_patientId, 0, 3);
    form->addWidget(new QLabel(tr("Accession"), this), 0, 4);
    form->addWidget(m_accession, 0, 5);
    form->addWidget(new QLabel(tr("Study date from"), this), 1, 0);
    form->addWidget(m_from, 1, 1);
    form->addWidget(new QLabel(tr("to"), this), 1, 2);
    form->addWidget(m_to, 1, 3);
    form->addWidget(new QLabel(tr("Modality"), this), 1, 4);
    form->addWidget(m_modality, 1, 5);
    form->addWidget(new QLabel(tr("Description"), this), 2, 0);
    form->addWidget(m_description, 2, 1, 1, 3);
    form->addWidget(m_search, 2, 5);

    m_studies = makeTable(this, "pacsStudies",
                          {tr("Patient"), tr("Patient ID"), tr("Date"), tr("Description"), tr("Modalities"),
                           tr("Series"), tr("Instances")});
    m_studies->setSelectionMode(QAbstractItemView::SingleSelection);
    m_studies->horizontalHeader()->setSectionResizeMode(kDescription, QHeaderView::Stretch);
    m_series =
        makeTable(this, "pacsSeries", {tr("Number"), tr("Modality"), tr("Description"), tr("Instances"), tr("Status")});
    m_series->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_series->horizontalHeader()->setSectionResizeMode(kStatus, QHeaderView::Stretch);
    m_series->setToolTip(tr("Select series to retrieve only those; with none selected the whole study is retrieved"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_studies);
    split->addWidget(m_series);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_get = new QRadioButton(tr("C-GET"), this);
    m_get->setObjectName(QStringLiteral("pacsUseGet"));
    m_get->setToolTip(tr("The PACS sends the images back on the same connection"));
    m_get->setChecked(true);
    m_move = new QRadioButton(tr("C-MOVE"), this);
    m_move->setObjectName(QStringLiteral("pacsUseMove"));
    m_move->setToolTip(tr("The PACS sends the images to RadPath's AE title and storage port; it must know them"));
    m_retrieve = new QPushButton(tr("Retrieve study"), this);
    m_retrieve->setObjectName(QStringLiteral("pacsRetrieve"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("pacsCancel"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* actions = new QHBoxLayout;
    actions->addWidget(new QLabel(tr("Retrieve with"), this));
    actions->addWidget(m_get);
    actions->addWidget(m_move);
    actions->addStretch(1);
    actions->addWidget(m_retrieve);
    actions->addWidget(m_cancel);
    actions->addWidget(close);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("pacsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(nodeRow);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    connect(editNodes, &QPushButton::clicked, this, &PacsQueryDialog::editNodesRequested);
    connect(m_search, &QPushButton::clicked, this, &PacsQueryDialog::search);
    connect(m_retrieve, &QPushButton::clicked, this, &PacsQueryDialog::retrieve);
    connect(m_cancel, &QPushButton::clicked, this, &PacsQueryDialog::cancel);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::hide);
    connect(m_studies, &QTableWidget::itemSelectionChanged, this, &PacsQueryDialog::loadSeries);
    connect(m_series, &QTableWidget::itemSelectionChanged, this, &PacsQueryDialog::updateButtons);
    connect(&m_jobs, &JobRunner::jobFinished, this, [this](JobId id, JobStatus status, const QString&) {
        if (id == m_searchJob) {
            m_searchJob = 0;
            if (status == JobStatus::Cancelled) {
                setStatus(0, tr("Search cancelled."));
                emit searchFinished(false, m_status->text());
            }
        } else if (id == m_seriesJob) {
            m_seriesJob = 0;
        }
        updateButtons();
    });

    // The retrieval, series by series.
    connect(m_retriever, &PacsRetriever::seriesStarted, this,
            [this](const QString& uid) { setSeriesStatus(uid, tr("Starting…")); });
    connect(m_retriever, &PacsRetriever::seriesProgress, this,
            [this](const QString& uid, double f, const QString& stage) {
                setSeriesStatus(uid, QStringLiteral("%1 % · %2").arg(qRound(f * 100)).arg(stage));
            });
    connect(m_retriever, &PacsRetriever::seriesDone, this, [this](const QString& uid, int instances) {
        setSeriesStatus(uid, tr("Done: %n instance(s)", nullptr, instances));
    });
    connect(m_retriever, &PacsRetriever::seriesFailed, this, [this](const QString& uid, const QString& message) {
        m_retrieveError = message;
        setSeriesStatus(uid, tr("Failed"), message);
    });
    connect(m_retriever, &PacsRetriever::seriesCancelled, this,
            [this](const QString& uid) { setSeriesStatus(uid, tr("Cancelled")); });
    connect(m_retriever, &PacsRetriever::openRequested, this, &PacsQueryDialog::openRequested);
    connect(m_retriever, &PacsRetriever::imported, this, &PacsQueryDialog::imported);
    connect(m_retriever, &PacsRetriever::finished, this, [this](int done, int failed, bool cancelled) {
        if (cancelled)
            setStatus(0, tr("Retrieval cancelled; %n series completed and imported.", nullptr, done));
        else if (failed > 0)
            setStatus(-1, done > 0 ? tr("Retrieval failed: %1\nThe %n series retrieved before it are in the study "
                                        "database.",
                                        nullptr, done)
                                         .arg(m_retrieveError)
                                   : tr("Retrieval failed: %1").arg(m_retrieveError));
        else
            setStatus(1, tr("Retrieved %n series into the study database.", nullptr, done));
        emit retrieveFinished(!cancelled && failed == 0, m_status->text());
        updateButtons();
        loadSeries(); // a study chosen meanwhile gets its series now
    });

    reloadNodes();
    updateButtons();
}

void PacsQueryDialog::reloadNodes()
{
    const PacsNodeStore store(m_settings.store());
    const QString current = m_node->currentData().toString();
    const QString chosen = current.isEmpty() ? store.lastNodeId() : current;
    m_node->clear();
    for (const PacsNodeConfig& n : store.nodes())
        m_node->addItem(n.label(), n.id);
    m_node->setCurrentIndex(qMax(0, m_node->findData(chosen)));
    if (m_node->count() == 0)
        setStatus(0, tr("No PACS node is set up yet: add one with “Nodes…”."));
    updateButtons();
}

void PacsQueryDialog::withConnection(std::function<void(std::shared_ptr<const PacsConnection>)> then)
{
    PacsNodeStore store(m_settings.store());
    const std::optional<PacsNodeConfig> node = store.node(m_node->currentData().toString());
    if (!node) {
        setStatus(-1, tr("Choose a PACS node first, or add one with “Nodes…”."));
        return;
    }
    store.setLastNodeId(node->id);
    const PacsLocalIdentity identity = store.localIdentity();
    m_secrets.read(*node, this, [this, node = *node, identity, then](const QString& secret, bool found) {
        if (node.needsSecret() && !found) {
            setStatus(-1, tr("No password or token is known for %1: enter it in the PACS settings.").arg(node.name));
            return;
        }
        std::shared_ptr<const PacsConnection> connection;
        try {
            connection = makePacsConnection(node, identity, secret);
        } catch (const std::exception& e) {
            setStatus(-1, QString::fromUtf8(e.what()));
            return;
        }
        then(std::move(connection));
    });
}

void PacsQueryDialog::search()
{
    if (m_searchJob)
        return;
    net::PacsQuery query;
    query.patientName = prefixPattern(m_patientName->text());
    query.patientId = m_patientId->text().trimmed().toStdString();
    query.accessionNumber = m_accession->text().trimmed().toStdString();
    if (m_from->date() != kAnyDate)
        query.studyDateFrom = m_from->date().toString(QStringLiteral("yyyyMMdd")).toStdString();
    if (m_to->date() != kAnyDate)
        query.studyDateTo = m_to->date().toString(QStringLiteral("yyyyMMdd")).toStdString();
    query.modality = m_modality->currentText().trimmed().toUpper().toStdString();
    query.studyDescription = prefixPattern(m_description->text());
    withConnection([this, query](std::shared_ptr<const PacsConnection> connection) {
        m_results = connection; // the listed studies belong to this node
        m_studies->setRowCount(0);
        m_series->setRowCount(0);
        m_seriesStudy.clear();
        m_seriesLoaded = false;
        const QString peer = connection->describe();
        setStatus(0, tr("Searching %1…").arg(peer));
        m_searchJob = m_jobs.run<std::vector<net::PacsStudy>>(
            tr("Searching %1").arg(peer), this,
            [connection, query](JobContext& ctx) { return connection->findStudies(query, taskControlFor(ctx)); },
            [this](std::vector<net::PacsStudy> studies) {
                m_studies->setSortingEnabled(false);
                m_studies->setRowCount(int(studies.size()));
                for (int row = 0; row < int(studies.size()); ++row) {
                    const net::PacsStudy& s = studies[size_t(row)];
                    QStringList modalities;
                    for (const std::string& m : s.modalities)
                        modalities << text(m);
                    auto* patient = cell(text(s.patientName).replace(QLatin1Char('^'), QStringLiteral(", ")));
                    patient->setData(Qt::UserRole, text(s.studyUid));
                    m_studies->setItem(row, kPatient, patient);
                    m_studies->setItem(row, kPatientId, cell(text(s.patientId)));
                    m_studies->setItem(row, kDate, cell(displayDate(s.studyDate)));
                    m_studies->setItem(row, kDescription, cell(text(s.description)));
                    m_studies->setItem(row, kModalities, cell(modalities.join(QStringLiteral(", "))));
                    m_studies->setItem(row, kSeriesCount, cell(count(s.seriesCount)));
                    m_studies->setItem(row, kInstances, cell(count(s.instanceCount)));
                }
                m_studies->setSortingEnabled(true);
                setStatus(studies.empty() ? 0 : 1, tr("%n study(ies) found.", nullptr, int(studies.size())));
                emit searchFinished(true, m_status->text());
            },
            [this](const QString& message) {
                setStatus(-1, tr("Search failed: %1").arg(message));
                emit searchFinished(false, m_status->text());
            });
        updateButtons();
    });
}

void PacsQueryDialog::loadSeries()
{
    const QList<QTableWidgetItem*> selected = m_studies->selectedItems();
    const QString study = selected.isEmpty()
                              ? QString()
                              : m_studies->item(selected.first()->row(), kPatient)->data(Qt::UserRole).toString();
    if (study == m_seriesStudy || m_retriever->isBusy())
        return;
    if (m_seriesJob)
        m_jobs.cancel(m_seriesJob);
    m_series->setRowCount(0);
    m_seriesStudy = study;
    m_seriesLoaded = false;
    updateButtons();
    if (study.isEmpty())
        return;
    if (std::shared_ptr<const PacsConnection> connection = m_results) {
        net::PacsQuery query;
        query.studyUid = study.toStdString();
        m_seriesJob = m_jobs.run<std::vector<net::PacsSeries>>(
            tr("Listing series on %1").arg(connection->describe()), this,
            [connection, query](JobContext& ctx) { return connection->findSeries(query, taskControlFor(ctx)); },
            [this, study](std::vector<net::PacsSeries> series) {
                if (study != m_seriesStudy)
                    return;
                // In series-number order: the first retrieved is the first listed.
                std::stable_sort(series.begin(), series.end(), [](const net::PacsSeries& a, const net::PacsSeries& b) {
                    return (a.number < 0 ? INT_MAX : a.number) < (b.number < 0 ? INT_MAX : b.number);
                });
                m_series->setRowCount(int(series.size()));
                for (int row = 0; row < int(series.size()); ++row) {
                    const net::PacsSeries& s = series[size_t(row)];
                    auto* number = cell(count(s.number));
                    number->setData(Qt::UserRole, text(s.seriesUid));
                    m_series->setItem(row, kNumber, number);
                    m_series->setItem(row, kModality, cell(text(s.modality)));
                    m_series->setItem(row, kSeriesDescription, cell(text(s.description)));
                    m_series->setItem(row, kSeriesInstances, cell(count(s.instanceCount)));
                    m_series->setItem(row, kStatus, cell(QString()));
                }
                m_seriesLoaded = true;
                updateButtons();
            },
            [this, study](const QString& message) {
                if (study == m_seriesStudy)
                    setStatus(-1, tr("Listing the series failed: %1").arg(message));
            });
        updateButtons();
    }
}

void PacsQueryDialog::retrieve()
{
    if (!m_seriesLoaded || m_retriever->isBusy())
        return;
    QList<int> rows;
    for (const QModelIndex& index : m_series->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty())
        for (int row = 0; row < m_series->rowCount(); ++row)
            rows << row;
    std::sort(rows.begin(), rows.end());
    QList<PacsRetriever::Request> requests;
    for (int row : rows) {
        const QString uid = m_series->item(row, kNumber)->data(Qt::UserRole).toString();
        const QString description = m_series->item(row, kSeriesDescription)->text();
        requests.append({uid, description.isEmpty() ? m_series->item(row, kModality)->text() : description});
    }
    const RetrieveMethod method = m_move->isChecked() ? RetrieveMethod::Move : RetrieveMethod::Get;
    const QString study = m_seriesStudy;
    std::shared_ptr<const PacsConnection> connection = m_results;
    if (!connection)
        return;
    if (method == RetrieveMethod::Move && !connection->supportsMove()) {
        setStatus(-1, tr("This node cannot send with C-MOVE: use C-GET."));
        return;
    }
    m_retrieveError.clear();
    for (const PacsRetriever::Request& r : requests)
        setSeriesStatus(r.seriesUid, tr("Waiting"));
    if (m_retriever->start(std::move(connection), method, study, requests))
        setStatus(0, tr("Retrieving %n series…", nullptr, int(requests.size())));
    updateButtons();
}

void PacsQueryDialog::cancel()
{
    if (m_searchJob)
        m_jobs.cancel(m_searchJob);
    if (m_seriesJob)
        m_jobs.cancel(m_seriesJob);
    m_retriever->cancel();
}

void PacsQueryDialog::updateButtons()
{
    const bool retrieving = m_retriever->isBusy();
    m_search->setEnabled(m_searchJob == 0 && m_node->count() > 0);
    const int chosen = int(m_series->selectionModel()->selectedRows().size());
    m_retrieve->setText(chosen > 0 ? tr("Retrieve %n series", nullptr, chosen) : tr("Retrieve study"));
    m_retrieve->setEnabled(!retrieving && m_seriesLoaded && m_series->rowCount() > 0);
    m_cancel->setEnabled(m_searchJob != 0 || m_seriesJob != 0 || retrieving);
}

int PacsQueryDialog::seriesRow(const QString& seriesUid) const
{
    for (int row = 0; row < m_series->rowCount(); ++row)
        if (m_series->item(row, kNumber)->data(Qt::UserRole).toString() == seriesUid)
            return row;
    return -1;
}

void PacsQueryDialog::setSeriesStatus(const QString& seriesUid, const QString& status, const QString& tooltip)
{
    const int row = seriesRow(seriesUid);
    if (row < 0)
        return;
    QTableWidgetItem* item = m_series->item(row, kStatus);
    item->setText(status);
    item->setToolTip(tooltip);
}

void PacsQueryDialog::setStatus(int state, const QString& message)
{
    static const char* const colours[] = {"#c62828", "", "#2e7d32"};
    const char* colour = colours[qBound(-1, state, 1) + 1];
    m_status->setStyleSheet(*colour ? QStringLiteral("color: %1;").arg(QLatin1String(colour)) : QString());
    m_status->setText(message);
}

} // namespace radpath::app
