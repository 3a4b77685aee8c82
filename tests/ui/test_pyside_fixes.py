"""Emitting signals must not eat the interpreter's reference to True (PySide6 6.12 bug)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import pos.ui  # noqa: F401 - installs the fix
from pos.ui import pyside_fixes


class _Emitter(QObject):
    number = Signal(int)
    nothing = Signal()


def test_emit_keeps_the_reference_counts_of_true_and_false():
    emitter = _Emitter()
    emitter.number.connect(lambda _n: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(1000):
        emitter.number.emit(1)
        emitter.nothing.emit()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
    assert not pyside_fixes.emit_leaks()  # after install, a probe sees no leak
