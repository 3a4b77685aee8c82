"""What the cash session prints and files, in French like every customer document: the
opening and movement slips, the X and Z reports, the refunds-and-exchanges report."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from pos.core import denominations
from pos.core.documents import Columns, Document, Feed, Heading, Separator, Text
from pos.core.models import PaymentMode
from pos.core.models_cash import CashMovementKind
from pos.core.receipts import MODE_LABELS
from pos.core.reports import Report, Table, to_csv, to_document
from pos.core.services.cash_reports import KindLine, PeriodReport, SessionReport
from pos.core.services.station import Station
from pos.formatting import local, money, timestamp

KIND_LABELS = {"refund": "Remboursement", "exchange": "Échange"}
MOVEMENT_LABELS = {"in": "Entrée", "out": "Sortie"}


def mode_label(mode: str) -> str:
    return MODE_LABELS[PaymentMode(mode)] if mode else "Sans paiement"


def opening_slip(station: Station, session_id: int, amount: Decimal,
                 count: dict[int, int], at: datetime) -> Document:
    return Document(kind="cash_opening", blocks=(
        Heading(station.venue_name or "Guichet"),
        Text("OUVERTURE DE CAISSE", bold=True, align="center"),
        Text(f"{station.counter_name} - session {session_id}", align="center"),
        Text(timestamp(at), align="center"), Separator(),
        *(Columns(f"{pieces} x {denominations.label(cents)}", money(
            Decimal(cents * pieces) / 100)) for cents, pieces in count.items()),
        Separator(), Columns("Fond de caisse", money(amount), bold=True),
        Text(f"Opérateur : {station.operator_login}"), Feed(2)))


def movement_slip(station: Station, kind: CashMovementKind, amount: Decimal, reason: str,
                  expected: Decimal, at: datetime) -> Document:
    title = "ENTRÉE D'ESPÈCES" if kind is CashMovementKind.IN else "SORTIE D'ESPÈCES"
    return Document(kind="cash_movement", blocks=(
        Heading(station.venue_name or "Guichet"),
        Text(title, bold=True, align="center"), Text(timestamp(at), align="center"),
        Separator(), Columns("Montant", money(amount), bold=True), Text(f"Motif : {reason}"),
        Columns("Attendu en caisse", money(expected)),
        Text(f"Opérateur : {station.operator_login}"), Text(station.counter_name), Feed(2)))


def _number(value: int | None) -> str:
    return str(value) if value is not None else "-"


def _breakdown_tables(by_mode: tuple[KindLine, ...],
                      by_cause: tuple[KindLine, ...]) -> tuple[Table, Table]:
    return (
        Table("Remboursements et échanges par mode", ("Type", "Mode", "Opérations", "Montant"),
              tuple((KIND_LABELS[ln.kind], mode_label(ln.key), str(ln.operations),
                     money(ln.amount)) for ln in by_mode)),
        Table("Remboursements et échanges par cause", ("Type", "Cause", "Opérations", "Montant"),
              tuple((KIND_LABELS[ln.kind], ln.key or "(sans cause)", str(ln.operations),
                     money(ln.amount)) for ln in by_cause)))


def session_report_view(r: SessionReport, venue: str = "") -> Report:
    """The X or Z report's cells."""
    title = (f"RAPPORT Z - CLÔTURE DE CAISSE n° {r.session_id}" if r.closed
             else f"RAPPORT X - LECTURE DE CAISSE n° {r.session_id} (sans clôture)")
    facts: list[tuple[str, str]] = [
        ("Guichet", r.counter),
        ("Ouverture", f"{timestamp(r.opened_at)} par {r.opened_by}"),
        ("Clôture", f"{timestamp(r.closed_at)} par {r.closed_by}") if r.closed_at
        else ("Édité le", timestamp(r.made_at)),
        ("Fond de caisse", money(r.float_amount)),
        ("Espèces encaissées", money(r.cash.taken)),
        ("Espèces rendues", money(r.cash.given)),
        ("Entrées d'espèces", money(r.cash_in)),
        ("Sorties d'espèces", money(r.cash_out)),
        ("Attendu en caisse", money(r.expected)),
    ]
    if r.counted is not None:
        facts += [("Compté", money(r.counted)), ("Écart", money(r.difference or Decimal(0)))]
        if r.approved_by:
            facts.append(("Écart approuvé par", r.approved_by))
    if r.expected_from_rows != r.expected:
        facts.append(("CONTRÔLE : écritures", f"{money(r.expected_from_rows)} (différent)"))
    facts += [
        ("Opérations", str(r.operations)),
        ("Première opération", _number(r.first_number)),
        ("Dernière opération", _number(r.last_number)),
        ("Grand total perpétuel", money(r.grand_total)),
        ("Tête de chaîne du journal", r.chain_head or "-"),
    ]
    modes = Table("Totaux par mode de paiement", ("Mode", "Encaissé", "Rendu", "Net"),
                  tuple((mode_label(m.mode), money(m.taken), money(m.given), money(m.net))
                        for m in r.modes))
    movements = Table("Mouvements d'espèces", ("Heure", "Type", "Motif", "Opérateur", "Montant"),
                      tuple((local(m.at).strftime("%H:%M"), MOVEMENT_LABELS[m.kind], m.reason,
                             m.operator, money(m.amount)) for m in r.movements))
    return Report(title, tuple(facts), (modes, *_breakdown_tables(r.lines.by_mode,
                                                                  r.lines.by_cause), movements),
                  heading=venue)


def z_document(r: SessionReport, venue: str = "") -> Document:
    """The report for the receipt printer (Z at the close, X on demand)."""
    return to_document(session_report_view(r, venue), "z_report" if r.closed else "x_report")


def period_report_view(r: PeriodReport, venue: str = "") -> Report:
    last_day = local(r.end) - timedelta(days=1)
    facts = (("Période", f"du {local(r.start):%d.%m.%Y} au {last_day:%d.%m.%Y}"),
             ("Opérations", str(sum(ln.operations for ln in r.lines.by_cause))))
    return Report("REMBOURSEMENTS ET ÉCHANGES", facts,
                  _breakdown_tables(r.lines.by_mode, r.lines.by_cause), heading=venue)


def _plain_amount(amount: Decimal) -> str:
    """For a spreadsheet: ``-110,00`` (decimal comma, no thousands separator, no sign €)."""
    return f"{amount:.2f}".replace(".", ",")


def period_csv(r: PeriodReport) -> str:
    """The period's two breakdowns in one CSV (``Par`` says which), for a spreadsheet."""
    rows = tuple(("mode", KIND_LABELS[ln.kind], mode_label(ln.key), str(ln.operations),
                  _plain_amount(ln.amount)) for ln in r.lines.by_mode)
    rows += tuple(("cause", KIND_LABELS[ln.kind], ln.key or "(sans cause)", str(ln.operations),
                   _plain_amount(ln.amount)) for ln in r.lines.by_cause)
    return to_csv(Table("", ("Par", "Type", "Mode ou cause", "Opérations", "Montant (EUR)"),
                        rows))
