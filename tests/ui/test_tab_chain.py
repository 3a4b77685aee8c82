"""chain_tab_order on a small window: the listed widgets first, then every other Tab stop
(those created before the first listed one too), then the first again; and it touches
none of the widgets it was not given (each would be wrapped for Python: Qt's own scroll
bars and viewports, ~170 in the counter window, ~9 ms of a cold start)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeView, QVBoxLayout, QWidget

from pos.ui.counter.keyboard import chain_tab_order


def make(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    fields = {}
    for name in ("early", "a", "b", "c"):  # "early" before the first listed one
        fields[name] = QLineEdit(window)
        fields[name].setObjectName(name)
        layout.addWidget(fields[name])
    tree = QTreeView(window)  # its viewport, header and scroll bars: Qt's, not ours
    tree.setObjectName("tree")
    layout.addWidget(tree)
    qtbot.addWidget(window)
    return window, fields, tree


def tab_circle(start: QWidget) -> list[str]:
    names, widget = [], start.nextInFocusChain()
    while widget is not start:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return names


def test_the_listed_widgets_come_first_then_all_the_others_then_the_first(qtbot):
    window, fields, tree = make(qtbot)
    chain_tab_order(window, [fields["a"], tree, fields["c"]])
    circle = tab_circle(fields["a"])
    assert circle[:2] == ["tree", "c"]
    assert sorted(circle[2:]) == ["b", "early"]
    assert not tree.tabKeyNavigation()  # Tab leaves the tree; arrows move inside it


def test_a_widget_that_takes_no_focus_is_made_a_tab_stop(qtbot):
    window, fields, _tree = make(qtbot)
    fields["b"].setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chain_tab_order(window, [fields["a"], fields["b"]])
    assert fields["b"].focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert tab_circle(fields["a"])[0] == "b"


def test_no_widget_but_the_listed_ones_is_wrapped(qtbot):
    window, fields, tree = make(qtbot)
    before = len(shiboken6.getAllValidWrappers())
    chain_tab_order(window, [fields["a"], tree, fields["c"]])
    assert len(shiboken6.getAllValidWrappers()) == before


def test_a_widget_of_another_window_is_refused(qtbot):
    window, fields, _tree = make(qtbot)
    other = QLineEdit()
    qtbot.addWidget(other)
    with pytest.raises(ValueError, match="not in this window"):
        chain_tab_order(window, [fields["a"], other])
