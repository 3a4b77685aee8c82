"""A report on screen (the X report, the refunds-and-exchanges report of a period), with
its "save as PDF" (and CSV) buttons; the refunds report has its period fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.core.reports import Report, to_text


class ReportDialog(QDialog):
    """``save_pdf`` / ``save_csv``: called with the report shown, they return the path
    saved (or None); ``reload``: for a period report, the report of (start, end)."""

    def __init__(self, title: str, report: Report | None, *,
                 save_pdf: Callable[[Report], object],
                 save_csv: Callable[[], object] | None = None,
                 reload: Callable[[date, date], Report | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashReportDialog")
        self.setWindowTitle(title)
        self.resize(720, 640)
        self.report, self._save_pdf, self._save_csv = report, save_pdf, save_csv
        layout = QVBoxLayout(self)
        if reload is not None:
            row = QHBoxLayout()
            today = QDate.currentDate()
            self.start = QDateEdit(today.addDays(-today.day() + 1), self)
            self.start.setObjectName("refundsFromField")
            self.end = QDateEdit(today, self)
            self.end.setObjectName("refundsToField")
            for edit in (self.start, self.end):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("dd.MM.yyyy")
            show = QPushButton(self.tr("Show"), self)
            show.setObjectName("refundsShowButton")
            show.clicked.connect(lambda: self._reload(reload))
            start_label, end_label = QLabel(self.tr("From"), self), QLabel(self.tr("to"), self)
            start_label.setObjectName("refundsFromLabel")
            end_label.setObjectName("refundsToLabel")
            row.addWidget(start_label)
            row.addWidget(self.start)
            row.addWidget(end_label)
            row.addWidget(self.end)
            row.addWidget(show)
            layout.addLayout(row)
        self.view = QPlainTextEdit(self)
        self.view.setObjectName("cashReportView")
        self.view.setReadOnly(True)
        self.view.setFont(QFont("Monospace"))
        layout.addWidget(self.view, 1)
        self.saved = QLabel("", self)
        self.saved.setObjectName("cashReportSavedLabel")
        self.saved.setWordWrap(True)
        layout.addWidget(self.saved)
        buttons = QHBoxLayout()
        pdf = QPushButton(self.tr("Save as PDF"), self)
        pdf.setObjectName("cashReportPdfButton")
        pdf.clicked.connect(self.save_pdf)
        buttons.addWidget(pdf)
        if save_csv is not None:
            csv = QPushButton(self.tr("Save as CSV"), self)
            csv.setObjectName("cashReportCsvButton")
            csv.clicked.connect(self.save_csv)
            buttons.addWidget(csv)
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("cashReportCloseButton")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.show_report(report)

    def show_report(self, report: Report | None) -> None:
        self.report = report
        self.view.setPlainText(to_text(report) if report else "")

    def _reload(self, reload: Callable[[date, date], Report | None]) -> None:
        report = reload(self.start.date().toPython(), self.end.date().toPython())
        if report is not None:
            self.show_report(report)

    def _said(self, path: object) -> None:
        if path:
            self.saved.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def save_pdf(self) -> None:
        if self.report is not None:
            self._said(self._save_pdf(self.report))

    def save_csv(self) -> None:
        if self._save_csv is not None:
            self._said(self._save_csv())
