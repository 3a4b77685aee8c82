"""Child process of the suite: the real window, offscreen, on a database.

``--mode scans``: scan keystrokes -> basket row, over N scans (keys delivered one by one
to the focus widget with their own timestamps, as a keyboard-wedge scanner does), in
baskets that grow to ``--basket`` tickets; then the peak resident memory. Prints one
JSON line.

Each counted scan is checked (``benchmarks.ops.check``): the scanned number itself is in
the basket, and its row was in the basket view when the keys had been delivered (what
"keys -> row" times); a scan that lands another ticket, or no row, fails the run.

``--mode start``: a cold start: what ``guichet`` does up to a focused scan field, then
the process ends at once (``os._exit``) so that the parent times start-up only. A start
whose scan field has no focus after ``GUICHET_BENCH_START_GIVE_UP_S`` seconds (20) gives
up with exit code 3, saying where the focus is. With ``--scan NUMBER`` the scan's keys are
typed as soon as the field has the focus, and the process ends when the ticket is in the
basket: the first scan's wait behind what runs after the first paint (pos.ui.app.WarmUp).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _config(printer_path: Path):
    from pos.config import parse_config

    return parse_config(f"""
[counter]
name = "Bench 1"
venue_name = "Bench"
[printer]
connection = "file"
path = "{printer_path}"
""")


def bench_now():
    """The suite's hour (benchmarks.dataset.BENCH_NOW), without importing the suite."""
    from datetime import UTC, datetime

    at = datetime.fromisoformat(os.environ.get("GUICHET_BENCH_NOW", "2026-12-01T09:00:00+00:00"))
    return at.astimezone(UTC)


def cold_start(url: str, printer_path: Path, scan: str = "") -> None:
    """Mirrors pos.ui.app.run_window, up to the first event loop turn with the focus in
    the scan field. With ``scan``: its keys are typed then, at once, as a scanner does, and
    the process ends when its ticket is in the basket (what the warm-up after the first
    paint costs a cashier who scans as soon as the window shows)."""
    gc.disable()  # as pos.cli does before it imports the window
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from pos.core.clock import FixedClock, SystemClock
    from pos.core.db import Database, has_schema
    from pos.core.i18n import set_language
    from pos.ui.app import build_main_window, collect_after_start, make_printer
    from pos.ui.common.i18n import install_translator, language

    config = _config(printer_path)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Guichet")
    lang = language()
    install_translator(app, lang)
    set_language(lang)
    database = Database(url)
    if not has_schema(database.engine):
        os._exit(2)
    # A scan is checked at the suite's hour (its tickets are refundable then), as --mode
    # scans does; the plain start keeps guichet's own clock.
    clock = FixedClock(bench_now()) if scan else SystemClock()
    window = build_main_window(config, database, clock, make_printer(config),
                               operator="STX_BDD")
    window.show()
    collect_after_start()
    field = window.findChild(QLineEdit, "scanField")

    typed = []

    def ready() -> None:
        if field is not None and QApplication.focusWidget() is field:
            if scan:
                typed.append(scan)
                type_scan(field, scan)
                QTimer.singleShot(0, scanned)
                return
            sys.stdout.write(json.dumps({"ready": True}) + "\n")
            sys.stdout.flush()
            os._exit(0)
        QTimer.singleShot(1, ready)

    def scanned() -> None:
        if any(t.number == scan for t in window.controller.basket.tickets):
            sys.stdout.write(json.dumps({"ready": True, "scanned": scan}) + "\n")
            sys.stdout.flush()
            os._exit(0)
        QTimer.singleShot(1, scanned)

    def give_up() -> None:
        focus = QApplication.focusWidget()
        if typed:
            sys.stderr.write(f"ticket {scan} not in the basket {give_up_s} s after its scan "
                             f"(message: {window.message.text()!r})\n")
        else:
            sys.stderr.write(f"no focused scan field after {give_up_s} s (focus: "
                             f"{focus.objectName() if focus is not None else None})\n")
        sys.stderr.flush()
        os._exit(3)

    give_up_s = float(os.environ.get("GUICHET_BENCH_START_GIVE_UP_S") or 20)
    QTimer.singleShot(0, ready)
    QTimer.singleShot(int(give_up_s * 1000), give_up)
    app.exec()


