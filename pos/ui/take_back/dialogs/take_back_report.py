"""AJOUTER BILLETS > "Plage numéros" and "Liste numéros": the cashier gives a range
(first and last ticket) or a list of numbers, sees a report of every number, and
confirms with Enter; only the refundable tickets join the basket.

Enter moves on: first field -> last field -> report -> add. The dialog is opened with
``open()`` (non-blocking); it calls the take-back controller and shows what it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos.core.services.take_back import TakeBackReport, TakeBackStatus
from pos.ui.common.scan_target import declare_scan_field
from pos.ui.keys import CHECK_OR_TAKE_ALL

S = TakeBackStatus



class ReportIntents(Protocol):
    """What the dialogs ask of their caller (the take-back controller): Outcomes with
    a ``value`` (TakeBackReport) or the core's French ``error``."""

    def range_report(self, first: str, last: str): ...
    def list_report(self, text: str): ...
    def take(self, numbers: Sequence[str]): ...

class TakeBackReportCounts(QObject):
    """The report's counts, in a class of their own: PySide's tr() takes the context from
    the instance's class (a subclass misses the base's plurals), and lupdate extracts a
    plural only from self.tr()."""

    def text(self, refundable: int, refused: int) -> str:
        text = self.tr("%n ticket(s) to add", "", refundable)
        if refused:
            text += ", " + self.tr("%n refused", "", refused)
        return text

    def approval(self, approvable: int) -> str:
        return self.tr("Enter asks a supervisor for the %n ticket(s) refused without their "
                       "approval.", "", approvable)


