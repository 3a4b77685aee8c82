"""The ``guichet`` command: the window, and a few verbs for the database and orders."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence

from pos.config import Config, ConfigError, load_config


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guichet", description="Guichet : échange et annulation de billets au guichet."
    )
    parser.add_argument("--config", metavar="FILE", help="fichier de configuration TOML")
    verbs = parser.add_subparsers(dest="verb")
    verbs.add_parser("run", help="ouvrir la fenêtre (par défaut)")

    db = verbs.add_parser("db", help="la base de données").add_subparsers(dest="db_verb")
    init = db.add_parser("init", help="créer le schéma (et les données de démonstration)")
    init.add_argument("--demo", action="store_true", help="charger les données de démonstration")
    init.add_argument("--reset", action="store_true",
                      help="effacer toute la base d'abord (une démonstration neuve)")
    db.add_parser("upgrade", help="mettre le schéma à jour")
    role = db.add_parser("app-role", help="PostgreSQL : le rôle des guichets (sans UPDATE ni "
                         "DELETE sur le journal et les paiements)")
    role.add_argument("name", help="nom du rôle ; mot de passe : $GUICHET_APP_ROLE_PASSWORD")

    documents = verbs.add_parser("documents", help="les documents gardés").add_subparsers(
        dest="documents_verb")
    documents.add_parser("pending", help="les documents à envoyer par la poste ou à "
                                         "imprimer plus tard, les e-mails en échec")

    order = verbs.add_parser("order", help="les dossiers").add_subparsers(dest="order_verb")
    show = order.add_parser("show", help="afficher un dossier")
    show.add_argument("number", type=int)
    show.add_argument("--json", action="store_true", help="sortie JSON")
    from pos.cli_box_office import add_verbs

    add_verbs(verbs)  # fees, revocations, performance
    undo = order.add_parser("undo", help="annuler l'annulation d'un billet (du jour, ce guichet)")
    undo.add_argument("ticket")
    undo.add_argument("--supervisor", required=True, metavar="LOGIN", help="responsable")

    from pos import journal_commands

    journal_commands.add_parsers(verbs)

    from pos.cli_reports import add_parsers

    add_parsers(verbs)
    return parser


def _database(config: Config):
    from pos.core.db import Database

    return Database(config.database_url, busy_timeout_ms=config.database.busy_timeout_ms)


def cmd_db_init(config: Config, demo: bool, reset: bool = False) -> int:
    from pos.core.clock import SystemClock
    from pos.core.demo import DemoAlreadyLoaded, load_demo
    from pos.core.uow import UnitOfWork

    database = _database(config)
    if reset:
        from pos.core.reset import reset_database

        reset_database(database)
        print("Base effacée.")
    database.upgrade()
    print(f"Schéma à jour : {database.engine.url.render_as_string(hide_password=True)}")
    if demo:
        with UnitOfWork(database.sessions) as uow:
            try:
                load_demo(uow, SystemClock())
                print("Données de démonstration chargées (dossier 959 : AKOKA, Viviane).")
            except DemoAlreadyLoaded as exc:
                print(f"Données de démonstration non chargées : {exc}.")
    database.dispose()
    return 0


def cmd_db_upgrade(config: Config) -> int:
    database = _database(config)
    database.upgrade()
    print("Schéma à jour.")
    database.dispose()
    return 0


def cmd_db_app_role(config: Config, name: str) -> int:
    import os

    from pos.core.app_role import grant_app_role

    database = _database(config)
    if database.dialect != "postgresql":
        print("guichet : un rôle applicatif ne concerne que PostgreSQL.", file=sys.stderr)
        return 2
    with database.engine.begin() as conn:
        grant_app_role(conn, name, os.environ.get("GUICHET_APP_ROLE_PASSWORD"))
    database.dispose()
    print(f"Rôle {name} : lecture et écriture des guichets, journal et paiements "
          "en ajout seul.")


def cmd_documents_pending(config: Config) -> int:
    from pos.cli_mail import print_failed_mails, total_line
    from pos.core.services.deferred_prints import pending_documents
    from pos.core.services.failed_mail import failed_mails
    from pos.core.uow import UnitOfWork

    database = _database(config)
    try:
        with UnitOfWork(database.sessions) as uow:
            pending = pending_documents(uow)
            mails = failed_mails(uow)
    finally:
        database.dispose()
    words = {"post": "envoi postal", "later": "plus tard"}
    for job, why in pending:
        order = f"ordre {job.operation_number}" if job.operation_number else "-"
        print(f"{job.id:>6}  {words[why]:<12}  {order:<11}  {job.label or job.kind}")
    print_failed_mails(mails)
    print(total_line(len(pending), mails))
    return 0


def cmd_order_show(config: Config, number: int, as_json: bool) -> int:
    from pos.core.errors import DomainError
    from pos.core.services.order_history import order_history
    from pos.core.services.orders import order_summary
    from pos.core.uow import UnitOfWork

    database = _database(config)
    try:
        with UnitOfWork(database.sessions) as uow:
            summary = order_summary(uow, number)
            summary["operations"] = order_history(uow, number)
    except DomainError as exc:
        print(f"guichet : {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    if as_json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    state = "soldé" if summary["settled"] else "non soldé"
    print(f"Dossier {summary['number']} ({state}) - {summary['contact']['name']}")
    for t in summary["tickets"]:
        print(f"  {t['number']}  {t['state']:<10} {t['event']} {t['performance']}  "
              f"{t['area']} {t['seat']}  {t['category']} {t['tariff']}  {t['price']}")
    for p in summary["payments"]:
        print(f"  paiement {p['mode']:<17} {p['amount']:>10}  {p['at']}")
    print(f"  solde {summary['balance']}")
    for op in summary["operations"]:
        requested = {"public": "par le public", "organiser": "par l'organisateur"}.get(
            op["requested_by"], op["requested_by"])
        print(f"  ordre {op['number']}  {op['kind']} {op['state']:<9} {op['at']}  "
              f"{op['operator']}  demandé {requested}  cause : {op['cause'] or '-'}  "
              f"remboursé {op['refunded']}  payé {op['paid']}"
              + (f"  remarques : {op['remarks']}" if op["remarks"] else "")
              + (f"  papier repris : {', '.join(op['paper_returned'])}"
                 if op.get("paper_returned") else ""))
    return 0


def cmd_journal(config: Config, args: argparse.Namespace) -> int:
    from pos import journal_commands

    if args.journal_verb not in ("verify", "export"):
        _parser().parse_args(["journal", "--help"])
    if args.journal_verb == "verify" and args.file is not None:
        return journal_commands.verify(None, args.file)
    database = _database(config)
    try:
        if args.journal_verb == "verify":
            return journal_commands.verify(database, None)
        return journal_commands.export(database, args.first, args.last, args.file)
    finally:
        database.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `guichet order show 959 | head`
        sys.stderr.close()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"guichet : configuration refusée : {exc}", file=sys.stderr)
        return 2
    if args.verb == "db":
        if args.db_verb == "init":
            return cmd_db_init(config, args.demo, args.reset)
        if args.db_verb == "upgrade":
            return cmd_db_upgrade(config)
        if args.db_verb == "app-role":
            return cmd_db_app_role(config, args.name)
        _parser().parse_args(["db", "--help"])
    if args.verb == "report":
        if args.report_verb:
            from pos.cli_reports import cmd_report

            return cmd_report(config, args)
        _parser().parse_args(["report", "--help"])
    if args.verb == "documents":
        if args.documents_verb == "pending":
            return cmd_documents_pending(config)
        _parser().parse_args(["documents", "--help"])
    if args.verb == "order":
        if args.order_verb == "show":
            return cmd_order_show(config, args.number, args.json)
        if args.order_verb == "undo":
            from pos.cli_undo import cmd_order_undo

            return cmd_order_undo(config, args.ticket, args.supervisor)
        _parser().parse_args(["order", "--help"])
    if args.verb == "journal":
        return cmd_journal(config, args)
    from pos.cli_box_office import dispatch

    status = dispatch(config, args)
    if status is not None:
        return status
    if args.verb in ("fees", "revocations", "performance"):
        _parser().parse_args([args.verb, "--help"])
    # Start-up allocates a great deal and frees almost nothing (modules, ORM mappers, Qt
    # wrappers): the cyclic collector would walk it all again and again for nothing
    # (about a tenth of the import time). run_window turns it back on once the window is
    # shown, with what start-up built frozen out of its sight.
    gc.disable()
    from pos.ui.app import run_window

    return run_window(config)


if __name__ == "__main__":
    raise SystemExit(main())
