"""Whether the database answers: "Base : connectée / injoignable".

A cheap probe (``Database.ping``: one ``SELECT 1``) runs off the GUI thread every
``interval`` seconds, and every second while the database is away; any unit of work
that met ``DatabaseUnreachable`` says so at once (``lost``). ``sig_state`` carries each
change: the status bar follows it, and the counter replays the scans it kept.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from pos.core.errors import DomainError

log = logging.getLogger(__name__)

RETRY_MS = 1000  # while the database is away


class DatabaseWatch(QObject):
    sig_state = Signal(bool)  # True: the database answers
    _sig_probed = Signal(bool, int)  # from the probe's thread, queued to the GUI thread

    def __init__(self, ping: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ping = ping
        self.up = True
        #: how many times a unit of work met the database away; a probe that started
        #: before the last of them says nothing (it may have answered just before)
        self.losses = 0
        self._interval_ms = 5000
        self._started = False
        self._probing = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.probe)
        self._sig_probed.connect(self._probed)

    def start(self, interval_s: float) -> None:
        self._interval_ms = max(50, int(interval_s * 1000))
        self._started = True
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        self._started = False
        self._timer.stop()

    def lost(self) -> None:
        """A unit of work could not reach the database: say it now, probe every second."""
        self.losses += 1
        self._set(False)
        if self._started and self._timer.remainingTime() > RETRY_MS:
            self._timer.start(RETRY_MS)

    @Slot()
    def probe(self) -> None:
        """Ping on a thread of its own; one at a time (a hung connect never piles up)."""
        if not self._probing.acquire(blocking=False):
            return
        threading.Thread(target=self._run_probe, args=(self.losses,), name="database-probe",
                         daemon=True).start()

    def _run_probe(self, losses: int) -> None:
        try:
            self._ping()
            answered = True
        except DomainError as error:
            log.info("database probe: %s", error.code)
            answered = False
        except Exception:  # noqa: BLE001 - a probe never kills its thread silently
            log.exception("database probe")
            answered = False
        finally:
            self._probing.release()
        try:
            self._sig_probed.emit(answered, losses)
        except RuntimeError:  # the window closed meanwhile
            pass

    @Slot(bool, int)
    def _probed(self, answered: bool, losses: int) -> None:
        if losses == self.losses:
            self._set(answered)
        if self._started:
            self._timer.start(self._interval_ms if self.up else RETRY_MS)

    def _set(self, up: bool) -> None:
        if up != self.up:
            self.up = up
            log.warning("database %s", "back" if up else "unreachable")
            self.sig_state.emit(up)