def _peak_rss_mb() -> float:
    """This process's own peak resident memory. Linux's ru_maxrss keeps, across exec, the
    peak of the process that forked it (the benchmark suite, hundreds of MB after
    building the 1M database); VmHWM is this program's address space alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB -> MB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def shows_ticket(view, number: str) -> bool:
    """The basket view's model has the row of ticket ``number`` (its first cell reads
    "NUMBER  place"; the group rows above it read otherwise)."""
    from PySide6.QtCore import QModelIndex

    model = view.model()

    def under(parent) -> bool:
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if (index.data() or "").split("  ", 1)[0] == number or under(index):
                return True
        return False

    return under(QModelIndex())


def type_scan(field, number: str) -> None:
    """The scan's keys and Enter, queued to the field with a scanner's timestamps (8 ms
    apart), as the window system delivers them: handled in the event loop's next turns."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for i, char in enumerate([*number, "\r"]):
        key = Qt.Key.Key_Return if char == "\r" else ord(char)
        for kind, at in ((QEvent.Type.KeyPress, 0), (QEvent.Type.KeyRelease, 1)):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(5_000_000 + 8 * i + at)
            QApplication.postEvent(field, event)


def scans(url: str, numbers: list[str], basket_size: int, printer_path: Path) -> dict:
    from PySide6.QtWidgets import QApplication, QLineEdit, QTreeView

    from benchmarks.ops import check
    from pos.core.clock import FixedClock
    from pos.core.db import Database
    from pos.ui.app import build_main_window, collect_after_start, make_printer

    gc.disable()  # as pos.cli does, until the window is up (run_window)
    app = QApplication.instance() or QApplication(sys.argv)
    clock = FixedClock(bench_now())
    database = Database(url)
    config = _config(printer_path)
    window = build_main_window(config, database, clock, make_printer(config),
                               operator="STX_BDD")
    window.show()
    collect_after_start()  # as run_window does
    window.activateWindow()
    field = window.findChild(QLineEdit, "scanField")
    view = window.findChild(QTreeView, "basketView")
    field.setFocus()
    for _ in range(50):
        app.processEvents()
    controller = window.controller
    from tests.ui.scanner_keys import Keyboard  # the tests' own wedge-scanner delivery

    keys = Keyboard()
    to_row: list[float] = []
    to_idle: list[float] = []
    positions: list[int] = []
    refused = 0
    warm = numbers[:20]
    for number in warm + numbers[20:]:
        if len(controller.basket) >= basket_size:
            controller.hold.abandon()  # ABANDONNER ORDRE (F5), as the cashier empties it
            app.processEvents()
        before = len(controller.basket)
        t0 = time.perf_counter()
        keys.scan(number)
        t1 = time.perf_counter()
        shown = shows_ticket(view, number)  # at t1: what "keys -> row" claims; not timed
        t1_checked = time.perf_counter()
        app.processEvents()
        t2 = time.perf_counter()
        if len(controller.basket) == before + 1:
            check(number in controller.basket,
                  f"scan of {number}: the basket grew, but not by the scanned ticket")
            check(shown, f"scan of {number}: its row was not in the basket view when "
                         "the keys had been delivered")
            if number not in warm:
                to_row.append(t1 - t0)
                to_idle.append((t1 - t0) + (t2 - t1_checked))
                positions.append(before + 1)
        else:
            refused += 1
    rss = _peak_rss_mb()
    database.dispose()
    return {"keys_to_row": to_row, "keys_to_idle": to_idle, "positions": positions,
            "refused": refused, "peak_rss_mb": rss}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["scans", "start"], required=True)
    parser.add_argument("--scan", default="", help="start: a number scanned once focused")
    parser.add_argument("--url", required=True)
    parser.add_argument("--numbers", default="", help="file of numbers to scan, one a line")
    parser.add_argument("--basket", type=int, default=200)
    parser.add_argument("--printer", default="/tmp/guichet-bench-printer.bin")
    args = parser.parse_args()
    printer = Path(args.printer)
    if args.mode == "start":
        cold_start(args.url, printer, args.scan)
        return
    numbers = Path(args.numbers).read_text().split()
    sys.stdout.write(json.dumps(scans(args.url, numbers, args.basket, printer)) + "\n")
    sys.stdout.flush()
    os._exit(0)  # the print thread is still polling: no teardown to wait for


if __name__ == "__main__":
    main()
