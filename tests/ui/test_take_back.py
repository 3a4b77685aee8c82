"""Taking tickets back in the real window, driven by keys: a range (Plage numéros), a
pasted list (Liste numéros), the order detail (Ctrl+Alt+F, REPRENDRE), the contact
search."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTreeView,
)
from shiboken6 import isValid

from pos.formatting import plain_spaces
from tests.ui.conftest import basket_view, label, scan_field, tree_rows

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def type_and_enter(qtbot, widget, text: str) -> None:
    """A keyboard-wedge scanner: one key per character, then Enter."""
    for ch in text:
        qtbot.keyClick(widget, ch)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def shown_dialog(qtbot, window, name: str) -> QDialog:
    found: list[QDialog] = []

    def visible():
        dialogs = [d for d in window.findChildren(QDialog, name) if d.isVisible()]
        assert dialogs
        found[:] = dialogs

    qtbot.waitUntil(visible)
    return found[-1]


def closed(dialog: QDialog) -> bool:
    return not isValid(dialog) or not dialog.isVisible()  # deleted on close, or hidden


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def focus_in(qtbot, dialog: QDialog):
    """The widget of ``dialog`` that has the keyboard focus, once the dialog has it."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    return QApplication.focusWidget()


def enter_on_focus(qtbot, dialog: QDialog) -> None:
    qtbot.keyClick(focus_in(qtbot, dialog), Qt.Key.Key_Return)


def report_rows(dialog: QDialog, name: str) -> list[tuple[str, ...]]:
    table = dialog.findChild(QTableWidget, name)
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


def basket_numbers(window) -> list[str]:
    return [r[1].split()[0] for r in tree_rows(basket_view(window)) if r[0] == 3]


def open_range(qtbot, window, first: str, last: str) -> QDialog:
    qtbot.keyClick(scan_field(window), Qt.Key.Key_R, CTRL_SHIFT)
    dialog = shown_dialog(qtbot, window, "rangeDialog")
    qtbot.waitUntil(lambda: focused_name() == "rangeFirstField")
    type_and_enter(qtbot, QApplication.focusWidget(), first)
    assert QApplication.focusWidget().objectName() == "rangeLastField"
    type_and_enter(qtbot, QApplication.focusWidget(), last)
    return dialog


def test_add_tickets_is_a_menu_with_list_and_range(window):
    add = window.findChild(QPushButton, "addTicketsButton")
    assert add.text() == "AJOUTER BILLETS [Alt+T]"
    texts = [a.text() for a in add.menu().actions()]
    assert texts == ["Liste numéros [Ctrl+Maj+L]", "Plage numéros [Ctrl+Maj+R]"]
    assert window.findChild(QPushButton, "orderSearchButton").text() == "Dossier [Ctrl+Alt+F]"


def test_range_of_six_tickets_report_then_enter(window, qtbot):
    dialog = open_range(qtbot, window, "01010002727", "01010002732")
    rows = report_rows(dialog, "rangeReportTable")
    assert rows == [(f"0101000{n}", "959", "à ajouter") for n in range(2727, 2733)]
    summary = dialog.findChild(QLabel, "reportSummaryLabel").text()
    assert summary == "6 billets à ajouter. Entrée les ajoute au panier."
    assert basket_numbers(window) == []  # nothing before the confirmation

    enter_on_focus(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == [f"0101000{n}" for n in range(2727, 2733)]
    assert label(window, "refundSubtotalLabel") == "-660,00 €"
    assert label(window, "totalLabel") == "-660,00 €"
    assert label(window, "messageLabel") == "6 billets ajoutés au panier."
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scan_field(window))


