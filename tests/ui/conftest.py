from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTreeView

from pos.config import parse_config
from pos.ui.app import build_main_window, make_printer
from pos.ui.common.i18n import install_translator
from tests.support.printed import PrintedJobsPrinter


@pytest.fixture(scope="session", autouse=True)
def french(qapp: QApplication):
    translator = install_translator(qapp, "fr")
    yield
    if translator is not None:
        qapp.removeTranslator(translator)


@pytest.fixture
def printer():
    with PrintedJobsPrinter() as fake:  # .jobs: printed jobs, not the status polls
        yield fake


def open_window(qtbot, database, clock, printer, *, operator: str = "demo",
                counter: str = "", sections: str = "", **build):
    """The real window on ``database``, printing to the test printer, logged in as
    ``operator`` (no log-in dialog); ``counter``: more lines of ``[counter]``;
    ``sections``: more TOML sections; ``build``: more arguments of build_main_window."""
    config = parse_config(f"""
[counter]
name = "Guichet 1"
venue_name = "Théâtre de la Ville"
{counter}
[printer]
connection = "network"
host = "127.0.0.1"
port = {printer.port}
timeout = 3
{sections}
""")
    win = build_main_window(config, database, clock, make_printer(config), operator=operator,
                            **build)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def window(request, qtbot, demo, clock, printer):
    """The window as after a log-in: the demo cashier's, or ``@pytest.mark.operator``'s
    (a test refunding more than ``[refunds] supervisor_above`` has a supervisor at the
    counter). The log-in dialog itself is tested in test_operators_window.py."""
    marker = request.node.get_closest_marker("operator")
    win = open_window(qtbot, demo, clock, printer, operator=marker.args[0] if marker else "demo",
                      sections="[drawer]\npin = 2")
    yield win
    win.close()


def scan_field(win) -> QLineEdit:
    return win.findChild(QLineEdit, "scanField")


def basket_view(win) -> QTreeView:
    return win.findChild(QTreeView, "basketView")


def label(win, name: str) -> str:
    from pos.formatting import plain_spaces

    return plain_spaces(win.findChild(QLabel, name).text())


def tree_rows(view: QTreeView, parent=None, depth=0) -> list[tuple]:
    """Every row of the model as (depth, column texts...), depth-first."""
    from PySide6.QtCore import QModelIndex

    from pos.formatting import plain_spaces

    model = view.model()
    parent = parent or QModelIndex()
    rows = []
    for r in range(model.rowCount(parent)):
        cells = tuple(plain_spaces(model.index(r, c, parent).data() or "")
                      for c in range(model.columnCount(parent)))
        rows.append((depth, *cells))
        rows.extend(tree_rows(view, model.index(r, 0, parent), depth + 1))
    return rows
