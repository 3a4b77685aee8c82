"""Key events as the window system delivers them: one by one, to the focus widget, with
their own timestamps (QTest's carry none), ShortcutOverride first as Qt does.

Events are built by hand rather than with qtbot.keyClicks, which aborts the run on a Qt
assertion with characters such as "é" (see the devices notes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def key_of(char: str) -> int:
    """Qt's key code of a Latin-1 character (Qt codes are the upper-case code points)."""
    return ord(char.upper())


class Keyboard:
    def __init__(self, start_ms: int = 5_000_000) -> None:
        self.now = start_ms  # the window system's clock, in ms

    def press(self, key: int, text: str = "", *, gap: int = 10,
              modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
        """One key down and up, ``gap`` ms after the previous one; True when the
        ShortcutOverride was accepted (no shortcut would have fired)."""
        self.now += gap
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has the focus"
        override = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers, text)
        override.setTimestamp(self.now)
        override.ignore()
        QApplication.sendEvent(widget, override)
        press = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
        press.setTimestamp(self.now)
        QApplication.sendEvent(widget, press)
        release = QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text)
        release.setTimestamp(self.now + 1)
        QApplication.sendEvent(QApplication.focusWidget() or widget, release)
        return override.isAccepted()

    def type(self, text: str, *, gap: int = 10) -> None:
        for char in text:
            self.press(key_of(char), char, gap=gap)

    def enter(self, *, gap: int = 10) -> None:
        self.press(Qt.Key.Key_Return, "\r", gap=gap)

    def scan(self, code: str, *, gap: int = 8, prefix: int | None = None) -> None:
        """What a keyboard-wedge scanner sends: [prefix], the code, Enter, fast."""
        if prefix is not None:
            self.press(prefix, gap=gap)
        self.type(code, gap=gap)
        self.enter(gap=gap)

    def wait(self, ms: int) -> None:
        """Time passes on the window system's clock (nothing is delivered)."""
        self.now += ms
