"""Scans kept while the database is away: never dropped, never said "added".

The counter's controller keeps here each scan it could not take because the database
did not answer (and every scan after it, so that they keep their order), says so, and
replays them in order when the database is back (``DatabaseWatch.sig_state``). The
status bar shows how many wait.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class PendingScans(QObject):
    sig_changed = Signal(list)  # the codes waiting, oldest first

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._codes: list[str] = []

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[str]:
        return list(self._codes)

    def keep(self, code: str, *, first: bool = False) -> None:
        if first:
            self._codes.insert(0, code)
        else:
            self._codes.append(code)
        self.sig_changed.emit(self.codes())

    def take_first(self) -> str:
        code = self._codes.pop(0)
        self.sig_changed.emit(self.codes())
        return code
