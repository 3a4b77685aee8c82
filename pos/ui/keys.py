"""Every keyboard shortcut of the window, in one table.

Cashiers work from the keyboard and the keys are printed on the buttons, so a key is a
contract: tests press them, the README lists them. Each feature binds its keys from
here with ``bind_button`` / ``bind_action``, never with a literal of its own, so that a
clash (two features on one key) is visible in this one file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget

# --- counter: the basket ---------------------------------------------------------------
REMOVE_TICKETS = "Del"
# --- refund: the settlement bar ---------------------------------------------------------
CASH = "F9"
CREDIT_NOTE = "F10"
SUSPENSE_ACCOUNT = "F11"
OTHER_PAYMENT = "F12"
SPLIT = "F8"
# --- exchange ---------------------------------------------------------------------------
PAY_ALL = "F4"
PENDING_PRINTS = "Ctrl+I"
AUTO_EXCHANGE = "Alt+A"
EVENT = "Alt+E"
SUBSCRIPTION = "Alt+B"
PACKAGES = "Alt+P"
OTHER_PRODUCTS = "Alt+O"
BENEFITS = "Alt+V"
REMOVE_SALE_LINES = "Alt+Del"
# --- hold -------------------------------------------------------------------------------
HOLD = "F6"
HELD_LIST = "F7"
ABANDON = "F5"
# --- take back --------------------------------------------------------------------------
NUMBER_RANGE = "Ctrl+Shift+R"
NUMBER_LIST = "Ctrl+Shift+L"
ORDER = "Ctrl+Alt+F"
# --- inside the take-back dialogs: check the list / take the whole order ------------------
CHECK_OR_TAKE_ALL = "Ctrl+Return"
# --- devices ----------------------------------------------------------------------------
PRINT_JOBS = "Ctrl+J"
NO_SALE = "Ctrl+T"
DEVICE_SETTINGS = "Ctrl+Shift+P"
# --- inside the print/send jobs window: a failed e-mail printed instead, or sent again --
PRINT_MAIL_INSTEAD = "Ctrl+P"
RETRY_MAIL = "Ctrl+E"
# --- operators --------------------------------------------------------------------------
SWITCH_OPERATOR = "Ctrl+Shift+O"
LOG_OUT = "Ctrl+Shift+Q"
# Opérations > Annuler l'annulation (not Ctrl+Shift+Z: the scan field takes it as redo)
UNDO_CANCELLATION = "Ctrl+Shift+U"
# --- cash session ---------------------------------------------------------------------
OPEN_CASH_SESSION = "Ctrl+Shift+C"  # "Caisse" (O is the operator's switch)
CASH_IN = "Ctrl+Shift+E"
CASH_OUT = "Ctrl+Shift+S"
X_REPORT = "Ctrl+Shift+X"
CLOSE_CASH_SESSION = "Ctrl+Shift+F"  # not Z: Ctrl+Shift+Z is the fields' redo
REFUNDS_REPORT = "Ctrl+Shift+B"
RETRY_PRINTING = "Ctrl+R"
# --- the keyboard all the way (issue 9): every button shows its key --------------------
ADD_TICKETS = "Alt+T"  # the AJOUTER BILLETS menu
REFUND_FEES = "Alt+R"
ADD_CONTACT = "Alt+N"
CHANGE_ADDRESS = "Alt+D"
CHANGE_EMAIL = "Alt+M"
WAIVE_FEES = "Alt+F"  # LEVER LES FRAIS ("frais")

# Enter in its two spellings (main keyboard, keypad): dialogs answer both.
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def with_key(text: str, key: str) -> str:
    """A button's text with its key, as the cashier reads it: ``ESPÈCES [F9]``."""
    return f"{text} [{key}]"


def bind_button(button: QAbstractButton, key: str, *, show: bool = True,
                keep_focus: bool = True) -> QAbstractButton:
    """The key clicks the button; ``show``: the key is written on it; ``keep_focus``:
    clicking it leaves the focus in the scan field."""
    if show:
        button.setText(with_key(button.text(), key))
    button.setShortcut(QKeySequence(key))
    if keep_focus:
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def bind_action(window: QWidget, key: str, name: str, triggered: Callable[[], object],
                text: str = "", parent=None) -> QAction:
    """A window-wide key: live even while the button it mirrors is disabled (it can then
    say why instead of typing a letter into the scan field)."""
    action = QAction(text, parent or window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: triggered())
    window.addAction(action)
    return action
