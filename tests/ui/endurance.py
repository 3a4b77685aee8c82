"""Endurance driver: thousands of scans, refunds and exchanges in ONE window process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.endurance --scans 5000 --json out.json

It builds a SQLite database in ``--workdir`` (the demo data plus enough paid tickets,
tests/support/endurance_data.py), opens the real window (file printer), and works as a
cashier: each customer brings the tickets of one order (sometimes two), scanned as a
keyboard-wedge scanner sends them (tests/ui/scanner_keys: timestamped keys at scanner
speed, through the application-wide filter), then the basket is emptied:

- most customers change their mind: ABANDONNER ORDRE (F5);
- one in ten is refunded in cash: ESPÈCES (F9), Enter on the confirmation;
- one in ten exchanges: AUTO-ÉCHANGE (Alt+A) to the reduced tariff on the same seats,
  Enter, then the negative balance refunded in cash (F9, Enter).

At the start, after warm-up, at every checkpoint and at the end (always with an empty
basket, after a garbage collection) it records sys.getrefcount of None/True/False and
the resident memory (VmRSS). Figures go to stdout and to ``--json``, rewritten after
every customer (so an abort still leaves how far it went and the last figures). Exit
status 0 when every scan, refund and exchange asked for was done; 1 (with the reason on
stderr) when the window stopped answering as expected. tests/ui/test_endurance.py runs
it in a subprocess and asserts on the figures; a crash of the window (e.g.
"none_dealloc") is then a failure with its stderr, not the death of pytest.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QThread  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
)

from pos.config import parse_config  # noqa: E402
from pos.core.clock import SystemClock  # noqa: E402
from pos.core.db import Database  # noqa: E402
from pos.core.demo import load_demo  # noqa: E402
from pos.core.uow import UnitOfWork  # noqa: E402
from pos.ui.app import build_main_window, make_printer  # noqa: E402
from pos.ui.common.i18n import install_translator  # noqa: E402
from tests.support.endurance_data import TICKETS_PER_ORDER, order_numbers, seed_paid_orders  # noqa: E402
from tests.ui.scanner_keys import Keyboard  # noqa: E402

SCANNER_GAP_MS = 8  # between two keys of a scanner's burst ([scanner] max_gap_ms is 35)
BETWEEN_SCANS_MS = 400  # the cashier takes the next ticket
TIMEOUT_S = 20.0
ALT = Qt.KeyboardModifier.AltModifier


class Stalled(Exception):
    """The window did not do what a cashier expects within the time allowed."""


def counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Cashier:
    def __init__(self, app: QApplication, window) -> None:
        self.app, self.win = app, window
        self.keys = Keyboard()
        self.scan_field = window.findChild(QLineEdit, "scanField")
        self.basket = window.findChild(QTreeView, "basketView")
        self.exchange = window.findChild(QTreeView, "exchangeView")
        self.message = window.findChild(QLabel, "messageLabel")
        self.cash = window.findChild(QPushButton, "cashButton")
        assert None not in (self.scan_field, self.basket, self.exchange, self.message, self.cash)

    # --- waiting ------------------------------------------------------------------------

    def pump(self) -> None:
        """What an event loop does between two events: posted events, then the objects
        deleted later (a window's dialogs end by deleteLater; without app.exec() nothing
        else would delete them)."""
        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def until(self, condition: Callable[[], bool], what: str, timeout: float = TIMEOUT_S):
        deadline = time.monotonic() + timeout
        while True:
            self.pump()
            if condition():
                return
            if time.monotonic() > deadline:
                raise Stalled(f"{what}: not after {timeout:.0f} s "
                              f"(message: {self.message.text()!r})")
            QThread.msleep(1)

    def window_active(self) -> None:
        """Keys go to the counter's window (offscreen, a closed dialog may leave none
        active; the window system gives it back as a click would)."""
        if not self.win.isActiveWindow():
            self.win.activateWindow()
            self.until(self.win.isActiveWindow, "the window active again")
        if QApplication.focusWidget() is None:
            self.scan_field.setFocus()
            self.until(lambda: QApplication.focusWidget() is not None, "a focus widget")

    def visible(self, cls, name: str):
        found = []

        def shown() -> bool:
            shown = [w for w in self.win.findChildren(cls, name) if w.isVisible()]
            found.extend(shown)
            return bool(shown)

        self.until(shown, f"{name} shown")
        return found[-1]

    # --- what the views show ---------------------------------------------------------

    @staticmethod
    def leaves(view: QTreeView) -> list[str]:
        """The texts of the deepest rows (one a ticket) of a tree view's model."""
        model = view.model()
        found: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for r in range(model.rowCount(parent)):
                index = model.index(r, 0, parent)
                if model.rowCount(index):
                    walk(index)
                else:
                    found.append(index.data() or "")

        walk(QModelIndex())
        return found

    def basket_tickets(self) -> list[str]:
        return [text.split()[0] for text in self.leaves(self.basket) if text]

    # --- a cashier's acts ---------------------------------------------------------------

    def scan(self, number: str) -> None:
        self.window_active()
        self.keys.wait(BETWEEN_SCANS_MS)
        self.keys.scan(number, gap=SCANNER_GAP_MS)
        self.until(lambda: number in self.basket_tickets(), f"ticket {number} in the basket")

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """A function key as a person presses it (QTest: through the shortcut map)."""
        self.window_active()
        QTest.keyClick(QApplication.focusWidget() or self.scan_field, key, modifier)

    def abandon(self) -> None:
        self.key(Qt.Key.Key_F5)
        self.until(lambda: not self.leaves(self.basket) and not self.leaves(self.exchange),
                   "basket empty after F5")

    def confirm_cash_refund(self, expected_tickets: int) -> None:
        self.key(Qt.Key.Key_F9)
        box = self.visible(QMessageBox, "confirmDialog")
        self.until(lambda: QApplication.focusWidget() is not None
                   and QApplication.focusWidget().window() is box, "the confirmation focused")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        self.until(lambda: not self.leaves(self.basket) and not self.leaves(self.exchange),
                   f"basket of {expected_tickets} emptied by the refund")

    def auto_exchange_reduced(self, tickets: list[str]) -> None:
        self.key(Qt.Key.Key_A, ALT)
        dialog = self.visible(QDialog, "autoExchangeDialog")
        self.until(lambda: QApplication.activeWindow() is dialog, "auto-exchange active")
        tariff = dialog.findChild(QComboBox, "autoExchangeTariffCombo")
        self.until(lambda: dialog.focusWidget() is tariff, "the tariff combo focused")
        QTest.keyClick(tariff, Qt.Key.Key_Down)  # the full price first, then the reduced
        if "réduit" not in tariff.currentText():
            raise Stalled(f"auto-exchange offers {tariff.currentText()!r}, not the reduced")
        QTest.keyClick(tariff, Qt.Key.Key_Return)
        self.until(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
                   "auto-exchange closed")
        self.until(self.cash.isEnabled, "ESPÈCES enabled for the exchange's balance")
        replaced = [text for text in self.leaves(self.exchange) if "remplace" in text]
        if sorted(t.rsplit(" ", 1)[-1].rstrip(")") for t in replaced) != sorted(tickets):
            raise Stalled(f"the exchange replaces {replaced}, not {tickets}")


