#pragma once

#include <QDialog>

namespace radpath {
namespace app {

/// Help > About: RadPath's version, the libraries it uses, CUDA availability.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

private:
    void fill(bool loadAi);
};

} // namespace app
} // namespace radpath
