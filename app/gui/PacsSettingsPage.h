#pragma once
// The "PACS" page of the settings: the remote nodes (list, add, remove, edit with a
// connection test) and RadPath's own AE title and storage port. apply() saves the nodes to
// the settings file and each edited secret to the keyring (or, when the user asked, the
// settings file); without a keyring the secret stays for the session only.

#include "app/core/JobRunner.h"
#include "app/core/PacsNodeStore.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace radpath::app {

class AppSettings;
class PacsNodeEditor;
class PacsSecretStore;

class PacsSettingsPage : public QWidget {
    Q_OBJECT
public:
    PacsSettingsPage(JobRunner& jobs, AppSettings& settings, PacsSecretStore& secrets, QWidget* parent = nullptr);

    /// Saves nodes, identity and secrets.
    void apply();
    /// Adds a node and selects it for editing.
    void addNode();
    void removeCurrentNode();
    /// Selects the node with this id (or the first).
    void selectNode(const QString& id);

    PacsNodeEditor* editor() const { return m_editor; }
    QListWidget* nodeList() const { return m_list; }
    /// The nodes as edited so far (not saved yet).
    QList<PacsNodeConfig> nodes() const { return m_nodes; }
    PacsLocalIdentity localIdentity() const;

signals:
    void applied();

private:
    void showNode(int row);
    void takeEdits();
    QString itemText(const PacsNodeConfig& node) const;

    AppSettings& m_settings;
    PacsSecretStore& m_secrets;
    QList<PacsNodeConfig> m_nodes;
    QStringList m_removed;            ///< ids of nodes removed since the page opened
    QHash<QString, QString> m_edited; ///< secrets typed, by node id
    int m_row = -1;
    QListWidget* m_list = nullptr;
    QPushButton* m_remove = nullptr;
    PacsNodeEditor* m_editor = nullptr;
    QLineEdit* m_localAe = nullptr;
    QSpinBox* m_storagePort = nullptr;
};

} // namespace radpath::app
