"""The real window for the tests under Xvfb (test-only entry point, not part of pos).

    python -m tests.ui.xvfb_app --database FILE --printer FILE --now ISO [--prefix F12]

Opens the window as ``guichet`` does (build_main_window, the French translation, the
application-wide scanner filter) on an existing demo SQLite database, with a file
printer and a clock pinned at ``--now``, and puts the focus in the remarks field. The
log goes to stderr at INFO (the controller logs "scan accepted N").

It answers one command per line on stdin, on stdout, so that the test can read the
state of the window without touching it:

    state   -> {"basket": [...], "remarks": "...", "scan": "...", "focus": "remarksField",
                "active": true, "message": "..."}   (one JSON line)
    focus   -> puts the focus back in the remarks field, answers "ok"
    dialog  -> the open dialog: {"name": ..., "fields": {objectName: text},
               "refusal": "...", "lines": [[mode, amount, reference]], "focus": ...}
    scan N  -> N into the counter as the scan field would take it, answers "ok"
    sell EVENT|CATEGORY|QUANTITY -> sells at PLEIN under ÉCHANGÉ (as ÉVÉNEMENT does)
    quit    -> closes the window and exits
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import datetime

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit

from pos.config import parse_config
from pos.core.clock import FixedClock
from pos.core.db import Database
from pos.ui.app import build_main_window, make_printer
from pos.ui.common.i18n import install_translator


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--printer", required=True)
    parser.add_argument("--now", required=True)
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = QApplication(sys.argv[:1])
    install_translator(app, "fr")
    config = parse_config(f"""
[printer]
connection = "file"
path = "{args.printer}"
[scanner]
prefix = "{args.prefix}"
""")
    database = Database(f"sqlite:///{args.database}")
    window = build_main_window(config, database, FixedClock(datetime.fromisoformat(args.now)),
                               make_printer(config), operator="demo")
    remarks = window.findChild(QLineEdit, "remarksField")
    window.show()
    window.raise_()
    window.activateWindow()
    remarks.setFocus()

    def state() -> dict:
        focus = QApplication.focusWidget()
        return {
            "basket": [t.number for t in window.controller.basket.tickets],
            "remarks": remarks.text(),
            "scan": window.findChild(QLineEdit, "scanField").text(),
            "focus": focus.objectName() if focus is not None else None,
            "active": window.isActiveWindow(),
            "message": window.findChild(QLabel, "messageLabel").text(),
        }

    def dialog() -> dict:
        modal = QApplication.activeModalWidget()
        if modal is None or modal is window:
            return {"name": None, "focus": None, "fields": {}, "refusal": "", "lines": []}
        refusal = modal.findChild(QLabel, "scanRefusedLabel")
        fields = {f.objectName(): f.text() for f in modal.findChildren(QLineEdit)
                  if f.objectName()}
        fields.update({f.objectName(): f.toPlainText()
                       for f in modal.findChildren(QPlainTextEdit) if f.objectName()})
        split = getattr(modal, "split", None)
        focus = QApplication.focusWidget()
        return {
            "name": modal.objectName(), "fields": fields,
            "refusal": refusal.text() if refusal is not None else "",
            "lines": [[line.mode.value, str(line.amount), line.reference]
                      for line in (split.lines if split is not None else [])],
            "focus": focus.objectName() if focus is not None else None,
        }

    def sell(event: str, category: str, quantity: str) -> None:
        from pos.core.services.exchange import event_tickets
        from pos.core.uow import UnitOfWork
        from tests.core.exchange_support import ids

        c = window.controller
        with UnitOfWork(database.sessions) as uow:
            event_tickets(uow, c.exchange.sale, c.basket, c.session.clock,
                          **ids(database, event, category, "PLEIN"), quantity=int(quantity))
        c.exchange.sig_sale_changed.emit()

    pending = bytearray()

    def commands() -> None:
        data = os.read(sys.stdin.fileno(), 4096)
        if not data:  # the test went away
            command("quit")
            return
        pending.extend(data)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            command(line.decode().strip())

    def command(word: str) -> None:
        if word == "state":
            print(json.dumps(state(), ensure_ascii=False), flush=True)
        elif word == "focus":
            window.activateWindow()
            remarks.setFocus()
            print("ok", flush=True)
        elif word == "dialog":
            print(json.dumps(dialog(), ensure_ascii=False), flush=True)
        elif word.startswith("scan "):
            window.controller.scan(word.split(" ", 1)[1])
            print("ok", flush=True)
        elif word.startswith("sell "):
            sell(*word.split(" ", 1)[1].split("|"))
            print("ok", flush=True)
        elif word == "quit":
            notifier.setEnabled(False)
            window.close()
            app.quit()
        else:
            print(json.dumps({"error": f"unknown command {word!r}"}), flush=True)

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(commands)
    code = app.exec()
    database.dispose()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