class Run:
    def __init__(self, scans: int, json_path: Path | None, checkpoint: int, warmup: int):
        self.scans, self.json_path = scans, json_path
        self.checkpoint, self.warmup = checkpoint, warmup
        self.report: dict = {
            "scans_requested": scans, "pyside6": None, "python": sys.version.split()[0],
            "scans": 0, "abandons": 0, "refunds": 0, "exchanges": 0,
            "refunded_tickets": 0, "exchanged_tickets": 0,
            "checkpoints": [], "elapsed_s": None, "scans_per_second": None, "done": False}
        self.started = time.perf_counter()

    def probe(self, label: str) -> None:
        gc.collect()
        point = {"label": label, "scans": self.report["scans"], "refcounts": counts(),
                 "rss_kib": rss_kib(), "t_s": round(time.perf_counter() - self.started, 2)}
        self.report["checkpoints"].append(point)
        rc = point["refcounts"]
        print(f"[{label:>9}] scans={point['scans']:5d} None={rc['None']} True={rc['True']} "
              f"False={rc['False']} rss={point['rss_kib'] / 1024:.1f} MiB t={point['t_s']} s",
              flush=True)
        self.save()

    def save(self) -> None:
        if self.json_path is not None:
            tmp = self.json_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.report, indent=2))
            tmp.replace(self.json_path)


def fill_the_drawer(database: Database, clock) -> None:
    """Hundreds of cash refunds: the demo's float would run out (and the refusal is
    tested elsewhere), so the drawer gets what the whole run gives back."""
    from decimal import Decimal

    from pos.core.models_cash import CashMovementKind
    from pos.core.services.cash_sessions import move_cash
    from pos.core.services.station import ensure_station

    with UnitOfWork(database.sessions) as uow:
        station = ensure_station(uow, counter="Guichet 1", sales_point="Guichet",
                                 operator="STX_BDD")
    with UnitOfWork(database.sessions) as uow:
        move_cash(uow, station, clock, CashMovementKind.IN, Decimal("1000000.00"),
                  "Endurance : fonds du coffre")


