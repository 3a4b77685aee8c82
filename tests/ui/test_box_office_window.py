"""Issue 10 in the real window: the fee as a line of its own in the basket (rule, who
asked, window), waived by a supervisor; the fee rules dialog; the revocations export of
the devices menu; a cancelled performance refunded in bulk with its progress bar."""

from __future__ import annotations

import json
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QProgressBar, QPushButton
from sqlalchemy import select

from pos.core.models import Ticket, TicketState
from pos.core.services import fee_rules
from pos.core.services.station import ensure_station
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX
from tests.ui.conftest import basket_view, label, scan_field

RULES = """
[[rule]]
name = "Organisateur"
requested_by = "organiser"

[[rule]]
name = "De 7 jours à 24 heures"
from_hours = 24
until_hours = 168
percent = "10"
"""


def chef(db):
    with uow_of(db) as uow:
        return ensure_station(uow, counter="Guichet 1", sales_point="Guichet", operator="CHEF",
                              venue_name="Théâtre de la Ville")


def rows(view) -> list[str]:
    model, out, stack = view.model(), [], [view.rootIndex()]
    while stack:
        parent = stack.pop()
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            out.append(" | ".join(str(model.index(r, c, parent).data() or "")
                                  for c in range(model.columnCount())))
            stack.append(index)
    return out


def action(win, name) -> QAction:
    return win.findChild(QAction, name)


def scan(qtbot, win, number):
    field = scan_field(win)
    field.setText(number)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_the_basket_shows_each_ticket_s_fee_and_a_supervisor_waives_it(qtbot, window, demo,
                                                                       clock):
    with uow_of(demo) as uow:
        fee_rules.replace_rules(uow, fee_rules.rules_from_toml(RULES), station=chef(demo),
                                clock=clock, source="test")
        starts = uow.session.scalar(select(Ticket).where(Ticket.number == JOYAUX[0])
                                    ).performance.starts_at
    clock.advance(starts - clock.now() - timedelta(days=2))
    scan(qtbot, window, JOYAUX[0])
    fee = [r for r in rows(basket_view(window)) if r.startswith("Frais")]
    assert fee == ["Frais : De 7 jours à 24 heures (demandé par le public, de 7 j à 24 h "
                   "avant) |  |  |  |  | -11,00 | "]
    assert label(window, "refundSubtotalLabel") == "-99,00 €"

    window.findChild(QPushButton, "waiveFeesButton").click()
    dialog = window.dialogs.current
    dialog.findChild(QLineEdit, "feeWaiverReasonField").setText("Client hospitalisé")
    dialog.findChild(QLineEdit, "feeWaiverLoginField").setText("CHEF")
    dialog.findChild(QLineEdit, "feeWaiverPinField").setText("1234")
    dialog.findChild(QPushButton, "feeWaiverConfirmButton").click()
    qtbot.waitUntil(lambda: window.dialogs.current is None)
    fee = [r for r in rows(basket_view(window)) if r.startswith("Frais")]
    assert "levés par CHEF : Client hospitalisé" in fee[0] and "| 0,00 |" in fee[0]
    assert label(window, "refundSubtotalLabel") == "-110,00 €"

    window.findChild(QComboBox, "requestedByCombo").setCurrentIndex(
        window.findChild(QComboBox, "requestedByCombo").findData("organiser"))
    assert not [r for r in rows(basket_view(window)) if r.startswith("Frais")]


def test_the_fee_rules_dialog_imports_a_toml_and_a_supervisor_saves_it(qtbot, window, demo,
                                                                      tmp_path):
    (tmp_path / "frais.toml").write_text(RULES)
    action(window, "feeRulesAction").trigger()
    dialog = window.dialogs.current
    assert dialog.objectName() == "feeRulesDialog"
    dialog.import_file(str(tmp_path / "frais.toml"))
    assert dialog.model.rowCount() == 2
    dialog.findChild(QPushButton, "feeRulesSaveButton").click()  # no supervisor yet
    assert dialog.isVisible()
    assert dialog.findChild(QLabel, "feeRulesMessage").text() == "Accord refusé."
    dialog.findChild(QLineEdit, "feeRulesLoginField").setText("CHEF")
    dialog.findChild(QLineEdit, "feeRulesPinField").setText("1234")
    dialog.findChild(QPushButton, "feeRulesSaveButton").click()
    qtbot.waitUntil(lambda: window.dialogs.current is None)
    with uow_of(demo) as uow:
        assert [r["name"] for r in fee_rules.show(uow)] == ["Organisateur",
                                                             "De 7 jours à 24 heures"]


def test_the_devices_menu_exports_the_revocations(qtbot, window, demo, clock, tmp_path):
    station = chef(demo)
    from pos.core.models import PaymentMode
    from pos.core.services.refunds import Tender, refund_basket
    from tests.core.exchange_support import scan as fill

    basket = fill(demo, clock, JOYAUX[:2])
    with uow_of(demo) as uow:
        refund_basket(uow, basket, [Tender(PaymentMode.CASH, basket.refund_total)], station,
                      clock)
    assert action(window, "exportRevocationsAction") in \
        window.findChild(type(window.menuBar().actions()[0].menu()), "devicesMenu").actions()
    action(window, "exportRevocationsAction").trigger()
    dialog = window.dialogs.current
    dialog.findChild(QLineEdit, "revocationFileField").setText(str(tmp_path / "portes.json"))
    dialog.accept()
    body = json.loads((tmp_path / "portes.json").read_text())
    assert [r["number"] for r in body["revocations"]] == JOYAUX[:2]
    assert (tmp_path / "portes.sha256").exists()


def test_a_cancelled_performance_is_refunded_in_bulk_with_a_progress_bar(qtbot, window,
                                                                       demo, tmp_path):
    action(window, "cancelPerformanceAction").trigger()
    dialog = window.dialogs.current
    combo = dialog.findChild(QComboBox, "bulkPerformanceCombo")
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemText(i).startswith("Joyaux")))
    dialog.findChild(QLineEdit, "bulkReportField").setText(str(tmp_path / "rapport.pdf"))
    dialog.findChild(QLineEdit, "bulkLoginField").setText("CHEF")
    dialog.findChild(QLineEdit, "bulkPinField").setText("1234")
    dialog.findChild(QPushButton, "bulkStartButton").click()
    status = dialog.findChild(QLabel, "bulkStatusLabel")
    qtbot.waitUntil(lambda: "Rapport" in status.text(), timeout=30000)
    assert status.text().startswith("2 dossiers remboursés, 0 refusés")
    bar = dialog.findChild(QProgressBar, "bulkProgressBar")
    assert (bar.value(), bar.maximum()) == (2, 2)
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    with uow_of(demo) as uow:
        left = uow.session.scalars(select(Ticket.state).where(Ticket.number.in_(JOYAUX)))
        assert set(left) == {TicketState.CANCELLED}
    dialog.findChild(QPushButton, "bulkCloseButton").click()
    assert window.dialogs.current is None
