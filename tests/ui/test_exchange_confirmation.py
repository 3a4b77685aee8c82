"""The CONFIRMATION column of ÉCHANGÉ (PAR CONTACT): each sale line's state; and the
product bar without the dead PRODUIT COMPOSÉ button."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTreeView
from sqlalchemy import select

from pos.core.models_catalog import Product
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import tree_rows
from tests.ui.exchange_window_support import scan_all, sell


def test_each_sale_line_says_its_confirmation(window, qtbot, demo, clock):
    view = window.findChild(QTreeView, "exchangeView")
    header = view.model().headerData(7, view.header().orientation())
    assert header == "CONFIRMATION"
    scan_all(qtbot, window, [JOYAUX[-1]])
    sell(window, demo, clock, "Carmina Burana", "Cat 1", quantity=1)
    with uow_of(demo) as uow:
        programme = uow.session.scalar(select(Product.id).where(Product.name.like("Programme%")))
    window.controller.exchange.add_product(programme, 1)
    rows = tree_rows(view)
    [seat] = [r for r in rows if r[0] == 3]
    assert seat[8] == "place confirmée"
    [product] = [r for r in rows if r[1].startswith("Programme")]
    assert product[8] == "produit réservé"
    assert rows[0][8] == ""  # a group row has no state of its own


def test_no_dead_compound_product_button(window):
    assert window.findChild(QPushButton, "compoundProductButton") is None
