"""``guichet journal verify`` and ``guichet journal export``: the journal checked from the
command line, in French, with an exit code a script can test (0: intact, 1: not)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.core.db import Database
    from pos.core.services.journal_audit import Report

KIND_WORDS = {
    "edited": "modifiée",
    "deleted": "supprimée",
    "inserted": "insérée",
    "reordered": "déplacée",
}
TABLE_WORDS = {
    "payments": "paiements",
    "credit_note_movements": "mouvements d'avoir",
    "contact_account_entries": "compte d'attente",
}


def add_parsers(verbs: argparse._SubParsersAction) -> None:
    journal = verbs.add_parser("journal", help="le journal inaltérable").add_subparsers(
        dest="journal_verb")
    verify = journal.add_parser("verify", help="vérifier la chaîne et les paiements")
    verify.add_argument("--file", metavar="FILE", type=Path,
                        help="vérifier un export (hors ligne) au lieu de la base")
    export = journal.add_parser("export", help="exporter une période avec son manifeste")
    export.add_argument("--from", dest="first", required=True, type=date.fromisoformat,
                        metavar="AAAA-MM-JJ")
    export.add_argument("--to", dest="last", required=True, type=date.fromisoformat,
                        metavar="AAAA-MM-JJ")
    export.add_argument("file", metavar="FILE", type=Path)


def print_report(report: Report) -> int:
    for f in report.findings:
        where = f"écriture n° {f.seq} du guichet {f.counter_id}" if f.counter_id else "manifeste"
        ident = f" (id {f.entry_id})" if f.entry_id is not None else ""
        print(f"guichet : journal altéré : {where}{ident} {KIND_WORDS.get(f.kind, f.kind)}"
              f"{' : ' + f.detail if f.detail else ''}", file=sys.stderr)
    for m in report.mismatches:
        print(f"guichet : {TABLE_WORDS[m.table]} non conformes au journal : {m.key} : "
              f"{m.in_table[0]} ligne(s), {m.in_table[1]} centimes dans la table ; "
              f"{m.in_journal[0]} écriture(s), {m.in_journal[1]} centimes au journal",
              file=sys.stderr)
    if report.ok:
        print(f"Journal intact : {report.entries} écritures, {report.counters} guichet(s).")
        return 0
    return 1


def verify(database: Database | None, file: Path | None) -> int:
    from pos.core.services.journal_audit import verify_database, verify_export
    from pos.core.uow import UnitOfWork

    if file is not None:
        try:
            return print_report(verify_export(file))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"guichet : export illisible : {file} : {exc}", file=sys.stderr)
            return 1
    assert database is not None
    with UnitOfWork(database.sessions) as uow:
        return print_report(verify_database(uow))


def export(database: Database, first: date, last: date, file: Path) -> int:
    from pos.core.services.journal_audit import export_period
    from pos.core.uow import UnitOfWork

    if last < first:
        print("guichet : --to précède --from.", file=sys.stderr)
        return 2
    with UnitOfWork(database.sessions) as uow:
        manifest = export_period(uow, first, last, file)
    heads = ", ".join(f"guichet {c} : n° {i['first_seq']}-{i['last_seq']} tête {i['head'][:12]}"
                      for c, i in manifest["counters"].items()) or "aucune écriture"
    print(f"Export {file} : {manifest['entries']} écritures, {manifest['payments']} paiements "
          f"({heads}).")
    return 0
