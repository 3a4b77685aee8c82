"""A cancelled performance, refunded in bulk: which performance, where the money goes,
the supervisor; then the progress, a stop between two orders, and the report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class BulkRefundDialog(QDialog):
    """``start(performance_id, policy, login, pin, reason, report)`` -> started;
    ``stop()`` asks the run to end after the order in progress."""

    def __init__(self, performances: list[tuple[int, str]],
                 start: Callable[[int, str, str, str, str, str], bool],
                 stop: Callable[[], None], report_for: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkRefundDialog")
        self.setWindowTitle(self.tr("Cancel a performance and refund it"))
        self._start, self._stop, self._report_for = start, stop, report_for
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.performance = QComboBox(self)
        self.performance.setObjectName("bulkPerformanceCombo")
        for pid, label in performances:
            self.performance.addItem(label, pid)
        self.policy = QComboBox(self)
        self.policy.setObjectName("bulkPolicyCombo")
        self.policy.addItem(self.tr("A credit note for all"), "credit-note")
        self.policy.addItem(self.tr("Back to the original modes, else a credit note"),
                            "original-modes")
        self.policy.addItem(self.tr("The contact's suspense account"), "suspense-account")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("bulkReasonField")
        self.reason.setMaxLength(200)
        self.login = QLineEdit(self)
        self.login.setObjectName("bulkLoginField")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("bulkPinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.report = QLineEdit(self)
        self.report.setObjectName("bulkReportField")
        for label, widget in ((self.tr("Performance"), self.performance),
                              (self.tr("Refund to"), self.policy),
                              (self.tr("Reason"), self.reason),
                              (self.tr("Supervisor"), self.login), (self.tr("PIN"), self.pin),
                              (self.tr("Report (PDF)"), self.report)):
            form.addRow(label, widget)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("bulkProgressBar")
        self.progress.setFormat(self.tr("%v / %m orders"))
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status = QLabel("", self)
        self.status.setObjectName("bulkStatusLabel")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Cancel the performance and refund"), self)
        self.start_button.setObjectName("bulkStartButton")
        self.stop_button = QPushButton(self.tr("Stop after this order"), self)
        self.stop_button.setObjectName("bulkStopButton")
        self.stop_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("bulkCloseButton")
        for button in (self.start_button, self.stop_button, self.close_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout.addLayout(row)
        self.start_button.clicked.connect(self.begin)
        self.stop_button.clicked.connect(self._stop_asked)
        self.close_button.clicked.connect(self.reject)
        self.performance.currentIndexChanged.connect(self._default_report)
        self._default_report()

    def _default_report(self, _index: int = 0) -> None:
        pid = self.performance.currentData()
        if pid is not None:
            self.report.setText(self._report_for(pid))

    def begin(self) -> None:
        pid = self.performance.currentData()
        if pid is None:
            return
        started = self._start(pid, self.policy.currentData(), self.login.text(),
                              self.pin.text(), self.reason.text(), self.report.text())
        if started:
            self.set_running(True)
            self.status.setText(self.tr("Refunding..."))

    def _stop_asked(self) -> None:
        self._stop()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the order in progress..."))

    def set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for widget in (self.performance, self.policy, self.reason, self.login, self.pin,
                       self.report):
            widget.setEnabled(not running)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def show_end(self, text: str) -> None:
        self.set_running(False)
        self.status.setText(text)

    def reject(self) -> None:
        if self.close_button.isEnabled():  # never closed under a run in progress
            super().reject()
