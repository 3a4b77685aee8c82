"""Printing off the GUI thread: one worker thread owns the printer, jobs run in order."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from pos.core.documents import Document

log = logging.getLogger(__name__)


class DocumentPrinter(Protocol):
    def print_documents(self, documents: Sequence[Document], *, open_drawer: bool) -> None: ...


class _Worker(QObject):
    sig_done = Signal(str)  # job name
    sig_failed = Signal(str, str)  # job name, message for the cashier

    def __init__(self, printer: DocumentPrinter | None) -> None:
        super().__init__()
        self._printer = printer

    @Slot(str, object, bool)
    def run(self, name: str, documents: Sequence[Document], open_drawer: bool) -> None:
        if self._printer is None:
            self.sig_done.emit(name)
            return
        try:
            self._printer.print_documents(documents, open_drawer=open_drawer)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the cashier
            message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
            log.exception("print job %s failed", name)
            self.sig_failed.emit(name, message)
        else:
            self.sig_done.emit(name)


class PrintQueue(QObject):
    """Hands jobs to the printer thread; tells when each is done or failed."""

    sig_job_done = Signal(str)
    sig_job_failed = Signal(str, str)
    _sig_submit = Signal(str, object, bool)

    def __init__(self, printer: DocumentPrinter | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("printerThread")
        self._worker = _Worker(printer)
        self._worker.moveToThread(self._thread)
        self._sig_submit.connect(self._worker.run)
        self._worker.sig_done.connect(self.sig_job_done)
        self._worker.sig_failed.connect(self.sig_job_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def submit(self, name: str, documents: Sequence[Document], *, open_drawer: bool) -> None:
        self._sig_submit.emit(name, tuple(documents), open_drawer)

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait(10_000)
