"""The box-office rules' verbs of ``guichet``: fee rules, door-scanner revocations and the
bulk refund of a cancelled performance.

    guichet fees show [--json]
    guichet fees import FILE --supervisor LOGIN
    guichet revocations export --since T FILE
    guichet performance list
    guichet performance cancel ID --policy POLICY --supervisor LOGIN [--reason R] [--report PDF]

A supervisor's PIN is read from ``$GUICHET_PIN`` or asked on the terminal."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from pos.config import Config

POLICY_NAMES = ("credit-note", "original-modes", "suspense-account")


def add_verbs(verbs: Any) -> None:
    fees = verbs.add_parser("fees", help="les règles de frais d'annulation et d'échange")
    fees_verbs = fees.add_subparsers(dest="fees_verb")
    show = fees_verbs.add_parser("show", help="lister les règles")
    show.add_argument("--json", action="store_true", help="sortie JSON")
    load = fees_verbs.add_parser("import", help="remplacer les règles par celles d'un TOML")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--supervisor", required=True, metavar="LOGIN")

    rev = verbs.add_parser("revocations", help="les billets révoqués (contrôle d'accès)")
    export = rev.add_subparsers(dest="revocations_verb").add_parser(
        "export", help="écrire FILE.json, FILE.csv et FILE.sha256")
    export.add_argument("--since", required=True, metavar="T",
                        help="depuis (ISO 8601, heure du lieu : 2026-11-27T10:00)")
    export.add_argument("file", metavar="FILE")

    perf = verbs.add_parser("performance", help="les séances")
    perf_verbs = perf.add_subparsers(dest="performance_verb")
    perf_verbs.add_parser("list", help="lister les séances")
    cancel = perf_verbs.add_parser(
        "cancel", help="annuler une séance et rembourser tous ses billets (reprend un passage "
                       "interrompu)")
    cancel.add_argument("performance_id", type=int, metavar="ID")
    cancel.add_argument("--policy", required=True, choices=POLICY_NAMES)
    cancel.add_argument("--supervisor", required=True, metavar="LOGIN")
    cancel.add_argument("--reason", default="", help="le motif de l'annulation")
    cancel.add_argument("--report", metavar="PDF", help="le rapport (par défaut : "
                        "remboursement-seance-ID.pdf)")


def dispatch(config: Config, args: argparse.Namespace) -> int | None:
    """The exit status, or None when the verb is not one of these."""
    from pos.core.errors import DomainError

    verbs = {("fees", "show"): _fees_show, ("fees", "import"): _fees_import,
             ("revocations", "export"): _revocations_export,
             ("performance", "list"): _performance_list,
             ("performance", "cancel"): _performance_cancel}
    sub = getattr(args, f"{args.verb}_verb", None) if args.verb else None
    if (args.verb, sub) not in verbs:
        return None
    database = _database(config)
    try:
        return verbs[(args.verb, sub)](config, database, args)
    except DomainError as exc:
        print(f"guichet : {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()


def _database(config: Config):
    from pos.core.db import Database

    return Database(config.database_url)


def _units(database):
    from pos.core.uow import UnitOfWork

    return lambda: UnitOfWork(database.sessions)


def _supervisor(config: Config, database, login: str, reason: str):
    """The station of a supervisor whose PIN was checked (journaled by ``approve``)."""
    from pos.core.clock import SystemClock
    from pos.core.services.approvals import approve
    from pos.core.services.station import ensure_station

    units, clock = _units(database), SystemClock()
    pin = os.environ.get("GUICHET_PIN") or getpass.getpass(f"Code PIN de {login} : ")
    place = {"counter": config.counter.name, "sales_point": config.counter.sales_point,
             "venue_name": config.counter.venue_name}
    with units() as uow:
        station = ensure_station(uow, operator=config.counter.operator, **place)
    with units() as uow:
        approve(uow, login=login, pin=pin, station=station, clock=clock, reason=reason)
    with units() as uow:
        return ensure_station(uow, operator=login, **place)


def _fees_show(config: Config, database, args) -> int:
    from pos.core.services.fee_rules import show

    with _units(database)() as uow:
        rules = show(uow)
    if args.json:
        json.dump(rules, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not rules:
        print("Aucune règle de frais : rien n'est retenu sur les remboursements.")
    for n, r in enumerate(rules, start=1):
        print(f"{n:>2}. {r['name']} : {r['fee']} ; {r['applies_to']}, demandé "
              f"{r['requested_by']}, tarif {r['tariff']}, catégorie {r['category']}, "
              f"{r['window']}")
    return 0


def _fees_import(config: Config, database, args) -> int:
    from pos.core.clock import SystemClock
    from pos.core.services.fee_rules import replace_rules, rules_from_toml

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        print(f"guichet : fichier illisible : {exc}", file=sys.stderr)
        return 1
    rules = rules_from_toml(text)  # checked before any PIN is asked
    station = _supervisor(config, database, args.supervisor, "Import des règles de frais")
    with _units(database)() as uow:
        count = replace_rules(uow, rules, station=station, clock=SystemClock(),
                              source=Path(args.file).name)
    print(f"{count} règles de frais importées.")
    return 0


def _revocations_export(config: Config, database, args) -> int:
    from pos.core.clock import SystemClock
    from pos.core.services.revocations import export, parse_since, revocations_since

    since = parse_since(args.since)
    with _units(database)() as uow:
        revoked = revocations_since(uow, since)
    written = export(revoked, Path(args.file), since=since, now=SystemClock().now())
    print(f"{len(revoked)} billets révoqués : " + ", ".join(str(p) for p in written))
    return 0


def _performance_list(config: Config, database, args) -> int:
    from sqlalchemy import select

    from pos.core.models import Event, Performance
    from pos.core.models_fees import PerformanceCancellation
    from pos.formatting import performance_date

    with _units(database)() as uow:
        rows = uow.session.execute(
            select(Performance.id, Event.name, Performance.starts_at,
                   PerformanceCancellation.cancelled_at)
            .join(Event, Event.id == Performance.event_id)
            .outerjoin(PerformanceCancellation,
                       PerformanceCancellation.performance_id == Performance.id)
            .order_by(Performance.starts_at)).all()
    for pid, name, starts_at, cancelled in rows:
        print(f"{pid:>6}  {performance_date(starts_at)}  {name}"
              + ("  (annulée)" if cancelled else ""))
    return 0


def _performance_cancel(config: Config, database, args) -> int:
    from pos.core.clock import SystemClock
    from pos.core.errors import PerformanceAlreadyCancelled
    from pos.core.services.bulk_refund import cancel_performance, run_bulk_refund
    from pos.core.services.bulk_refund_report import bulk_report
    from pos.devices.bulk_report_pdf import render_bulk_report

    units, clock = _units(database), SystemClock()
    station = _supervisor(config, database, args.supervisor,
                          f"Annulation de la séance {args.performance_id}")
    try:
        with units() as uow:
            cancel_performance(uow, args.performance_id, station=station, clock=clock,
                               reason=args.reason)
    except PerformanceAlreadyCancelled as already:
        print(f"{already.message} Reprise du remboursement.")
    stop = {"asked": False}

    def ask_stop(*_: object) -> None:
        stop["asked"] = True  # honoured between two orders: none is left half done
        print("\nArrêt demandé : fin après le dossier en cours.", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, ask_stop)
    try:
        run = run_bulk_refund(
            units, args.performance_id, args.policy, station=station, clock=clock,
            validity_days=config.refunds.credit_note_validity_days,
            progress=lambda done, total: print(f"\r{done}/{total} dossiers", end="",
                                               file=sys.stderr, flush=True),
            should_stop=lambda: stop["asked"])
    finally:
        signal.signal(signal.SIGINT, previous)
    with units() as uow:
        report = bulk_report(uow, args.performance_id, policy=args.policy, clock=clock,
                             venue=config.counter.venue_name, run=run)
    target = Path(args.report or f"remboursement-seance-{args.performance_id}.pdf")
    target.write_bytes(render_bulk_report(report))
    print(f"\n{len(run.refunded)} dossiers remboursés, {len(run.refused)} refusés"
          + (", interrompu (relancez la même commande pour reprendre)" if run.stopped else "")
          + f". Rapport : {target}")
    return 0 if not run.refused and not run.stopped else 3