def open_window(app: QApplication, workdir: Path, orders: int):
    clock = SystemClock()
    database = Database(f"sqlite:///{workdir / 'guichet.sqlite3'}")
    database.upgrade()
    with UnitOfWork(database.sessions) as uow:
        load_demo(uow, clock)
    seed_paid_orders(database, clock, orders)
    fill_the_drawer(database, clock)
    config = parse_config(f"""
[counter]
name = "Guichet 1"
venue_name = "Théâtre de la Ville"
[printer]
connection = "file"
path = "{workdir / 'printer.bin'}"
""")
    window = build_main_window(config, database, clock, make_printer(config), operator="demo")
    window.show()
    window.activateWindow()
    return database, window


def plan(cycle: int) -> tuple[str, int]:
    """(what the customer wants, how many orders they bring) for the ``cycle``-th one."""
    if cycle % 10 == 3:
        return "refund", 1
    if cycle % 10 == 7:
        return "exchange", 1
    return "abandon", 1 + cycle % 2


def work(run: Run, cashier: Cashier) -> None:
    report = run.report
    order = cycle = 0
    next_checkpoint = run.checkpoint
    warmed = False
    while report["scans"] < run.scans:
        kind, orders = plan(cycle)
        tickets = [n for k in range(orders) for n in order_numbers(order + k)]
        tickets = tickets[:run.scans - report["scans"]]
        order += orders
        cycle += 1
        for number in tickets:
            cashier.scan(number)
            report["scans"] += 1
        if len(cashier.basket_tickets()) != len(tickets):
            raise Stalled(f"basket shows {cashier.basket_tickets()}, scanned {tickets}")
        if kind == "abandon":
            cashier.abandon()
            report["abandons"] += 1
        elif kind == "refund":
            cashier.confirm_cash_refund(len(tickets))
            report["refunds"] += 1
            report["refunded_tickets"] += len(tickets)
        else:
            cashier.auto_exchange_reduced(tickets)
            cashier.confirm_cash_refund(len(tickets))
            report["exchanges"] += 1
            report["exchanged_tickets"] += len(tickets)
        run.save()  # after every customer: an abort still tells how far it went
        if not warmed and report["scans"] >= run.warmup:
            warmed = True
            run.probe("warmed-up")
        if report["scans"] >= next_checkpoint and report["scans"] < run.scans:
            run.probe("checkpoint")
            while next_checkpoint <= report["scans"]:
                next_checkpoint += run.checkpoint


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument("--json", type=Path, default=None, help="where the figures go")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="database and printer file (default: a temporary folder)")
    parser.add_argument("--checkpoint", type=int, default=0,
                        help="scans between two measures (default: a tenth of the run)")
    parser.add_argument("--warmup", type=int, default=0,
                        help="scans before the reference measure (default: a fifth, at most 500)")
    args = parser.parse_args(argv)
    scans = args.scans
    checkpoint = args.checkpoint or max(50, scans // 10)
    warmup = args.warmup or min(500, max(50, scans // 5))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="guichet-endurance-"))
    workdir.mkdir(parents=True, exist_ok=True)

    import PySide6

    run = Run(scans, args.json, checkpoint, warmup)
    run.report["pyside6"] = PySide6.__version__
    run.report["workdir"] = str(workdir)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    translator = install_translator(app, "fr")
    orders = -(-scans // TICKETS_PER_ORDER) + 2
    database, window = open_window(app, workdir, max(orders, 500))
    cashier = Cashier(app, window)
    code = 0
    try:
        cashier.until(window.isActiveWindow, "the window shown")
        run.probe("start")
        loop_started = time.perf_counter()
        work(run, cashier)
        elapsed = time.perf_counter() - loop_started
        run.report["elapsed_s"] = round(elapsed, 2)
        run.report["scans_per_second"] = round(run.report["scans"] / elapsed, 1)
        run.probe("end")
        run.report["done"] = True
        run.save()
        print(f"{run.report['scans']} scans, {run.report['abandons']} abandoned, "
              f"{run.report['refunds']} refunds, {run.report['exchanges']} exchanges in "
              f"{elapsed:.1f} s: {run.report['scans_per_second']} scans/s "
              f"(PySide6 {PySide6.__version__}, Python {run.report['python']})", flush=True)
    except Exception as exc:  # noqa: BLE001 - reported, and the exit status says it
        run.report["error"] = f"{type(exc).__name__}: {exc}"
        run.save()
        traceback.print_exc()
        code = 1
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        if translator is not None:
            app.removeTranslator(translator)
        database.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
