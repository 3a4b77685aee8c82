"""The scanner in every dialog, on a real X server (Xvfb) with xdotool's XTEST key
events at a scanner's pace (``type --delay 5``): the range dialog (Ctrl+Shift+R), the
F4 pay dialog's voucher field, the list dialog, the supervisor dialog, the undo dialog
(Ctrl+Shift+U), a dialog that expects no scan (the no-sale reason), and the F9 refund
confirmation box. The window runs in tests/ui/xvfb_app.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos.core.models import PaymentMode
from pos.core.services.refunds import Tender, refund_basket
from tests.conftest import uow_of
from tests.core.exchange_support import JOYAUX, scan
from tests.ui.test_scanner_xvfb import app_factory, display  # noqa: F401 - fixtures

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def scanned(app, code: str) -> None:
    """A scanner's burst: the code and its Return in one xdotool run."""
    app.xdotool("type", "--delay", "5", code + "\r")


def dialog(app) -> dict:
    import json

    return json.loads(app.ask("dialog"))


def wait_dialog(app, check, what: str) -> dict:
    import time

    deadline = time.monotonic() + 20
    while True:
        state = dialog(app)
        if check(state):
            return state
        assert time.monotonic() < deadline, f"never {what}: {state}; log:\n{app.log()}"
        time.sleep(0.05)


def test_range_dialog(app_factory):  # noqa: F811
    app = app_factory()
    app.xdotool("key", "ctrl+shift+r")
    wait_dialog(app, lambda d: d["focus"] == "rangeFirstField", "the range dialog")
    scanned(app, JOYAUX[0])
    wait_dialog(app, lambda d: d["fields"]["rangeFirstField"] == JOYAUX[0]
                and d["focus"] == "rangeLastField", "the first ticket, then the last field")
    scanned(app, JOYAUX[3])
    state = wait_dialog(app, lambda d: d["fields"]["rangeLastField"] == JOYAUX[3],
                        "the last ticket")
    assert state["refusal"] == ""
    app.xdotool("key", "Return")  # the report is shown: Enter adds
    app.wait_for(lambda s: s["basket"] == JOYAUX[:4], "the range in the basket")
    assert app.state()["remarks"] == ""


def test_pay_dialog_voucher(app_factory, demo, clock, station):  # noqa: F811
    with uow_of(demo) as uow:
        earlier = refund_basket(uow, scan(demo, clock, [JOYAUX[0]]),
                                [Tender(PaymentMode.CREDIT_NOTE, Decimal("110.00"))],
                                station, clock)
    voucher = earlier.tenders[0].reference
    app = app_factory()
    app.ask(f"scan {JOYAUX[-1]}")
    app.ask("sell Don Giovanni|Cat 1|2")
    app.ask("focus")
    app.xdotool("key", "F4")
    wait_dialog(app, lambda d: d["focus"] == "payAmountField", "the pay dialog")
    app.xdotool("key", "Tab")  # amount -> reference: a free-text field
    wait_dialog(app, lambda d: d["focus"] == "payReferenceField", "the reference focused")
    scanned(app, voucher)
    state = wait_dialog(app, lambda d: d["lines"], "the voucher taken")
    assert state["lines"] == [["credit_note", "80.00", voucher]]
    assert state["fields"]["payReferenceField"] == ""


def test_list_dialog(app_factory):  # noqa: F811
    app = app_factory()
    app.xdotool("key", "ctrl+shift+l")
    wait_dialog(app, lambda d: d["focus"] == "listNumbersField", "the list dialog")
    scanned(app, JOYAUX[0])
    scanned(app, JOYAUX[1])
    wait_dialog(app, lambda d: d["fields"]["listNumbersField"].split() == JOYAUX[:2],
                "two lines")
    app.xdotool("key", "ctrl+Return")
    wait_dialog(app, lambda d: d["focus"] == "takeBackOkButton", "the report")
    app.xdotool("key", "Return")
    app.wait_for(lambda s: s["basket"] == JOYAUX[:2], "the list in the basket")


def test_supervisor_dialog(app_factory):  # noqa: F811
    app = app_factory()
    scanned(app, "01010003008")  # checked in: the supervisor is asked
    wait_dialog(app, lambda d: d["focus"] == "supervisorLoginField", "the supervisor")
    app.xdotool("key", "Tab")  # login -> PIN: even from the PIN, the badge is the login
    wait_dialog(app, lambda d: d["focus"] == "supervisorPinField", "the PIN focused")
    scanned(app, "chef")
    state = wait_dialog(app, lambda d: d["fields"]["supervisorLoginField"] == "chef",
                        "the badge in the login")
    assert state["fields"]["supervisorPinField"] == "" and state["refusal"] == ""
    wait_dialog(app, lambda d: d["focus"] == "supervisorPinField", "the PIN after Return")
    app.xdotool("type", "--delay", "150", "9999")
    app.xdotool("key", "Return")
    app.wait_for(lambda s: s["basket"] == ["01010003008"], "the approved ticket")


def test_undo_dialog(app_factory):  # noqa: F811
    app = app_factory()
    app.xdotool("key", "ctrl+shift+u")
    wait_dialog(app, lambda d: d["name"] == "undoCancellationDialog"
                and d["focus"] == "undoTicketField", "the undo dialog")
    app.xdotool("key", "Tab")  # ticket -> login: even from the login, the scan is the ticket
    wait_dialog(app, lambda d: d["focus"] == "undoSupervisorLoginField", "the login focused")
    scanned(app, JOYAUX[-1])
    state = wait_dialog(app, lambda d: d["fields"]["undoTicketField"] == JOYAUX[-1],
                        "the ticket in its field")
    assert state["fields"]["undoSupervisorLoginField"] == "" and state["refusal"] == ""
    wait_dialog(app, lambda d: d["focus"] == "undoSupervisorLoginField", "the login after Return")
    assert app.state()["basket"] == []
    app.xdotool("key", "Escape")
    wait_dialog(app, lambda d: d["name"] is None, "the dialog closed")


def test_a_dialog_expecting_no_scan_says_so(app_factory):  # noqa: F811
    app = app_factory()
    app.xdotool("key", "ctrl+t")
    wait_dialog(app, lambda d: d["name"] == "noSaleDialog" and d["focus"], "the no-sale dialog")
    scanned(app, JOYAUX[0])
    state = wait_dialog(app, lambda d: d["refusal"], "the refusal")
    assert state["refusal"] == (
        f"Lecture {JOYAUX[0]} ignorée : cette fenêtre n'attend pas de lecture.")
    assert state["name"] == "noSaleDialog"
    assert all(text == "" for text in state["fields"].values())  # the reason stays empty
    assert app.state()["basket"] == []


def test_refund_confirmation_refuses_a_scan(app_factory):  # noqa: F811
    app = app_factory()
    app.ask(f"scan {JOYAUX[0]}")
    app.ask("focus")
    app.xdotool("key", "F9")
    wait_dialog(app, lambda d: d["name"] == "confirmDialog", "the refund confirmation")
    scanned(app, JOYAUX[1])  # its Return must not confirm the refund either
    state = wait_dialog(app, lambda d: d["refusal"], "the refusal")
    assert "ignorée" in state["refusal"]
    assert state["name"] == "confirmDialog"
    assert app.state()["basket"] == [JOYAUX[0]]  # neither added nor refunded
    app.xdotool("key", "Escape")
    wait_dialog(app, lambda d: d["name"] is None, "the box closed")
    assert app.state()["basket"] == [JOYAUX[0]]
