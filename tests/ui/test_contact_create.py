from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from pos.ui.contact.dialogs.contact_create import ContactCreateDialog
from tests.ui.conftest import label


def _dialog(window, qtbot):
    found = []

    def shown():
        found[:] = [window.findChild(ContactCreateDialog, "contactCreateDialog")]
        assert found[0] is not None and found[0].isVisible()

    qtbot.waitUntil(shown)
    return found[0]


def _type(qtbot, field, text):
    for ch in text:
        qtbot.keyClick(field, ch)


def test_create_a_contact_from_the_panel(window, qtbot):
    qtbot.mouseClick(window.findChild(QPushButton, "addContactButton"), Qt.MouseButton.LeftButton)
    dialog = _dialog(window, qtbot)
    email = dialog.findChild(QLineEdit, "newContactEmailField")
    _type(qtbot, email, "pas-une-adresse")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "contactCreateMessage").text() == \
        "Le nom du contact est obligatoire."
    _type(qtbot, dialog.findChild(QLineEdit, "newContactLastNameField"), "Durand")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    assert "Adresse e-mail invalide" in dialog.findChild(QLabel, "contactCreateMessage").text()
    email.clear()
    _type(qtbot, email, "durand@example.org")
    qtbot.keyClick(email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert label(window, "messageLabel") == "Contact DURAND créé."
    assert label(window, "contactNameLabel") == "DURAND"
    assert label(window, "contactEmailLabel") == "durand@example.org"
