"""One dialog at a time.

A cashier answers one question at once: while a confirmation or a form is open, the
keys that open another one (F9, F6, Alt+E...) do nothing, and a scan is refused rather
than changing the basket under the open question. Every feature opens its dialogs
through the window's one ``OneDialog``; when a dialog closes, the focus goes back to
the scan field (``home``).

Dialogs are non-blocking (``open()``), never ``exec()``: the event loop keeps running,
so the print worker and the scanners keep being served.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget


class OneDialog(QObject):
    sig_opened = Signal(object)  # the dialog
    sig_closed = Signal()

    def __init__(self, window: QWidget, home: Callable[[], None]) -> None:
        super().__init__(window)
        self.setObjectName("oneDialog")
        self._home = home
        self.current: QDialog | None = None

    @property
    def busy(self) -> bool:
        return self.current is not None

    def open(self, dialog: QDialog, on_accept: Callable[[], object] | None = None, *,
             accepted: int = QDialog.DialogCode.Accepted, keep: bool = False,
             activate: bool = False) -> bool:
        """Show ``dialog``; ``on_accept`` runs when it closes with ``accepted``.

        False (and ``dialog`` discarded) when another dialog is open. ``keep``: the
        dialog is reused by its owner, not deleted. ``activate``: its keys go to it at
        once (dialogs that answer Alt+letters).
        """
        if self.current is not None:
            if not keep:
                dialog.deleteLater()
            return False
        self.current = dialog

        def finished(result: int) -> None:
            dialog.finished.disconnect(finished)
            self.current = None
            if not keep:
                dialog.deleteLater()
            if result == accepted and on_accept is not None:
                on_accept()
            self.sig_closed.emit()
            self._home()

        dialog.finished.connect(finished)
        dialog.open()
        if activate:
            dialog.activateWindow()
        self.sig_opened.emit(dialog)
        return True
