"""The exchange's product bar in the real window, driven by keys as a cashier: ÉVÉNEMENT
(search, performance, category, tariff, quantity, availability, best and chosen seats),
AUTO-ÉCHANGE to another tariff on the same seat, products with stock, a benefit and its
tariff; the ÉCHANGÉ (PAR CONTACT) tree and the totals follow at once; ABANDONNER ORDRE
empties both baskets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeView,
)

from pos.formatting import plain_spaces
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import basket_view, label, scan_field, tree_rows

ALT = Qt.KeyboardModifier.AltModifier
ENTER = Qt.Key.Key_Return
JOYAUX_7 = JOYAUX[-1]  # 01010002748, Balcon 7, 110,00 €
LAC = "01010003003"  # order 961, Le Lac des cygnes


def scan(qtbot, window, number: str) -> None:
    field = scan_field(window)
    qtbot.keyClicks(field, number)
    qtbot.keyClick(field, ENTER)
    assert number in [t.number for t in window.controller.basket.tickets]


def open_dialog(qtbot, window, key: Qt.Key, name: str) -> QDialog:
    qtbot.keyClick(scan_field(window), key, ALT)
    found = []

    def visible():
        dialog = window.findChild(QDialog, name)
        assert dialog is not None and dialog.isVisible()
        found.append(dialog)

    qtbot.waitUntil(visible)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is found[-1])
    return found[-1]


def closed(qtbot, window, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: window._confirm is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focus(dialog: QDialog, name: str):
    widget = dialog.focusWidget()
    assert widget is not None and widget.objectName() == name, widget and widget.objectName()
    return widget


def child(dialog, cls, name):
    return dialog.findChild(cls, name)


def items(widget) -> list[str]:
    if isinstance(widget, QComboBox):
        return [plain_spaces(widget.itemText(i)) for i in range(widget.count())]
    return [plain_spaces(widget.item(i).text()) for i in range(widget.count())]


def exchange_rows(window) -> list[tuple]:
    return tree_rows(window.findChild(QTreeView, "exchangeView"))


def totals(window) -> tuple[str, str, str]:
    return (label(window, "soldSubtotalLabel"), label(window, "refundSubtotalLabel"),
            label(window, "totalLabel"))


def pick_carmina(qtbot, dialog) -> None:
    """Search "Carmina" (Enter), pick the result (Enter): the performance has the focus."""
    field = focus(dialog, "eventSearchField")
    qtbot.keyClicks(field, "Carmina")
    qtbot.keyClick(field, ENTER)
    results = focus(dialog, "eventResultsView")
    assert items(results) == ["Carmina Burana - Théâtre de la Ville"]
    qtbot.keyClick(results, ENTER)
    focus(dialog, "performanceCombo")


def test_product_bar_shows_its_shortcuts_and_waits_for_the_basket(window, qtbot):
    texts = {name: window.findChild(QPushButton, name) for name in (
        "autoExchangeButton", "eventButton", "subscriptionButton", "packagesButton",
        "otherProductsButton", "benefitsButton")}
    assert [b.text() for b in texts.values()] == [
        "AUTO-ÉCHANGE [Alt+A]", "ÉVÉNEMENT [Alt+E]", "ABONNEMENT [Alt+B]",
        "PACKAGES [Alt+P]", "AUTRES PRODUITS [Alt+O]", "AVANTAGES [Alt+V]"]
    assert not any(b.isEnabled() for b in texts.values())
    qtbot.keyClick(scan_field(window), Qt.Key.Key_E, ALT)
    assert window.findChild(QDialog, "eventDialog") is None  # nothing to exchange yet
    assert label(window, "messageLabel").startswith("Scannez d'abord les billets")
    assert scan_field(window).text() == ""
    scan(qtbot, window, JOYAUX_7)
    assert all(b.isEnabled() for b in texts.values())
    assert totals(window) == ("0,00 €", "-110,00 €", "-110,00 €")


def test_event_best_seats_then_seats_chosen_by_the_cashier(window, qtbot):
    scan(qtbot, window, JOYAUX_7)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_E, "eventDialog")
    pick_carmina(qtbot, dialog)
    perf = child(dialog, QComboBox, "performanceCombo")
    assert len(items(perf)) == 1 and items(perf)[0].startswith("Carmina Burana - ")
    assert items(child(dialog, QComboBox, "categoryCombo")) == ["Cat 1", "Cat 2"]
    availability = child(dialog, QLabel, "availabilityLabel")
    assert availability.text() == "48 places libres en Cat 1"
    assert items(child(dialog, QComboBox, "tariffCombo")) == [
        "Contact occasionnel - Plein tarif - 60,00 €",
        "Contact occasionnel - Tarif réduit - 48,00 €",
        "Adhérent - 42,00 € (Carte Adhérent)",
        "Jeune - moins de 26 ans - 30,00 €"]

    qtbot.keyClick(perf, Qt.Key.Key_Tab)
    category = focus(dialog, "categoryCombo")
    qtbot.keyClick(category, Qt.Key.Key_Down)
    assert availability.text() == "60 places libres en Cat 2"
    qtbot.keyClick(category, Qt.Key.Key_Up)
    assert availability.text() == "48 places libres en Cat 1"
    qtbot.keyClick(category, Qt.Key.Key_Tab)
    qtbot.keyClick(focus(dialog, "tariffCombo"), Qt.Key.Key_Tab)
    quantity = focus(dialog, "quantitySpin")
    qtbot.keyClicks(quantity, "2")  # typed over the 1
    qtbot.keyClick(quantity, ENTER)
    qtbot.keyClick(focus(dialog, "eventAddButton"), ENTER)
    closed(qtbot, window, dialog)

    rows = exchange_rows(window)
    assert [r[:2] for r in rows] == [
        (0, "Dossier 959"), (1, rows[1][1]),
        (2, "Cat 1 Contact occasionnel - Plein tarif"),
        (3, "Parterre - A1"), (3, "Parterre - A2")]  # best seats, side by side
    assert rows[0][2] == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    assert rows[0][3] == "2" and rows[0][7] == "120,00"
    assert rows[1][1].startswith("Carmina Burana - ")
    assert rows[2][3:7] == ("2", "60,00", "", "120,00")
    assert totals(window) == ("120,00 €", "-110,00 €", "10,00 €")
    assert "2 billets ajoutés à l'échange : 120,00 €" in label(window, "messageLabel")

    # Again, the cashier picks two seats of the area himself (Alt+C, arrows, Space).
    dialog = open_dialog(qtbot, window, Qt.Key.Key_E, "eventDialog")
    pick_carmina(qtbot, dialog)
    availability = child(dialog, QLabel, "availabilityLabel")
    assert availability.text() == "46 places libres en Cat 1"  # A1, A2 given already
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_C, ALT)
    qtbot.waitUntil(child(dialog, QRadioButton, "chooseSeatsRadio").isChecked)
    seats = focus(dialog, "seatPickerView")
    assert items(seats)[:2] == ["Parterre - A3", "Parterre - A4"] and len(items(seats)) == 46
    for _ in range(items(seats).index("Parterre - B5")):
        qtbot.keyClick(seats, Qt.Key.Key_Down)
    qtbot.keyClick(seats, Qt.Key.Key_Space)
    qtbot.keyClick(seats, Qt.Key.Key_Down)
    qtbot.keyClick(seats, Qt.Key.Key_Space)
    assert child(dialog, QSpinBox, "quantitySpin").value() == 2
    qtbot.keyClick(seats, ENTER)
    qtbot.keyClick(focus(dialog, "eventAddButton"), ENTER)
    closed(qtbot, window, dialog)
    rows = exchange_rows(window)
    assert [r[1] for r in rows if r[0] == 3] == [
        "Parterre - A1", "Parterre - A2", "Parterre - B5", "Parterre - B6"]
    assert totals(window) == ("240,00 €", "-110,00 €", "130,00 €")

    # Lines selected in the tree go with SUPPRIMER.
    view = window.findChild(QTreeView, "exchangeView")
    model = view.model()
    tariff_row = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    view.selectionModel().select(model.index(0, 0, tariff_row),
                                 view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    remove = window.findChild(QPushButton, "exchangeRemoveButton")
    assert remove.text() == "SUPPRIMER [Alt+Suppr]"
    qtbot.keyClick(scan_field(window), Qt.Key.Key_Delete, ALT)  # the button's key
    qtbot.waitUntil(lambda: len(exchange_rows(window)) == len(rows) - 1)
    assert [r[1] for r in exchange_rows(window) if r[0] == 3] == [
        "Parterre - A2", "Parterre - B5", "Parterre - B6"]
    assert totals(window) == ("180,00 €", "-110,00 €", "70,00 €")
    assert [t.number for t in window.controller.basket.tickets] == [JOYAUX_7]  # untouched


def test_event_best_seats_prefer_a_block_side_by_side(window, qtbot):
    scan(qtbot, window, LAC)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_E, "eventDialog")
    field = focus(dialog, "eventSearchField")
    qtbot.keyClicks(field, "joyaux")
    qtbot.keyClick(field, ENTER)
    qtbot.keyClick(focus(dialog, "eventResultsView"), ENTER)
    assert child(dialog, QLabel, "availabilityLabel").text() == "40 places libres en Cat 1"
    quantity = child(dialog, QSpinBox, "quantitySpin")
    quantity.setFocus()
    qtbot.keyClicks(quantity, "3")
    qtbot.keyClick(quantity, ENTER)
    qtbot.keyClick(focus(dialog, "eventAddButton"), ENTER)
    closed(qtbot, window, dialog)
    assert [r[1] for r in exchange_rows(window) if r[0] == 3] == [
        "Balcon - 25", "Balcon - 26", "Balcon - 27"]


def test_auto_exchange_to_the_reduced_tariff_on_the_same_seat(window, qtbot):
    scan(qtbot, window, JOYAUX_7)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_A, "autoExchangeDialog")
    assert child(dialog, QCheckBox, "autoExchangeAllCheck").isChecked()
    tariff = focus(dialog, "autoExchangeTariffCombo")
    assert items(tariff)[:2] == ["Contact occasionnel - Plein tarif - 110,00 €",
                                 "Contact occasionnel - Tarif réduit - 88,00 €"]
    qtbot.keyClick(tariff, Qt.Key.Key_Down)
    qtbot.keyClick(tariff, ENTER)
    closed(qtbot, window, dialog)

    rows = exchange_rows(window)
    assert rows == [
        (0, "Dossier 959", "AKOKA, Viviane | UNIVERSITY PARIS / Relais", "1", "", "", "",
         "88,00", ""),
        (1, rows[1][1], "", "1", "", "", "88,00", "", ""),
        (2, "Cat 1 Contact occasionnel - Tarif réduit", "", "1", "88,00", "", "88,00", "", ""),
        (3, "Balcon - 7 (remplace 01010002748)", "", "", "88,00", "", "", "",
         "place confirmée"),
    ]
    assert rows[1][1].startswith("Joyaux - ")
    assert totals(window) == ("88,00 €", "-110,00 €", "-22,00 €")

    # The same ticket cannot be exchanged twice: said in the dialog, which stays open.
    dialog = open_dialog(qtbot, window, Qt.Key.Key_A, "autoExchangeDialog")
    qtbot.keyClick(focus(dialog, "autoExchangeTariffCombo"), ENTER)
    assert child(dialog, QLabel, "autoExchangeMessageLabel").text() == \
        "Le billet 01010002748 est déjà ré-échangé dans ce panier."
    assert dialog.isVisible()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    closed(qtbot, window, dialog)
    assert totals(window) == ("88,00 €", "-110,00 €", "-22,00 €")

    # The old ticket leaves the basket: its replacement leaves the exchange.
    view = basket_view(window)
    view.selectionModel().select(view.model().index(0, 0),
                                 view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    window.findChild(QPushButton, "removeButton").click()
    assert exchange_rows(window) == []
    assert totals(window) == ("0,00 €", "0,00 €", "0,00 €")


def test_auto_exchange_of_one_selected_line(window, qtbot):
    scan(qtbot, window, JOYAUX[-2])
    scan(qtbot, window, JOYAUX_7)
    view = basket_view(window)
    model = view.model()
    tariff_row = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    ticket = next(model.index(r, 0, tariff_row) for r in range(model.rowCount(tariff_row))
                  if model.index(r, 0, tariff_row).data().startswith(JOYAUX_7))
    view.selectionModel().select(ticket, view.selectionModel().SelectionFlag.Select
                                 | view.selectionModel().SelectionFlag.Rows)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_A, "autoExchangeDialog")
    assert not child(dialog, QCheckBox, "autoExchangeAllCheck").isChecked()
    assert child(dialog, QLabel, "autoExchangeTicketsLabel").text() == "1 billet : 01010002748"
    tariff = focus(dialog, "autoExchangeTariffCombo")
    qtbot.keyClick(tariff, Qt.Key.Key_Down)
    qtbot.keyClick(tariff, ENTER)
    closed(qtbot, window, dialog)
    assert [r[1] for r in exchange_rows(window) if r[0] == 3] == [
        "Balcon - 7 (remplace 01010002748)"]
    assert totals(window) == ("88,00 €", "-220,00 €", "-132,00 €")


def test_other_products_come_out_of_stock(window, qtbot):
    scan(qtbot, window, JOYAUX_7)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_O, "productDialog")
    products = focus(dialog, "productList")
    assert items(products) == ["Parking soirée - 8,00 € (stock : 3)",
                               "Programme de salle - 5,00 € (stock : 50)",
                               "Vestiaire - 2,00 € (stock : 200)"]
    qtbot.keyClick(products, Qt.Key.Key_Tab)
    quantity = focus(dialog, "productQuantitySpin")
    qtbot.keyClick(quantity, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(quantity, "3")
    qtbot.keyClick(quantity, ENTER)
    closed(qtbot, window, dialog)
    rows = exchange_rows(window)
    assert rows[1] == (1, "Parking soirée", "", "3", "8,00", "", "24,00", "",
                       "produit réservé")
    assert totals(window) == ("24,00 €", "-110,00 €", "-86,00 €")

    dialog = open_dialog(qtbot, window, Qt.Key.Key_O, "productDialog")
    qtbot.keyClick(focus(dialog, "productList"), ENTER)  # a 4th
    refusal = "Stock insuffisant pour « Parking soirée » : il en reste 3, 4 demandés."
    assert child(dialog, QLabel, "productMessageLabel").text() == refusal
    assert label(window, "messageLabel") == refusal
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    closed(qtbot, window, dialog)
    assert exchange_rows(window) == rows
    assert totals(window) == ("24,00 €", "-110,00 €", "-86,00 €")


def test_a_benefit_gives_its_tariff_and_abandon_clears_both_baskets(window, qtbot):
    scan(qtbot, window, JOYAUX_7)

    def carmina_member_tariff() -> QDialog:
        dialog = open_dialog(qtbot, window, Qt.Key.Key_E, "eventDialog")
        pick_carmina(qtbot, dialog)
        tariff = child(dialog, QComboBox, "tariffCombo")
        tariff.setCurrentIndex(items(tariff).index("Adhérent - 42,00 € (Carte Adhérent)"))
        tariff.setFocus()
        qtbot.keyClick(tariff, ENTER)
        qtbot.keyClick(focus(dialog, "eventAddButton"), ENTER)
        return dialog

    dialog = carmina_member_tariff()
    message = child(dialog, QLabel, "eventMessageLabel").text()
    assert "réservé aux titulaires de l'avantage « Carte Adhérent »" in message
    assert dialog.isVisible() and exchange_rows(window) == []
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    closed(qtbot, window, dialog)

    dialog = open_dialog(qtbot, window, Qt.Key.Key_V, "productDialog")
    assert items(child(dialog, QListWidget, "productList")) == [
        "Carte Adhérent - 20,00 € - donne le tarif Adhérent"]
    qtbot.keyClick(focus(dialog, "productList"), ENTER)
    closed(qtbot, window, dialog)
    assert totals(window) == ("20,00 €", "-110,00 €", "-90,00 €")

    dialog = carmina_member_tariff()
    closed(qtbot, window, dialog)
    rows = exchange_rows(window)
    assert (2, "Cat 1 Adhérent") in [r[:2] for r in rows]
    assert (1, "Carte Adhérent") in [r[:2] for r in rows]
    assert totals(window) == ("62,00 €", "-110,00 €", "-48,00 €")

    abandon = window.findChild(QPushButton, "abandonButton")
    assert abandon.text().endswith("[F5]")
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.controller.basket.tickets)
    assert tree_rows(basket_view(window)) == [] and exchange_rows(window) == []
    assert totals(window) == ("0,00 €", "0,00 €", "0,00 €")
    assert len(window.controller.exchange.sale) == 0
    assert not window.findChild(QPushButton, "eventButton").isEnabled()


def test_a_subscription_sells_its_seats_at_one_price(window, qtbot):
    scan(qtbot, window, JOYAUX_7)
    dialog = open_dialog(qtbot, window, Qt.Key.Key_P, "productDialog")
    assert dialog.windowTitle() == "Packages"
    assert items(child(dialog, QListWidget, "productList"))[0].startswith(
        "Pack Duo Carmina Burana - 70,00 €\n    Carmina Burana ")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    closed(qtbot, window, dialog)

    dialog = open_dialog(qtbot, window, Qt.Key.Key_B, "productDialog")
    assert dialog.windowTitle() == "Abonnements"
    qtbot.keyClick(focus(dialog, "productList"), ENTER)
    closed(qtbot, window, dialog)
    rows = exchange_rows(window)
    assert rows[1] == (1, "Abonnement Danse", "", "1", "120,00", "", "120,00", "",
                       "produit réservé")
    assert [(r[0], r[1].split("  ")[-1], r[4]) for r in rows[2:]] == [
        (2, "Parterre - A1", "75,56"), (2, "Balcon - 1", "44,44")]
    assert rows[2][1].startswith("Joyaux - ") and rows[3][1].startswith("Le Lac des cygnes")
    assert totals(window) == ("120,00 €", "-110,00 €", "10,00 €")


def test_an_exchange_with_products_is_held_whole_and_comes_back(window, qtbot, demo):
    """Issue 10 changed this: an exchange is held with both sides (it used to be
    refused)."""
    from sqlalchemy import func, select

    from pos.core.models import Operation, OperationState
    from pos.core.models_catalog import Product
    from tests.conftest import uow_of

    scan(qtbot, window, JOYAUX_7)
    with uow_of(demo) as uow:
        programme = uow.session.scalar(select(Product.id).where(Product.name.like("Programme%")))
    window.controller.exchange.add_product(programme, 2)
    assert totals(window) == ("10,00 €", "-110,00 €", "-100,00 €")
    window.findChild(QPushButton, "holdButton").click()
    assert label(window, "messageLabel") == "Ordre 1271 mis en attente : son bon s'imprime."
    with uow_of(demo) as uow:
        held = uow.session.scalar(select(func.count()).select_from(Operation)
                                  .where(Operation.state == OperationState.ON_HOLD))
    assert held == 1
    field = scan_field(window)
    qtbot.keyClicks(field, "OP00001271")
    qtbot.keyClick(field, ENTER)
    assert JOYAUX_7 in [t.number for t in window.controller.basket.tickets]
    assert totals(window) == ("10,00 €", "-110,00 €", "-100,00 €")  # nothing dropped
