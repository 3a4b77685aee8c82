"""Calling Qt must not eat the interpreter's references to None, True and False.

PySide6 6.12.0 on CPython 3.11 drops one reference at every call of a method that
returns nothing (and at every emit()); a counter's window then aborts with
"none_dealloc" after a few hundred scans. pyproject.toml pins a PySide6 without the bug;
this test fails the suite if an upgrade brings it back. On CPython 3.12+ these objects
are immortal and the counts cannot fall at all."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit

ROUNDS = 200  # a leak of one a call shows at once; the lost references are given back


class _Emitter(QObject):
    number = Signal(int)
    nothing = Signal()


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _assert_no_fall(before, after, what: str) -> None:
    lost = []
    for value, b, a in zip((None, True, False), before, after, strict=True):
        if a < b:
            lost.append(f"{b - a} references to {value}")
            for _ in range(b - a):  # give them back, so the suite reports instead of aborting
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))
    assert not lost, f"{what}: {', '.join(lost)} lost in {ROUNDS} rounds"


def test_void_widget_and_model_methods_keep_none(qapp):
    field, label, model = QLineEdit(), QLabel(), QStandardItemModel()
    # warm up: first calls create caches (signatures, type objects) that hold references
    field.clear(), field.setText("x"), label.setText("y")
    before = _counts()
    for i in range(ROUNDS):
        field.clear()
        field.setText("01010002748")
        label.setText("Billet ajouté")
        item = QStandardItem("a")
        model.appendRow(item)
        item.setData(i)
        if i % 100 == 99:
            model.clear()
    after = _counts()
    _assert_no_fall(before, after, "QLineEdit/QLabel/QStandardItem")


def test_void_event_methods_keep_none(qapp):
    event = QKeyEvent(QEvent.Type.KeyPress, 0x41, Qt.KeyboardModifier.NoModifier, "a")  # noqa: F841 - warm up
    before = _counts()
    for i in range(ROUNDS):
        event = QKeyEvent(QEvent.Type.KeyPress, 0x41, Qt.KeyboardModifier.NoModifier, "a")
        event.setTimestamp(i)
        event.ignore()
        event.accept()
    after = _counts()
    _assert_no_fall(before, after, "QEvent.setTimestamp/ignore/accept")


def test_emit_keeps_true_false_and_none(qapp):
    emitter = _Emitter()
    emitter.number.connect(lambda _n: None)
    emitter.nothing.connect(lambda: None)
    emitter.number.emit(0), emitter.nothing.emit()
    before = _counts()
    for i in range(ROUNDS):
        emitter.number.emit(i)
        emitter.nothing.emit()
    after = _counts()
    _assert_no_fall(before, after, "SignalInstance.emit")