def test_range_with_reserved_checked_in_and_unknown_numbers(window, qtbot):
    # Given last first: the range is 01010003005..01010003016, over three orders.
    dialog = open_range(qtbot, window, "01010003016", "01010003005")
    rows = report_rows(dialog, "rangeReportTable")
    assert [r[0] for r in rows] == [f"0101000{n}" for n in range(3005, 3017)]
    assert [r[2] for r in rows] == (
        ["à ajouter", "réservation non payée", "réservation non payée", "contrôlé"]
        + ["à ajouter"] * 5 + ["inconnu"] * 3)
    table = dialog.findChild(QTableWidget, "rangeReportTable")
    assert table.item(1, 3).text().startswith("Billet 01010003006 : réservation non payée.")
    assert table.item(11, 3).text() == "Billet 01010003016 inconnu."
    summary = dialog.findChild(QLabel, "reportSummaryLabel").text()
    assert summary == ("6 billets à ajouter, 6 refusés. Entrée les ajoute au panier. Entrée "
                       "demande l'accord d'un superviseur pour le billet refusé.")

    enter_on_focus(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    assert sorted(basket_numbers(window)) == [
        "01010003005", "01010003009", "01010003010", "01010003011", "01010003012",
        "01010003013"]
    # 37,50 (Jeune) + 35,00 + 4 x 68,00; one basket, three orders
    assert label(window, "totalLabel") == "-344,50 €"
    # The checked-in one: offered to a supervisor on the same screen, then added.
    approval = shown_dialog(qtbot, window, "supervisorApprovalDialog")
    assert approval.findChild(QLabel, "approvalReasonLabel").text() == (
        "1 billet refusé sans l'accord d'un superviseur.")
    type_and_enter(qtbot, approval.findChild(QLineEdit, "supervisorLoginField"), "chef")
    type_and_enter(qtbot, approval.findChild(QLineEdit, "supervisorPinField"), "9999")
    qtbot.waitUntil(lambda: "01010003008" in basket_numbers(window))
    assert label(window, "totalLabel") == "-379,50 €"
    assert [t.approved_by for t in window.controller.basket.tickets
            if t.number == "01010003008"] == ["chef"]
    assert [r[1] for r in tree_rows(basket_view(window)) if r[0] == 0] == [
        "Dossier 961", "Dossier 963", "Dossier 964"]


def test_range_too_large_is_refused_in_french(window, qtbot):
    dialog = open_range(qtbot, window, "01010002727", "01010003727")
    assert plain_spaces(dialog.findChild(QLabel, "reportSummaryLabel").text()) == (
        "Plage de 1001 numéros : 500 au plus à la fois. Découpez-la en plusieurs plages.")
    assert dialog.findChild(QPushButton, "takeBackOkButton").isEnabled() is False
    qtbot.keyClick(focus_in(qtbot, dialog), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == []


def test_list_paste_report_then_enter(window, qtbot):
    qtbot.keyClick(scan_field(window), Qt.Key.Key_L, CTRL_SHIFT)
    dialog = shown_dialog(qtbot, window, "listDialog")
    qtbot.waitUntil(lambda: focused_name() == "listNumbersField")
    field = QApplication.focusWidget()
    QApplication.clipboard().setText(
        " 01010002727, 01010002728\r\n01010002728;xyz\t09999999999\n")
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "01010002728;xyz" in field.toPlainText()
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # the button's shortcut clicks it the way Qt animates a click: a moment later
    qtbot.waitUntil(lambda: report_rows(dialog, "listReportTable") != [])
    assert report_rows(dialog, "listReportTable") == [
        ("01010002727", "959", "à ajouter"), ("01010002728", "959", "à ajouter"),
        ("09999999999", "", "inconnu"), ("01010002728", "", "en double"),
        ("xyz", "", "illisible")]
    enter_on_focus(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == ["01010002727", "01010002728"]
    assert label(window, "totalLabel") == "-220,00 €"


def open_order(qtbot, window, number: str) -> QDialog:
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F, CTRL_ALT)
    shown_dialog(qtbot, window, "orderNumberPrompt")
    qtbot.waitUntil(lambda: focused_name() == "orderNumberField")
    type_and_enter(qtbot, QApplication.focusWidget(), number)
    return shown_dialog(qtbot, window, "orderDetailDialog")


def click_row(qtbot, view: QTreeView, index, modifier=Qt.KeyboardModifier.NoModifier):
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     QPoint(rect.left() + 5, rect.center().y()))


def test_order_detail_then_take_back_three_selected_lines(window, qtbot):
    dialog = open_order(qtbot, window, "959")
    header = dialog.findChild(QLabel, "orderHeaderLabel").text()
    assert header.startswith("Dossier 959 (Soldé) - AKOKA, Viviane | UNIVERSITY PARIS / Relais [")
    assert dialog.findChild(QLabel, "orderCreatedLabel").text() == (
        "Création 24.11.2026 10:00 par STX_BDD sur Guichet")
    assert dialog.findChild(QLabel, "orderSalesLabel").text() == "Résumé : Ventes (22)"
    assert label(dialog, "orderPaidLabel") == "2 420,00 €"
    assert label(dialog, "orderTotalLabel") == "2 420,00 €"
    view = dialog.findChild(QTreeView, "orderTicketsView")
    rows = tree_rows(view)
    assert rows[1][1].startswith("Joyaux - ") and rows[1][1].endswith(" 20:15")
    assert rows[2][1] == "Cat 1 Contact occasionnel - Plein tarif"
    tickets = [r for r in rows if r[0] == 3]
    assert len(tickets) == 22
    assert tickets[0][1:] == ("Hors cont.", "Balcon", "8", "01010002727", "Billet",
                              "24.11.2026 10:00", "Guichet", "STX_BDD", "imprimé",
                              "Remis au contact", "110,00")
    model = view.model()
    group = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    first, fifth, seventh = (model.index(r, 0, group) for r in (0, 4, 6))
    click_row(qtbot, view, first)
    click_row(qtbot, view, fifth, Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, view, seventh, Qt.KeyboardModifier.ControlModifier)
    assert dialog.selected_numbers() == ["01010002727", "01010002731", "01010002733"]

    qtbot.mouseClick(dialog.findChild(QPushButton, "takeBackButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == ["01010002727", "01010002731", "01010002733"]
    assert label(window, "totalLabel") == "-330,00 €"


def test_shift_click_and_enter_take_a_run_of_lines(window, qtbot):
    dialog = open_order(qtbot, window, "959")
    view = dialog.findChild(QTreeView, "orderTicketsView")
    model = view.model()
    group = model.index(0, 0, model.index(0, 0, model.index(0, 0)))
    click_row(qtbot, view, model.index(19, 0, group))
    click_row(qtbot, view, model.index(21, 0, group), Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # REPRENDRE [Entrée]
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == ["01010002746", "01010002747", "01010002748"]


def test_whole_order_when_nothing_is_selected(window, qtbot):
    dialog = open_order(qtbot, window, "959")
    assert dialog.findChild(QTreeView, "orderTicketsView").selectionModel().selectedRows() == []
    enter_on_focus(qtbot, dialog)
    qtbot.waitUntil(lambda: closed(dialog))
    assert len(basket_numbers(window)) == 22
    assert label(window, "refundSubtotalLabel") == "-2 420,00 €"
    assert label(window, "totalLabel") == "-2 420,00 €"
    assert label(window, "messageLabel") == "22 billets ajoutés au panier."


def test_take_back_all_reports_what_is_refused(window, qtbot):
    dialog = open_order(qtbot, window, "963")  # one ticket checked in, one valid
    rows = [r for r in tree_rows(dialog.findChild(QTreeView, "orderTicketsView")) if r[0] == 3]
    assert [r[9] for r in rows] == ["contrôlé", "imprimé"]
    qtbot.keyClick(focus_in(qtbot, dialog), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: closed(dialog))
    assert basket_numbers(window) == ["01010003009"]
    message = label(window, "messageLabel")
    assert message.startswith("1 billet ajouté au panier. 1 refusé : Billet 01010003008 déjà "
                              "contrôlé à l'entrée")
    shown_dialog(qtbot, window, "supervisorApprovalDialog")  # offered to a supervisor


def test_unknown_order_is_said_in_the_prompt(window, qtbot):
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F, CTRL_ALT)
    prompt = shown_dialog(qtbot, window, "orderNumberPrompt")
    qtbot.waitUntil(lambda: focused_name() == "orderNumberField")
    type_and_enter(qtbot, QApplication.focusWidget(), "4242")
    assert prompt.findChild(QLabel, "orderNumberMessage").text() == "Dossier 4242 inconnu."
    assert prompt.isVisible()


def test_contact_search_lists_orders_and_opens_one(window, qtbot):
    field = window.findChild(type(scan_field(window)), "contactSearchField")
    field.setFocus()
    type_and_enter(qtbot, field, "univ")
    view = window.findChild(QTreeView, "contactResultsView")
    assert view.isVisible()
    rows = tree_rows(view)
    assert rows[0][:2] == (0, "AKOKA, Viviane | UNIVERSITY PARIS / Relais")
    assert rows[1][:2] == (1, "Dossier 959")
    assert rows[1][2].endswith(" - 22 billets")
    assert label(window, "messageLabel") == "1 contact trouvé."
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = shown_dialog(qtbot, window, "orderDetailDialog")
    assert dialog.findChild(QLabel, "orderHeaderLabel").text().startswith("Dossier 959 (Soldé)")
