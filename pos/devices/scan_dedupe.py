"""A scanner that reads the same code twice in quick succession made one scan.

Plain logic shared by the keyboard-wedge filter (times are the key events' timestamps)
and the serial scanner (times from its monotonic clock): the caller gives the time, so
the decision is deterministic and testable.
"""

from __future__ import annotations


class DuplicateGuard:
    """``accept(code, at_ms)`` is False when ``code`` is the code seen last, less than
    ``window_ms`` earlier. A code held under the beam keeps being refused as long as the
    reads keep coming within the window; another code in between breaks the chain."""

    def __init__(self, window_ms: int) -> None:
        self.window_ms = window_ms
        self._last_code: str | None = None
        self._last_at = 0

    def accept(self, code: str, at_ms: int) -> bool:
        duplicate = (code == self._last_code and 0 <= at_ms - self._last_at < self.window_ms)
        self._last_code = code
        self._last_at = at_ms
        return not duplicate
