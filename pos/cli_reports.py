"""``guichet report x | z | refunds``: the cash-session reports and the refunds-and-
exchanges report, from the command line, the same PDF the window saves."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from pos.config import Config


def add_parsers(verbs) -> None:
    report = verbs.add_parser("report", help="les rapports de caisse").add_subparsers(
        dest="report_verb")
    z = report.add_parser("z", help="le rapport Z d'une session de caisse clôturée")
    z.add_argument("--session", type=int, required=True, metavar="N", help="numéro de session")
    z.add_argument("--pdf", metavar="FILE", help="écrire le PDF dans FILE")
    x = report.add_parser("x", help="le rapport X de la session ouverte (sans clôture)")
    x.add_argument("--counter", metavar="NOM", help="le guichet (défaut : celui de la config)")
    x.add_argument("--pdf", metavar="FILE", help="écrire le PDF dans FILE")
    refunds = report.add_parser("refunds", help="remboursements et échanges d'une période")
    refunds.add_argument("--from", dest="start", required=True, metavar="AAAA-MM-JJ",
                         type=date.fromisoformat, help="premier jour (inclus)")
    refunds.add_argument("--to", dest="end", required=True, metavar="AAAA-MM-JJ",
                         type=date.fromisoformat, help="dernier jour (inclus)")
    refunds.add_argument("--counter", metavar="NOM", help="un seul guichet (défaut : tous)")
    refunds.add_argument("--csv", metavar="FILE", help="écrire le CSV dans FILE")
    refunds.add_argument("--pdf", metavar="FILE", help="écrire le PDF dans FILE")


def _write(path: str, data: bytes) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_bytes(data)
    print(f"Écrit : {path}")


def _counter_id(uow, name: str) -> int:
    from sqlalchemy import select

    from pos.core.errors import NoCashSession
    from pos.core.models import Counter

    counter_id = uow.session.scalar(select(Counter.id).where(Counter.name == name))
    if counter_id is None:
        raise NoCashSession(counter=name)
    return counter_id


def _session_view(config: Config, uow, args, now):
    from pos.core.cash_documents import session_report_view
    from pos.core.errors import NoCashSession, SessionNotClosed
    from pos.core.services.cash_reports import session_report
    from pos.core.services.cash_sessions import current_session

    if args.report_verb == "z":
        report = session_report(uow, args.session, now=now)
        if not report.closed:
            raise SessionNotClosed(session=args.session)
    else:
        name = args.counter or config.counter.name
        session = current_session(uow, _counter_id(uow, name))
        if session is None:
            raise NoCashSession(counter=name)
        report = session_report(uow, session.id, now=now)
    return session_report_view(report, config.counter.venue_name)


def cmd_report(config: Config, args: argparse.Namespace) -> int:
    from pos.core.cash_documents import period_csv, period_report_view
    from pos.core.clock import SystemClock
    from pos.core.db import Database
    from pos.core.errors import DomainError
    from pos.core.reports import to_text
    from pos.core.services.cash_reports import day_period, refunds_report
    from pos.core.uow import UnitOfWork
    from pos.devices.report_pdf import render_report_pdf

    database = Database(config.database_url)
    try:
        with UnitOfWork(database.sessions) as uow:
            if args.report_verb == "refunds":
                start, end = day_period(args.start, args.end)
                counter = _counter_id(uow, args.counter) if args.counter else None
                figures = refunds_report(uow, start, end, counter)
                view = period_report_view(figures, config.counter.venue_name)
                csv_text = period_csv(figures) if args.csv else ""
            else:
                view, csv_text = _session_view(config, uow, args, SystemClock().now()), ""
    except DomainError as exc:
        print(f"guichet : {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if csv_text:
        _write(args.csv, csv_text.encode("utf-8"))
    if args.pdf:
        _write(args.pdf, render_report_pdf(view))
    if not args.pdf and not csv_text:
        sys.stdout.write(to_text(view))
    return 0
