"""Work around a reference-count bug of ``SignalInstance.emit`` (seen in PySide6 6.12.0 on
CPython 3.11): it returns ``True``/``False`` without a new reference, so every emit
takes one reference from the interpreter's ``True``. After a few hundred emits the
interpreter aborts ("bool_dealloc: deallocating True or False"), typically at exit
or in a long-running window.

``install()`` checks whether the running PySide6 has the bug (one emit, then compare
the reference count) and, only then, wraps ``emit`` to give the reference back. On a
fixed PySide6, or on CPython 3.12+ where ``True`` is immortal, it changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    result = probe.fired.emit()
    del result
    after = sys.getrefcount(True), sys.getrefcount(False)
    leaked = after != before
    if leaked:  # give back what the probe took
        for value, b, a in ((True, before[0], after[0]), (False, before[1], after[1])):
            for _ in range(b - a):
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))
    return leaked


def install() -> bool:
    """Wrap ``SignalInstance.emit`` if this PySide6 needs it; True when wrapped."""
    global _installed
    if _installed:
        return True
    if not emit_leaks():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    py_object = ctypes.py_object

    def emit(self, *args):  # noqa: ANN001, ANN202 - same signature as Qt's
        result = original(self, *args)
        if result is True or result is False:
            incref(py_object(result))
        return result

    SignalInstance.emit = emit
    _installed = True
    return True
