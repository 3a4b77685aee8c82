"""The keyboard all the way: the window's Tab order and the keys of its trees.

Tab goes through every panel, the scan field first: the cancellation basket, ÉCHANGÉ,
"Demandé par", the cause, the remarks, the delivery mode, the immediate print, the
documents table (which Tab leaves instead of walking its cells), the contact search,
then back to the scan field. In a basket tree the arrows select a line and Suppr
removes the lines selected there (the tree's own remove, not the other basket's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget


def chain_tab_order(window: QWidget, widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order, then the window's other Tab stops, then
    the first again. Qt's focus chain is one circle over every widget of the window and
    ``setTabOrder(a, b)`` moves ``b`` right after ``a``: once ``widgets`` follow one
    another, the circle goes on from the last through all the others back to the
    first. The others are not walked: that would wrap each of the window's ~170 widgets
    for Python, Qt's own scroll bars and viewports included (~9 ms of a cold start)."""
    for widget in widgets:
        if widget.window() is not window:
            raise ValueError(f"{widget.objectName()} is not in this window")
        if widget.focusPolicy() in (Qt.FocusPolicy.NoFocus, Qt.FocusPolicy.ClickFocus):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if isinstance(widget, QAbstractItemView):
            # Tab leaves the table or tree; arrows move inside it.
            widget.setTabKeyNavigation(False)
    for first, then in pairwise(widgets):
        QWidget.setTabOrder(first, then)


class DeleteRemoves(QObject):
    """Suppr in ``view`` runs ``remove``, before any window-wide Del shortcut."""

    def __init__(self, view: QAbstractItemView, remove: Callable[[], object]) -> None:
        super().__init__(view)
        self._remove = remove
        view.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and event.key() == Qt.Key.Key_Delete \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._remove()
            return True
        return False
