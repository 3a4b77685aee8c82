"""The scan path's structure (issue 12, window part), without timing anything.

A scan into a basket of N tickets inserts exactly one row into ``basketView``'s model (the
ticket's, or its new group's) and resets nothing; the groups' figures change in place.
The tree stays what drawing it again from the core's groups gives. The side panels that
read the database (payment reminder and contact balance) refresh after the row, once for
a burst of scans; the panels whose content a scan does not change are not redrawn.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QTableWidget

import pos.ui.refund.info as refund_info
from pos.formatting import plain_spaces
from pos.ui.counter.basket_model import TICKET_NUMBER_ROLE, BasketModel
from pos.ui.exchange.model import ExchangeModel
from tests.core.test_refunds import JOYAUX
from tests.ui.conftest import basket_view, scan_field
from tests.ui.scanner_keys import Keyboard

# Keys and models: SQLite is enough (PostgreSQL is covered by the other window tests).
pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

OTHER_ORDER = "01010003003"  # another order than JOYAUX's (959), with simple fees


class ModelEvents:
    """The structural signals of a model, counted."""

    def __init__(self, model) -> None:
        self.inserted: list[tuple[QModelIndex, int, int]] = []
        self.removed = self.resets = self.layouts = 0
        model.rowsInserted.connect(lambda parent, first, last: self.inserted.append(
            (QModelIndex(parent), first, last)))
        model.rowsRemoved.connect(lambda *_a: self._count("removed"))
        model.modelReset.connect(lambda: self._count("resets"))
        model.layoutChanged.connect(lambda *_a: self._count("layouts"))

    def _count(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)

    def rows(self) -> int:
        return sum(last - first + 1 for _parent, first, last in self.inserted)


def rows_with_numbers(model, parent=None, depth=0) -> list[tuple]:
    """Every row as (depth, texts..., numbers), depth-first."""
    parent = parent or QModelIndex()
    rows = []
    for r in range(model.rowCount(parent)):
        first = model.index(r, 0, parent)
        rows.append((depth, *(plain_spaces(model.index(r, c, parent).data() or "")
                              for c in range(model.columnCount(parent))),
                     tuple(first.data(TICKET_NUMBER_ROLE) or ())))
        rows.extend(rows_with_numbers(model, first, depth + 1))
    return rows


def redrawn(basket) -> list[tuple]:
    """The tree drawn from scratch from the core's groups."""
    model = BasketModel()
    model.set_groups(basket.groups())
    return rows_with_numbers(model)


def ready(qtbot, window) -> Keyboard:
    field = scan_field(window)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QApplication.processEvents()
    return Keyboard()


def scan(keys: Keyboard, number: str) -> None:
    keys.wait(400)
    keys.scan(number)


@pytest.mark.parametrize("before", [1, 10, 21])
def test_a_scan_into_a_basket_of_n_tickets_inserts_one_row(window, qtbot, before):
    keys = ready(qtbot, window)
    for number in JOYAUX[:before]:
        scan(keys, number)
    QApplication.processEvents()
    model = basket_view(window).model()
    events = ModelEvents(model)

    scan(keys, JOYAUX[before])

    assert len(window.controller.basket) == before + 1
    assert events.resets == 0 and events.removed == 0 and events.layouts == 0
    assert events.rows() == 1 and len(events.inserted) == 1
    parent, first, _last = events.inserted[0]
    inserted = model.index(first, 0, parent)
    assert (inserted.data(TICKET_NUMBER_ROLE) or [])[-1:] == [JOYAUX[before]]
    assert rows_with_numbers(model) == redrawn(window.controller.basket)


def test_a_new_order_is_one_row_with_its_groups_under_it(window, qtbot):
    keys = ready(qtbot, window)
    for number in JOYAUX[:5]:
        scan(keys, number)
    model = basket_view(window).model()
    events = ModelEvents(model)

    scan(keys, OTHER_ORDER)

    assert events.resets == 0 and events.removed == 0
    assert len(events.inserted) == 1
    parent, first, last = events.inserted[0]
    assert not parent.isValid() and first == last == 1  # a second order row, at the top
    assert rows_with_numbers(model) == redrawn(window.controller.basket)
    assert window.findChild(QLabel, "basketTitle").text() == "Dossier 959, 961"


def test_the_tree_follows_removals_and_fees_as_a_redraw_would(window, qtbot):
    keys = ready(qtbot, window)
    for number in [*JOYAUX[:4], OTHER_ORDER, *JOYAUX[4:6]]:
        scan(keys, number)
    view = basket_view(window)
    basket = window.controller.basket
    assert rows_with_numbers(view.model()) == redrawn(basket)

    window.findChild(QCheckBox, "refundFeesCheck").setChecked(True)  # fees change figures
    assert rows_with_numbers(view.model()) == redrawn(basket)
    scan(keys, JOYAUX[6])  # and the next scan is one row again
    assert rows_with_numbers(view.model()) == redrawn(basket)

    model = view.model()
    ticket = next(i for i in (model.index(r, 0, model.index(0, 0, model.index(0, 0)))
                              for r in range(3)) if i.isValid())
    view.selectionModel().select(ticket, view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    window.findChild(QPushButton, "removeButton").click()
    assert len(basket) < 8
    assert rows_with_numbers(model) == redrawn(basket)
    scan(keys, JOYAUX[7])
    assert rows_with_numbers(model) == redrawn(basket)


def test_the_reminder_reads_the_database_once_per_burst_after_the_rows(window, qtbot,
                                                                       monkeypatch):
    keys = ready(qtbot, window)
    calls: list[int] = []
    real = refund_info.payment_reminder

    def counted(uow, basket):
        calls.append(len(basket))
        return real(uow, basket)

    monkeypatch.setattr(refund_info, "payment_reminder", counted)
    view = basket_view(window)

    for number in JOYAUX[:6]:  # a burst: the event loop does not turn between the scans
        scan(keys, number)

    assert len(window.controller.basket) == 6  # every row is there already
    assert len(redrawn(window.controller.basket)) == len(rows_with_numbers(view.model()))
    assert calls == []  # nothing read yet: the rows came first
    QApplication.processEvents()
    assert calls == [6]  # once, for the whole burst
    table = window.findChild(QTableWidget, "paymentReminderTable")
    assert plain_spaces(table.item(0, 1).text()) == "660,00 €"

    scan(keys, JOYAUX[6])
    QApplication.processEvents()
    assert calls == [6, 7]


def test_a_scan_does_not_redraw_what_it_does_not_change(window, qtbot, monkeypatch):
    keys = ready(qtbot, window)
    scan(keys, JOYAUX[0])
    QApplication.processEvents()
    documents = window.findChild(QTableWidget, "documentsTable")
    assert documents.rowCount() == 1  # the refund receipt
    drawn: list[str] = []
    panel = window.documents_panel
    real_show = panel.show_documents
    monkeypatch.setattr(panel, "show_documents",
                        lambda docs: (drawn.append("documents"), real_show(docs)))
    real_contacts = ExchangeModel.set_contacts
    monkeypatch.setattr(ExchangeModel, "set_contacts",
                        lambda self, groups: (drawn.append("exchange"),
                                              real_contacts(self, groups)))

    for number in JOYAUX[1:5]:
        scan(keys, number)
        QApplication.processEvents()

    assert drawn == []
    assert documents.rowCount() == 1
