"""Every string the window shows through tr() has its French translation, compiled."""

import ast
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "guichet_fr.ts"


def test_every_ui_string_is_translated_to_french(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    copy = tmp_path / "guichet_fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "pos" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-silent"], check=True)
    text = copy.read_text(encoding="utf-8")
    untranslated = [
        re.search(r"<source>(.*?)</source>", block, re.S).group(1)
        for block in re.findall(r"<message[^>]*>.*?</message>", text, re.S)
        if re.search(r"<translation type=\"(?:unfinished|vanished)\"", block)
    ]
    assert untranslated == [], "run `make translations` and fill resources/translations/fr/"


def test_the_compiled_french_is_up_to_date():
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 1000
    # lrelease of the committed .ts gives the committed .qm
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = qm.parent / ".check.qm"
    try:
        subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
        assert fresh.read_bytes() == qm.read_bytes(), "run `make translations`"
    finally:
        fresh.unlink(missing_ok=True)


# --- strings that lupdate cannot see, or that miss their context at run time -------------

TRANSLATE_CALLS = {"tr", "translate"}


def _literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_tr_call_is_literal_so_lupdate_extracts_it():
    """lupdate reads the source, not the running program: a string passed through a
    variable (``_t(text)``) is never extracted, so never translated, and the window
    shows it in English. PySide6 6.11's lupdate also makes a plural only of
    ``self.tr(text, "", count)`` with ``count`` a plain name."""
    bad = []
    for path in sorted((ROOT / "pos" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in TRANSLATE_CALLS):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            texts = node.args[:2] if node.func.attr == "translate" else node.args[:1]
            if not texts or not all(_literal(a) for a in texts):
                bad.append(f"{where}: text or context is not a literal")
            elif node.func.attr == "translate" and len(node.args) > 3:
                bad.append(f"{where}: a plural through translate(): use self.tr(text, '', n)")
            elif node.func.attr == "tr" and len(node.args) > 2 \
                    and not isinstance(node.args[2], ast.Name):
                bad.append(f"{where}: a plural's count must be a plain name")
    assert bad == []


def english_sources() -> set[str]:
    """The English source strings whose French differs: seen in the French window, each
    is a string that missed its translation."""
    text = TS.read_text(encoding="utf-8")
    found = set()
    for block in re.findall(r"<message>.*?</message>", text, re.S):
        source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
        french = re.search(r"<translation>(.*?)</translation>", block, re.S)
        if french and html.unescape(french.group(1)) != source and "%" not in source:
            found.add(source)
    return found


def shown_texts(root) -> list[str]:
    """Every text a cashier can read in ``root``: labels, buttons, titles, placeholders,
    list items, column headers, tabs, actions."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabWidget,
        QWidget,
    )

    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(model.columnCount()))
    texts.extend(a.text() for a in root.findChildren(QAction))
    # "ESPÈCES [F9]": the key is not translated, the caption is
    return [re.sub(r" \[[^\]]*\]$", "", t).replace("&", "") for t in texts if t]


def dialogs_in_french():
    from decimal import Decimal
    from types import SimpleNamespace

    from pos.core.models import PaymentMode
    from pos.core.refund_split import RefundSplit
    from pos.ui.common.ops import Outcome
    from pos.ui.contact.dialogs.contact_create import ContactCreateDialog
    from pos.ui.contact.dialogs.contact_edit import AddressDialog, EmailDialog
    from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
    from pos.ui.devices.dialogs.no_sale import NoSaleDialog
    from pos.ui.exchange.dialogs.exchange_payment import ExchangePaymentDialog
    from pos.ui.hold.dialogs.held_operations import HeldOperationsDialog
    from pos.ui.refund.dialogs.other_payment import OtherPaymentDialog
    from pos.ui.refund.dialogs.split_refund import SplitRefundDialog

    card = SimpleNamespace(display_name="AKOKA, Viviane", address="1 rue", postcode="75001",
                           city="Paris", country="France", email="", organisation="",
                           address_lines=("1 rue",))
    modes = [PaymentMode.CARD, PaymentMode.CHEQUE]
    yield SplitRefundDialog(RefundSplit(Decimal("110.00")), modes)  # FRACTIONNER [F8]
    yield ExchangePaymentDialog(Decimal("10.00"), lambda _n: Outcome((Decimal("0"), False)),
                                Decimal("5.00"))  # TOUT PAYER [F4]
    yield OtherPaymentDialog("110,00 €", modes)
    yield SupervisorApprovalDialog("Billet composté.")
    yield NoSaleDialog()
    yield ContactCreateDialog()
    yield EmailDialog("")
    yield AddressDialog(card)
    yield HeldOperationsDialog([])


def test_no_dialog_shows_english_in_the_french_window(qapp):
    english = english_sources()
    left = []
    for dialog in dialogs_in_french():
        left.extend(f"{dialog.objectName() or type(dialog).__name__}: {t}"
                    for t in shown_texts(dialog) if t in english)
        dialog.deleteLater()
    assert left == []


def test_the_french_main_window_shows_no_english(window):
    english = english_sources()
    assert [t for t in shown_texts(window) if t in english] == []
