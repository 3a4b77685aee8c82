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
    the first again. Qt's focus chain is one circle over every widget: once all Tab
    stops are in it in order, the one after the last is the first."""
    for widget in widgets:
        if widget.focusPolicy() in (Qt.FocusPolicy.NoFocus, Qt.FocusPolicy.ClickFocus):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if isinstance(widget, QAbstractItemView):
            # Tab leaves the table or tree; arrows move inside it.
            widget.setTabKeyNavigation(False)
    listed = set(widgets)
    others = [w for w in _focus_chain(window) if w not in listed
              and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    for first, then in pairwise([*widgets, *others]):
        QWidget.setTabOrder(first, then)


def _focus_chain(window: QWidget) -> list[QWidget]:
    # A set for the "seen" test: ``widget in chain`` on the list compared wrappers one by
    # one, quadratic in the window's ~200 widgets (20-40 ms of the cold start).
    chain, seen, widget = [], set(), window.nextInFocusChain()
    while widget is not window and widget not in seen:
        chain.append(widget)
        seen.add(widget)
        widget = widget.nextInFocusChain()
    return chain


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
