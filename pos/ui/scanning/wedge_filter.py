"""Keyboard-wedge scanners: an application-wide event filter tells a scanner's burst of
keys from a person typing, takes the whole code and hands it to the scan handler,
whatever widget has the focus. The keys it takes never reach the focused widget (a
quantity, an amount, the remarks); keys that turn out not to be a scan are given back
to the widget that had the focus, in their order.

Two ways to recognise a scan ([scanner] in the configuration):

- ``prefix`` (reliable): the scanner is programmed to send a key first, e.g. F12. Only
  prefixed codes are scans and nothing else is held back, so typing is never delayed.
- timing (fallback, when ``prefix`` is empty): at least ``min_length`` characters, each
  at most ``max_gap_ms`` after the previous one, ended by ``suffix`` (Enter or Tab)
  within the same gap. The decision uses the key events' own timestamps
  (``QKeyEvent.timestamp()``, the window system's time), never the clock at
  processing, so a busy GUI thread does not turn a scan into typing, and tests are
  deterministic. Printable keys are held while a burst may be starting; a key that
  breaks the burst (too late, not printable, another widget) gives them back first.
  A short timer gives them back when nothing follows. Events with no timestamp (0:
  synthesised, e.g. by QTest) carry no timing: they are passed on as typed.

The same code again within ``duplicate_window_ms`` (event time) is one scan.
"""

from __future__ import annotations

import enum
import logging

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from pos.config import ScannerConfig
from pos.devices.scan_dedupe import DuplicateGuard

log = logging.getLogger(__name__)

SUFFIX_KEYS = {"Enter": (Qt.Key.Key_Return, Qt.Key.Key_Enter), "Tab": (Qt.Key.Key_Tab,)}
MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                 Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock)
_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
#: Once a prefix came, the scanner's code must end within this (wall clock), else the
#: keys are given back.
PREFIX_TIMEOUT_MS = 1000


