"""The README's "Trying it" is true on a second `make run` after `--reset` (issue 9,
"Done when"): the real `guichet` command initialises the demo, the real window (built as
`guichet` builds it: the configuration, database and file printer `make run` uses, the
log-in dialog) refunds 01010002748 as the README says; a second run without `--reset`
says the ticket is already refunded, as the README warns; `guichet db init --demo
--reset` then gives a fresh demo on which the walkthrough is true again, under the same
operation number, the receipt in the file printer's output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from pos.config import load_config
from pos.core.clock import SystemClock
from pos.core.db import Database, schema_state
from pos.ui.app import build_main_window, make_printer, schema_refusal
from tests.conftest import _truncate
from tests.support.escpos_decoder import Cut, DrawerPulse, decode, text_lines
from tests.ui.conftest import basket_view, label, tree_rows
from tests.ui.exchange_window_support import focused, shown
from tests.ui.test_operators_window import dialog_named, type_login

ROOT = Path(__file__).resolve().parents[2]
TICKET = "01010002748"  # the README's


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def counter(request, tmp_path, monkeypatch) -> Path:
    """`make run`'s setting: no configuration of its own (every default: the SQLite file
    and the file printer in the data folder), the data folder a temporary one. On
    PostgreSQL, ``GUICHET_DATABASE_URL`` names the test server's database. Returns the
    data folder."""
    data = tmp_path / "data"
    monkeypatch.setenv("GUICHET_DATA_DIR", str(data))
    (tmp_path / "guichet.toml").write_text("")  # not the user's own file
    monkeypatch.setenv("GUICHET_CONFIG", str(tmp_path / "guichet.toml"))
    if request.param == "postgresql":
        database = request.getfixturevalue("postgres_database")
        _truncate(database)  # nothing of another test: `db init --demo` loads
        monkeypatch.setenv("GUICHET_DATABASE_URL",
                           database.engine.url.render_as_string(hide_password=False))
    else:
        monkeypatch.delenv("GUICHET_DATABASE_URL", raising=False)
    return data


def guichet(*args: str) -> str:
    """The command, as a user types it: `python -m pos` is `.venv/bin/guichet`."""
    done = subprocess.run([sys.executable, "-m", "pos", *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


class Run:
    """One `make run`'s window, logged in as the README says: `demo`, Tab, `1234`, Enter."""

    def __init__(self, qtbot):
        config = load_config(None)
        self.printed_file = config.printer_file_path
        self.database = Database(config.database_url,
                                 busy_timeout_ms=config.database.busy_timeout_ms)
        assert schema_refusal(schema_state(self.database.engine)) == ""
        self.window = build_main_window(config, self.database, SystemClock(),
                                        make_printer(config))
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        dialog = dialog_named(qtbot, self.window, "loginDialog")
        type_login(qtbot, dialog, "demo", "1234")
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert label(self.window, "operatorLabel") == "Opérateur : demo (caissier)"

    def scan(self, qtbot, code: str) -> None:
        """Typed into the field that has the focus (the scan field), then Enter."""
        field = focused(qtbot, "scanField")
        for ch in code:
            qtbot.keyClick(field, ch)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        QApplication.processEvents()

    def close(self) -> None:
        self.window.close()  # the print and mail threads stop
        self.database.dispose()


def printed_since(path: Path, offset: int, qtbot) -> list:
    """The ESC/POS events the file printer appended after ``offset``, once the receipt
    is cut and the drawer kicked."""
    events = []

    def printed():
        events[:] = decode(path.read_bytes()[offset:]) if path.exists() else []
        assert {type(e) for e in events} >= {Cut, DrawerPulse}

    qtbot.waitUntil(printed, timeout=20_000)
    return events


def walkthrough(qtbot) -> list[str]:
    """The README's steps; returns the receipt's lines."""
    run = Run(qtbot)
    before = run.printed_file.stat().st_size if run.printed_file.exists() else 0
    try:
        run.scan(qtbot, TICKET)
        # the ticket of order 959 (AKOKA, Viviane), order > performance > category + tariff
        rows = tree_rows(basket_view(run.window))
        assert [r[:2] for r in rows] == [
            (0, "Dossier 959"), (1, rows[1][1]),
            (2, "Cat 1 Contact occasionnel - Plein tarif"), (3, f"{TICKET}  Balcon - 7")]
        assert rows[0][2].startswith("AKOKA, Viviane")
        assert rows[1][1].startswith("Joyaux - ")
        qtbot.keyClick(focused(qtbot, "scanField"), Qt.Key.Key_F9)  # ESPÈCES
        box = shown(qtbot, run.window, QMessageBox, "confirmDialog")
        assert "110,00" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter to confirm
        qtbot.waitUntil(lambda: run.window.controller.basket.tickets == [])
        # refunded in cash; the receipt and the drawer kick go to the printer
        assert label(run.window, "messageLabel") == "Ordre 1271 : 110,00 € remboursés."
        events = printed_since(run.printed_file, before, qtbot)
        kinds = [type(e) for e in events]
        assert kinds.count(Cut) == 1 and kinds.index(DrawerPulse) > kinds.index(Cut)
        # the window is ready for the next customer
        focused(qtbot, "scanField")
        assert tree_rows(basket_view(run.window)) == []
        assert run.window.findChild(QLabel, "deliveryContactLabel").text() == ""
        assert label(run.window, "operationNumberLabel") == "[Ordre 1272]"
        return text_lines(events)
    finally:
        run.close()


def assert_the_receipt(lines: list[str]) -> None:
    assert "REMBOURSEMENT" in lines and "Ordre 1271" in lines
    assert any(TICKET in line and line.rstrip().endswith("-110,00 €") for line in lines)
    assert any(line.startswith("TOTAL") and line.endswith("-110,00 €") for line in lines)
    assert "Opérateur : demo" in lines


def test_the_walkthrough_is_true_again_after_reset(counter, qtbot):
    assert "Données de démonstration chargées" in guichet("db", "init", "--demo")
    assert_the_receipt(walkthrough(qtbot))  # the first `make run`
    assert (counter / "printer-output.bin").exists()  # where the README says

    # A second `make run` keeps the last run's database: the ticket "déjà remboursé".
    assert "non chargées" in guichet("db", "init", "--demo")
    run = Run(qtbot)
    try:
        run.scan(qtbot, TICKET)
        assert "déjà remboursé" in label(run.window, "messageLabel")
        assert run.window.controller.basket.tickets == []
    finally:
        run.close()

    shown_out = guichet("db", "init", "--demo", "--reset")
    assert "Base effacée." in shown_out and "Données de démonstration chargées" in shown_out
    assert_the_receipt(walkthrough(qtbot))  # true again, under the same number

    order = json.loads(guichet("order", "show", "959", "--json"))
    ticket = next(t for t in order["tickets"] if t["number"] == TICKET)
    assert ticket["state"] == "cancelled"
    refunds = [p for p in order["payments"] if p["mode"] == "cash"]
    assert [(p["amount"], p["operation"]) for p in refunds] == [("-110.00", 1271)]
