"""Child process of tests/ui/test_cold_start.py: a cold start as ``guichet`` does it, in a
fresh interpreter (what is imported when is the point), then a scan typed at once.

``idle``: prints what was imported when the scan field first had the focus (as the start
benchmark sees it) and what was not yet once the warm-up is done. ``scan``: a scan is queued
before the event loop's first turn; prints the basket once it was handled."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(mode: str, url: str, now: str, number: str, printer: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.window_bench import type_scan  # as the start benchmark's 7b types it
    from pos.config import parse_config
    from pos.core.clock import FixedClock
    from pos.core.db import Database
    from pos.core.models import Base
    from pos.ui.app import AFTER_FIRST_PAINT, build_main_window, collect_after_start, make_printer

    def mappers():
        return list(Base.registry.mappers)

    app = QApplication.instance() or QApplication(sys.argv)
    config = parse_config(f'[printer]\nconnection = "file"\npath = "{printer}"\n')
    database = Database(url)
    window = build_main_window(config, database, FixedClock(datetime.fromisoformat(now)),
                               make_printer(config), operator="demo")
    window.show()
    collect_after_start()
    field = window.scan_field
    # The scan, as the window system delivers it: queued before the first turn of the
    # event loop, behind the first paint and what comes after it.
    if mode == "scan":
        type_scan(field, number)
    report = {}

    def at_ready() -> None:
        if "focused" in report:
            return
        report["focused"] = QApplication.focusWidget() is field
        report["deferred_loaded_at_ready"] = [m for m in AFTER_FIRST_PAINT if m in sys.modules]
        report["mappers_configured_at_ready"] = sum(m.configured for m in mappers())

    def ready() -> None:  # as the start benchmark sees it (benchmarks/window_bench.py)
        if QApplication.focusWidget() is not field:
            QTimer.singleShot(1, ready)
            return
        at_ready()

    # The window's own "ready", should this poll come late on a loaded machine (a 1 ms
    # timer can wait for a worker thread's GIL): what was loaded when the warm-up began.
    start_warm_up = window.warm_up.start
    window.warm_up.start = lambda: (at_ready(), start_warm_up())

    def done() -> None:
        waited = report.get("waited", 0)
        idle_done = "focused" in report and window.warm_up.done
        if (window.controller.basket.tickets if mode == "scan" else idle_done) or waited > 300:
            report["basket"] = [t.number for t in window.controller.basket.tickets]
            report["deferred_missing_after"] = [m for m in AFTER_FIRST_PAINT
                                                if m not in sys.modules]
            report["mappers_unconfigured_after"] = sum(not m.configured for m in mappers())
            sys.stdout.write(json.dumps(report) + "\n")
            sys.stdout.flush()
            os._exit(0)
        report["waited"] = waited + 1
        QTimer.singleShot(10, done)

    QTimer.singleShot(0, ready)
    QTimer.singleShot(0, done)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