def prefix_key(text: str) -> Qt.Key | None:
    """The key named by ``[scanner] prefix`` ("F12"), None for "" ; ValueError if unknown."""
    if not text:
        return None
    sequence = QKeySequence.fromString(text, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1 or sequence[0].key() == Qt.Key.Key_unknown \
            or sequence[0].keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        raise ValueError(f"[scanner] prefix = {text!r} : touche inconnue (exemple : \"F12\")")
    return sequence[0].key()


class _Act(enum.Enum):
    PASS = enum.auto()  # not ours: the widget gets it
    FLUSH_PASS = enum.auto()  # give back what is held, then the widget gets it
    HOLD = enum.auto()  # continues the burst: held
    START = enum.auto()  # give back what is held, hold this key as a new start
    PREFIX = enum.auto()  # the scanner's prefix: a scan begins
    FINISH = enum.auto()  # the suffix ending a scan


class ScannerFilter(QObject):
    """Install on the QApplication; ``sig_scanned(code)`` for each scan recognised."""

    sig_scanned = Signal(str)

    def __init__(self, config: ScannerConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prefix = prefix_key(config.prefix)
        self._suffix = SUFFIX_KEYS[config.suffix]
        self._max_gap = config.max_gap_ms
        self._min_length = config.min_length
        self._guard = DuplicateGuard(config.duplicate_window_ms)
        self._held: list[QKeyEvent] = []
        self._chars: list[str] = []
        self._target: QWidget | None = None
        self._last_ts = 0
        self._prefixed = False
        self._swallow_release: set[int] = set()
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)

    @property
    def holding(self) -> bool:
        return self._target is not None

    # --- the filter -----------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.ShortcutOverride) or self._replaying:
            return False
        # Key events reach the focus widget first, then its parents if it ignores them
        # (and, on xcb, the window before the widget): act on the first step only.
        if not isinstance(obj, QWidget) or obj is not QApplication.focusWidget():
            return False
        if kind == QEvent.Type.KeyRelease:
            if event.key() in self._swallow_release and not event.isAutoRepeat():
                self._swallow_release.discard(event.key())
                return True
            if self.holding and obj is self._target:
                self._held.append(_copy(event))
                return True
            return False

        act = self._decide(obj, event)
        if kind == QEvent.Type.ShortcutOverride:
            if act in (_Act.HOLD, _Act.START, _Act.PREFIX, _Act.FINISH):
                event.accept()  # no shortcut: the key press comes to us
                return True
            if act is _Act.FLUSH_PASS:
                self.flush()  # what was typed before lands before the shortcut acts
            return False

        if act is _Act.PASS:
            return False
        if act is _Act.FLUSH_PASS:
            self.flush()
            return False
        if act is _Act.START:
            self.flush()
            self._start(obj, event.timestamp())
        if act is _Act.PREFIX:
            self.flush()
            self._start(obj, event.timestamp())
            self._prefixed = True
            self._swallow_release.add(event.key())
            self._timer.start(PREFIX_TIMEOUT_MS)
            return True
        if act is _Act.FINISH:
            self._swallow_release.add(event.key())
            self._finish(event.timestamp())
            return True
        # HOLD, or the first key of a START
        self._held.append(_copy(event))
        if event.text() and event.key() not in MODIFIER_KEYS:
            self._chars.append(event.text())
            self._last_ts = event.timestamp()
        if not self._prefixed:
            self._timer.start(max(3 * self._max_gap, 100))
        return True

    def _decide(self, obj: QWidget, event: QKeyEvent) -> _Act:
        key, ts = event.key(), event.timestamp()
        command = bool(event.modifiers() & _COMMAND_MODIFIERS)
        text = event.text()
        printable = bool(text) and text.isprintable() and not command \
            and key not in MODIFIER_KEYS and not event.isAutoRepeat()
        same_target = self.holding and obj is self._target

        if self._prefix is not None:
            if key == self._prefix and not command:
                return _Act.PREFIX
            if not (self._prefixed and same_target):
                return _Act.FLUSH_PASS if self.holding else _Act.PASS
            if printable or key in MODIFIER_KEYS:
                return _Act.HOLD
            if key in self._suffix and not command:
                return _Act.FINISH
            return _Act.FLUSH_PASS

        if ts == 0:  # no timing information: typed as is
            return _Act.FLUSH_PASS if self.holding else _Act.PASS
        in_time = same_target and 0 <= ts - self._last_ts <= self._max_gap
        if printable:
            return _Act.HOLD if in_time else _Act.START
        if key in MODIFIER_KEYS and same_target:
            return _Act.HOLD
        if key in self._suffix and not command and in_time \
                and len(self._chars) >= self._min_length:
            return _Act.FINISH
        return _Act.FLUSH_PASS if self.holding else _Act.PASS

    # --- holding, giving back, finishing ------------------------------------------------

    def _start(self, target: QWidget, ts: int) -> None:
        self._target = target
        self._held, self._chars = [], []
        self._last_ts = ts
        self._prefixed = False

    def _reset(self) -> tuple[list[QKeyEvent], QWidget | None]:
        self._timer.stop()
        held, target = self._held, self._target
        self._held, self._chars, self._target, self._prefixed = [], [], None, False
        return held, target

    def flush(self) -> None:
        """Give the held keys back to the widget that had the focus, in order."""
        held, target = self._reset()
        if not held or target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for event in held:
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    def _timed_out(self) -> None:
        """Nothing followed in wall-clock time. Key events already queued (a busy GUI
        thread) are let in first: their timestamps decide, not the lateness of this
        timer. Only if they did not continue the burst is it given back."""
        QCoreApplication.processEvents()
        if self.holding and not self._timer.isActive():  # a held key restarts the timer
            self.flush()

    def _finish(self, ts: int) -> None:
        code = "".join(self._chars).strip()
        self._reset()
        if not code:
            return
        if not self._guard.accept(code, ts):
            log.info("wedge scan %s again within the duplicate window: ignored", code)
            return
        log.info("wedge scan %s", code)
        self.sig_scanned.emit(code)


def _copy(event: QKeyEvent) -> QKeyEvent:
    """Qt reuses the event it delivers: keep a copy to give back later."""
    copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.nativeScanCode(),
                     event.nativeVirtualKey(), event.nativeModifiers(), event.text(),
                     event.isAutoRepeat(), event.count())
    copy.setTimestamp(event.timestamp())
    return copy
