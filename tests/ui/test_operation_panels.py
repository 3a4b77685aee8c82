"""The contact, delivery and "Envoi documents" panels follow the basket; CHANGER edits
the contact's e-mail and address through the core."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QTableWidget
from sqlalchemy import select

from pos.core.models import Contact, JournalEntry
from tests.conftest import uow_of
from tests.ui.conftest import label, scan_field
from tests.ui.test_hold import dialog_shown, reactivate
from tests.ui.test_refund_slice import wedge_scan


def documents(window) -> list[list[str]]:
    table = window.findChild(QTableWidget, "documentsTable")
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def edit(qtbot, window, button, dialog_name, fields: dict[str, str]) -> None:
    qtbot.mouseClick(window.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    shown, found = dialog_shown(window, QDialog, dialog_name)
    qtbot.waitUntil(shown)
    for name, text in fields.items():
        field = found[0].findChild(QLineEdit, name)
        field.selectAll()
        qtbot.keyClicks(field, text)
    qtbot.keyClick(found[0].findChild(QLineEdit, next(iter(fields))), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, dialog_name) is None
                    or not window.findChild(QDialog, dialog_name).isVisible())
    reactivate(qtbot, window)


def test_panels_follow_the_basket(window, qtbot):
    no_document = window.findChild(QLabel, "noDocumentLabel")
    assert no_document.text() == "Aucun document ne sera créé." and no_document.isVisible()
    assert not window.findChild(QPushButton, "changeEmailButton").isEnabled()
    wedge_scan(qtbot, scan_field(window), "01010002748")
    assert label(window, "contactOrganisationLabel") == "UNIVERSITY PARIS / Relais"
    assert label(window, "contactAddressLabel") == "4 RUE DE CHEVREUSE\n75006 PARIS\nFRANCE"
    assert label(window, "contactEmailLabel") == "delwakok@secutixtest.com"
    assert label(window, "deliveryContactLabel") == "AKOKA, Viviane | UNIVERSITY PARIS / Relais"
    assert label(window, "deliveryEmailLabel") == "delwakok@secutixtest.com"
    assert window.findChild(QPushButton, "changeAddressButton").text() == "CHANGER [Alt+D]"
    assert documents(window) == [["Reçu de remboursement", "1", "Remis au contact", "Reçu"]]
    assert not no_document.isVisible()
    qtbot.keyClick(scan_field(window), Qt.Key.Key_F5)  # abandon
    qtbot.waitUntil(lambda: no_document.isVisible())
    assert label(window, "contactAddressLabel") == ""
    assert label(window, "deliveryContactLabel") == ""


def test_change_email_and_address_with_changer(window, qtbot, demo):
    wedge_scan(qtbot, scan_field(window), "01010003003")  # DUBOIS
    edit(qtbot, window, "changeEmailButton", "changeEmailDialog", {"emailField": "pas-un-mail"})
    assert label(window, "messageLabel").startswith("Adresse e-mail invalide « pas-un-mail »")
    assert label(window, "contactEmailLabel") == "p.dubois@example.org"
    edit(qtbot, window, "changeEmailButton", "changeEmailDialog",
         {"emailField": "paul.dubois@lycee-hugo.fr"})
    assert label(window, "messageLabel") == "E-mail modifié."
    assert label(window, "contactEmailLabel") == "paul.dubois@lycee-hugo.fr"
    assert label(window, "deliveryEmailLabel") == "paul.dubois@lycee-hugo.fr"
    edit(qtbot, window, "changeAddressButton", "changeAddressDialog",
         {"addressField": "3 rue Lhomond", "postcodeField": "75005"})
    assert label(window, "messageLabel") == "Adresse modifiée."
    assert label(window, "contactAddressLabel") == "3 rue Lhomond\n75005 PARIS\nFRANCE"
    with uow_of(demo) as uow:
        contact = uow.session.scalar(select(Contact).where(Contact.last_name == "DUBOIS"))
        assert (contact.email, contact.address, contact.postcode) == (
            "paul.dubois@lycee-hugo.fr", "3 rue Lhomond", "75005")
        actions = uow.session.scalars(select(JournalEntry.action)).all()
    assert actions == ["contact.email_changed", "contact.address_changed"]
