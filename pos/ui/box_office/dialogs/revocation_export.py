"""The door-scanner revocations export: since when, and where (FILE.json, FILE.csv and
FILE.sha256 are written)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos.formatting import VENUE_TZ, local


class RevocationExportDialog(QDialog):
    def __init__(self, since: datetime, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revocationExportDialog")
        self.setWindowTitle(self.tr("Export the revocations"))
        form = QFormLayout(self)
        # Shown and read in the venue's time, whatever the machine's zone.
        self.since = QDateTimeEdit(QDateTime(local(since).replace(tzinfo=None)), self)
        self.since.setObjectName("revocationSinceField")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("dd.MM.yyyy HH:mm")
        form.addRow(self.tr("Since"), self.since)
        row = QHBoxLayout()
        self.path = QLineEdit(path, self)
        self.path.setObjectName("revocationFileField")
        browse = QPushButton(self.tr("Browse..."), self)
        browse.setObjectName("revocationBrowseButton")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export"))
        ok.setObjectName("revocationExportButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the revocations"),
                                              self.path.text(), "JSON (*.json)")
        if path:
            self.path.setText(path)

    def since_value(self) -> datetime:
        return self.since.dateTime().toPython().replace(tzinfo=VENUE_TZ)
