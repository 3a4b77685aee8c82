"""The status bar's "Base : connectée / injoignable" and the scans waiting for it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from pos.ui.counter.database_watch import DatabaseWatch
from pos.ui.counter.pending_scans import PendingScans


class DatabaseStatusView(QObject):
    def __init__(self, watch: DatabaseWatch, pending: PendingScans, *, status: QLabel,
                 waiting: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent or status)
        self._status, self._waiting = status, waiting
        watch.sig_state.connect(self.show_state)
        pending.sig_changed.connect(self.show_waiting)
        self.show_state(watch.up)
        self.show_waiting(pending.codes())

    def show_state(self, up: bool) -> None:
        self._status.setText(
            self.tr("Database: connected") if up
            else self.tr("Database: unreachable"))
        self._status.setProperty("level", "info" if up else "error")

    def show_waiting(self, codes: list[str]) -> None:
        count = len(codes)
        self._waiting.setVisible(bool(count))
        self._waiting.setText(self.tr("Scans waiting: %n", "", count))
        self._waiting.setToolTip("\n".join(codes))