class _ReportDialog(QDialog):
    """The report table, its summary and the ADD / CANCEL buttons."""

    def __init__(self, controller: ReportIntents, name: str, table_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.controller = controller
        self.report: TakeBackReport | None = None
        self.resize(860, 520)
        self.layout_ = QVBoxLayout(self)
        self.inputs = QVBoxLayout()
        self.layout_.addLayout(self.inputs)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName(table_name)
        self.table.setHorizontalHeaderLabels([
            self.tr("TICKET NO."), self.tr("ORDER"), self.tr("STATUS"), self.tr("DETAIL")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.layout_.addWidget(self.table, 1)

        self.summary = QLabel("", self)
        self.summary.setObjectName("reportSummaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.layout_.addWidget(self.summary)

        buttons = QHBoxLayout()
        buttons.addStretch()
        self.ok = QPushButton(self.tr("ADD [Enter]"), self)
        self.ok.setObjectName("takeBackOkButton")
        self.ok.setEnabled(False)
        self.ok.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("CANCEL [Esc]"), self)
        cancel.setObjectName("takeBackCancelButton")
        cancel.clicked.connect(self.reject)
        for button in (self.ok, cancel):
            # Enter is the dialog's, whatever has the focus (see keyPressEvent).
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        self.layout_.addLayout(buttons)

    # --- Enter moves on ----------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self._enter()
            return
        super().keyPressEvent(event)

    def _enter(self) -> None:
        if self.report is None:
            self._check()
        else:
            self._confirm()

    def _stale(self) -> None:
        self.report = None
        self.ok.setEnabled(False)

    def _check(self) -> None:  # the subclass asks its report
        raise NotImplementedError

    def show_outcome(self, outcome) -> None:
        if not outcome.ok:
            self._stale()
            self.table.setRowCount(0)
            self.summary.setStyleSheet("color: #b00020; font-weight: bold;")
            self.summary.setText(outcome.error)
            return
        self.report = outcome.value
        self._fill(self.report)
        refundable = len(self.report.refundable)
        refused = len(self.report.refused)
        approvable = len(self.report.approvable)
        text = TakeBackReportCounts().text(refundable, refused)
        if refundable or not approvable:
            text += ". " + (self.tr("Enter adds them to the basket.") if refundable
                            else self.tr("Nothing to add."))
        else:
            text += "."
        self.summary.setStyleSheet("font-weight: bold;")
        if approvable:  # Enter adds them too, once a supervisor approves (asked next)
            text += " " + TakeBackReportCounts().approval(approvable)
        self.summary.setText(text)
        self.ok.setEnabled(refundable + approvable > 0)
        if refundable + approvable:
            self.ok.setFocus()

    def _fill(self, report: TakeBackReport) -> None:
        labels = {
            S.REFUNDABLE: self.tr("to add"),
            S.IN_BASKET: self.tr("already in the basket"),
            S.REFUNDED: self.tr("already refunded"),
            S.REPLACED: self.tr("replaced"),
            S.CHECKED_IN: self.tr("checked in"),
            S.RESERVED: self.tr("unpaid reservation"),
            S.HELD: self.tr("held in another operation"),
            S.PAST: self.tr("performance over"),
            S.UNKNOWN: self.tr("unknown"),
            S.MALFORMED: self.tr("unreadable"),
            S.DUPLICATE: self.tr("duplicate"),
        }
        self.table.setRowCount(len(report.lines))
        refused = QBrush(QColor("#b00020"))
        for row, line in enumerate(report.lines):
            cells = [line.number, str(line.order_number or ""), labels[line.status],
                     line.message]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if line.status not in (S.REFUNDABLE, S.DUPLICATE):
                    item.setForeground(refused)
                self.table.setItem(row, column, item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()

    def _confirm(self) -> None:
        if self.report is None or not (self.report.refundable or self.report.approvable):
            return
        numbers = [t.number for t in self.report.refundable] + [
            line.number for line in self.report.approvable]
        self.report = None
        self.controller.take(numbers)
        self.accept()


class RangeDialog(_ReportDialog):
    """Plage numéros: every ticket numbered from the first to the last one."""

    def __init__(self, controller: ReportIntents, parent: QWidget | None = None) -> None:
        super().__init__(controller, "rangeDialog", "rangeReportTable", parent)
        self.setWindowTitle(self.tr("Number range"))
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.first.setObjectName("rangeFirstField")
        self.first.setPlaceholderText(self.tr("Scan or type the first ticket of the range"))
        self.last = QLineEdit(self)
        self.last.setObjectName("rangeLastField")
        self.last.setPlaceholderText(self.tr("Scan or type the last ticket of the range"))
        for field in (self.first, self.last):
            field.setMaxLength(64)
            field.textChanged.connect(self._stale)
        form.addRow(self.tr("First ticket"), self.first)
        form.addRow(self.tr("Last ticket"), self.last)
        self.inputs.addLayout(form)
        self.first.setFocus()
        declare_scan_field(self, self._scan_field, then=self._enter)

    def _scan_field(self) -> QLineEdit:
        """The first ticket, then the last one (or the field the cashier is in)."""
        focus = self.focusWidget()
        if focus in (self.first, self.last):
            return focus
        return self.last if self.first.text().strip() else self.first

    def _enter(self) -> None:
        if self.focusWidget() is self.first or not self.last.text().strip():
            if self.first.text().strip():
                self.last.setFocus()
                self.last.selectAll()
            return
        super()._enter()

    def _check(self) -> None:
        if not self.first.text().strip():
            self.first.setFocus()
            return
        self.show_outcome(self.controller.range_report(self.first.text(), self.last.text()))


class ListDialog(_ReportDialog):
    """Liste numéros: numbers typed or pasted, one per line or separated by spaces,
    commas or semicolons. Enter in the list starts a new line; Ctrl+Enter checks."""

    def __init__(self, controller: ReportIntents, parent: QWidget | None = None) -> None:
        super().__init__(controller, "listDialog", "listReportTable", parent)
        self.setWindowTitle(self.tr("Number list"))
        self.inputs.addWidget(QLabel(
            self.tr("Type or paste ticket numbers: one per line, or separated by spaces, "
                    "commas or semicolons."), self))
        self.numbers = QPlainTextEdit(self)
        self.numbers.setObjectName("listNumbersField")
        self.numbers.setMaximumHeight(140)
        self.numbers.textChanged.connect(self._stale)
        self.inputs.addWidget(self.numbers)
        check = QPushButton(self.tr("CHECK [Ctrl+Enter]"), self)
        check.setObjectName("listCheckButton")
        check.setAutoDefault(False)
        check.setShortcut(QKeySequence(CHECK_OR_TAKE_ALL))
        check.clicked.connect(self._check)
        row = QHBoxLayout()
        row.addWidget(check)
        row.addStretch()
        self.inputs.addLayout(row)
        self.numbers.setFocus()
        declare_scan_field(self, self.numbers)  # each scan adds a line; Ctrl+Enter checks

    def _check(self) -> None:
        self.show_outcome(self.controller.list_report(self.numbers.toPlainText()))
