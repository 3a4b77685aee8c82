"""Taking many tickets back at once: a range of numbers, a typed or pasted list, or the
tickets of an order. The cashier first sees a report of every number (plain data), then
confirms; only the refundable tickets join the cancellation basket.

One query reads the tickets (``BETWEEN`` on the unique index for a range, ``IN`` for a
list), one reads the operations on hold that hold some of them, one the refunds of the
cancelled ones: no query per ticket. The refusals are those of a scan.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from pos.core.basket import BasketTicket, CancellationBasket
from pos.core.clock import Clock
from pos.core.errors import (  # noqa: F401 - their home is pos.core.errors
    AlreadyInBasket,
    ApprovalRequired,
    BatchTooLarge,
    DomainError,
    EmptyBatch,
    ListTooLarge,
    MalformedScan,
    RangeTooLarge,
    UnknownTicket,
)
from pos.core.i18n import _
from pos.core.models import TicketState
from pos.core.services.scanning import (
    parse_ticket_number,
    range_rows,
    refunds_of,
    row_refusal,
    row_snapshot,
    ticket_rows,
)
from pos.core.uow import UnitOfWork

MAX_BATCH = 500  # numbers in one range or list; beyond, the cashier splits it
# A confirmation re-reads the rows its report has just read: an unchanged row gives the
# snapshot already built (a snapshot is a pure function of its row, and immutable).
_snapshot = lru_cache(maxsize=2 * MAX_BATCH)(row_snapshot)
_SEPARATORS = re.compile(r"[\s,;]+")
_STATE_STATUS = {
    TicketState.CANCELLED: "refunded",
    TicketState.REPLACED: "replaced",
    TicketState.CHECKED_IN: "checked_in",
    TicketState.RESERVED: "reserved",
}


class TakeBackStatus(enum.Enum):
    REFUNDABLE = "refundable"  # joins the basket once the cashier confirms
    IN_BASKET = "in_basket"
    REFUNDED = "refunded"
    REPLACED = "replaced"
    CHECKED_IN = "checked_in"
    RESERVED = "reserved"  # unpaid reservation
    HELD = "held"  # in an operation put on hold
    PAST = "past"  # performance started
    UNKNOWN = "unknown"
    MALFORMED = "malformed"  # not a ticket number (lists only)
    DUPLICATE = "duplicate"  # given twice (lists only): taken once


class ReportLine(NamedTuple):
    """One number of a report. A named tuple rather than a frozen dataclass: a report
    has one line per number (1,000 for a confirmed range of 1,000), and a frozen
    dataclass's ``__init__`` costs three times as much, one ``object.__setattr__`` per
    field."""

    number: str  # the 11 digits, or what was read for a malformed entry
    status: TakeBackStatus
    message: str  # why it is refused, in French; "" when refundable
    order_number: int | None = None
    ticket: BasketTicket | None = None  # set when refundable
    needs_approval: bool = False  # refused, but a supervisor's approval would lift it


@dataclass(frozen=True)
class TakeBackReport:
    lines: tuple[ReportLine, ...]

    @cached_property  # asked several times of a 500-line report; its lines never change
    def refundable(self) -> tuple[BasketTicket, ...]:
        return tuple(line.ticket for line in self.lines
                     if line.status is TakeBackStatus.REFUNDABLE and line.ticket is not None)

    @property
    def refused(self) -> tuple[ReportLine, ...]:
        return tuple(line for line in self.lines if line.status not in (
            TakeBackStatus.REFUNDABLE, TakeBackStatus.DUPLICATE))

    def count(self, status: TakeBackStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)

    @property
    def approvable(self) -> tuple[ReportLine, ...]:
        """Checked in, or of a started performance: what a supervisor may allow."""
        return tuple(line for line in self.lines if line.needs_approval)


@dataclass(frozen=True)
class ParsedNumbers:
    numbers: tuple[str, ...]  # valid, first occurrence order, no duplicates
    malformed: tuple[str, ...]  # the entries as read
    duplicates: tuple[str, ...]


# --- reading what the cashier typed ------------------------------------------------------


def parse_range(first_raw: str, last_raw: str) -> tuple[str, str]:
    """The two ends of a range as 11-digit numbers, smallest first; refused beyond
    ``MAX_BATCH`` numbers."""
    first, last = parse_ticket_number(first_raw), parse_ticket_number(last_raw)
    if int(first) > int(last):
        first, last = last, first
    size = int(last) - int(first) + 1
    if size > MAX_BATCH:
        raise RangeTooLarge(size=size, limit=MAX_BATCH)
    return first, last


def parse_number_list(text: str) -> ParsedNumbers:
    """Numbers one per line, or separated by spaces, commas or semicolons."""
    numbers: list[str] = []
    seen: set[str] = set()
    malformed: list[str] = []
    duplicates: list[str] = []
    for token in _SEPARATORS.split(text):
        if not token:
            continue
        try:
            number = parse_ticket_number(token)
        except MalformedScan:
            malformed.append(_printable(token))
            continue
        if number in seen:
            duplicates.append(number)
        else:
            seen.add(number)
            numbers.append(number)
    if len(numbers) > MAX_BATCH:
        raise ListTooLarge(size=len(numbers), limit=MAX_BATCH)
    return ParsedNumbers(tuple(numbers), tuple(malformed), tuple(duplicates))


def _printable(token: str, shown: int = 24) -> str:
    text = "".join(c if c.isprintable() else "\ufffd" for c in token[:shown])
    return text + ("…" if len(token) > shown else "")


# --- the report --------------------------------------------------------------------------


def _classify(
    uow: UnitOfWork,
    numbers: Sequence[str],
    rows: Iterable[Any],
    basket: CancellationBasket,
    clock: Clock,
    approved_by: str = "",
) -> list[ReportLine]:
    """Each number's line, from the scan's plain columns read in one statement (holds
    included) and one more for the refunds of cancelled tickets. ``approved_by``: the
    supervisor who allowed the checked-in and past ones (``approvals.approve``)."""
    by_number = {r.number: r for r in rows}
    refunded = refunds_of(uow, [r.id for r in by_number.values()
                                if r.state is TicketState.CANCELLED])
    now = clock.now()
    in_basket = basket.numbers()  # once for the batch, not once per number
    valid, refundable = TicketState.VALID, TakeBackStatus.REFUNDABLE
    lines = []
    for number in numbers:
        row = by_number.get(number)
        if row is None:
            lines.append(ReportLine(number, TakeBackStatus.UNKNOWN,
                                    str(UnknownTicket(number=number))))
            continue
        order = row.order_number
        if number in in_basket:
            lines.append(ReportLine(number, TakeBackStatus.IN_BASKET,
                                    str(AlreadyInBasket(number=number)), order))
            continue
        # Most numbers of a range are paid tickets of a performance to come that no
        # operation on hold holds: exactly the case where row_refusal finds nothing,
        # tested here without its calls (1,000 of them for a range of 1,000).
        if row.state is valid and row.starts_at > now and row.held_by is None:
            lines.append(ReportLine(number, refundable, "", order, _snapshot(row)))
            continue
        # The same refusal as a scan (scanning.row_refusal), from facts read in bulk.
        refusal = row_refusal(row, now, refunded.get(row.id))
        lifted = refusal is not None and isinstance(refusal, ApprovalRequired) and \
            row_refusal(row, now, refunded.get(row.id), approved=True) is None
        if lifted and approved_by:
            lines.append(ReportLine(number, TakeBackStatus.REFUNDABLE, "", order,
                                    row_snapshot(row, approved_by)))
            continue
        if refusal:
            if row.state in _STATE_STATUS:
                status = TakeBackStatus(_STATE_STATUS[row.state])
            elif row.starts_at <= now:
                status = TakeBackStatus.PAST
            else:
                status = TakeBackStatus.HELD
            lines.append(ReportLine(number, status, str(refusal), order,
                                    needs_approval=lifted))
        else:
            lines.append(ReportLine(number, TakeBackStatus.REFUNDABLE, "", order,
                                    row_snapshot(row)))
    return lines


def tickets_report(
    uow: UnitOfWork, numbers: Sequence[str], basket: CancellationBasket, clock: Clock,
    approved_by: str = "",
) -> TakeBackReport:
    """The report for numbers already read (an order's tickets, a confirmed report)."""
    numbers = list(dict.fromkeys(numbers))
    if len(numbers) > MAX_BATCH:
        raise BatchTooLarge(size=len(numbers), limit=MAX_BATCH)
    rows = ticket_rows(uow, numbers, basket.held_operation_id)
    return TakeBackReport(tuple(_classify(uow, numbers, rows, basket, clock, approved_by)))


def range_report(
    uow: UnitOfWork, first_raw: str, last_raw: str, basket: CancellationBasket, clock: Clock
) -> TakeBackReport:
    """Every number from the first to the last ticket of a range, with its status."""
    first, last = parse_range(first_raw, last_raw)
    # Numbers are 11 digits, zero-padded: their text order is their numeric order,
    # so BETWEEN walks the unique index of tickets.number.
    rows = range_rows(uow, first, last, basket.held_operation_id)
    numbers = [f"{n:011d}" for n in range(int(first), int(last) + 1)]
    return TakeBackReport(tuple(_classify(uow, numbers, rows, basket, clock)))


def list_report(
    uow: UnitOfWork, text: str, basket: CancellationBasket, clock: Clock
) -> TakeBackReport:
    """The report of a typed or pasted list: its numbers, then what could not be read."""
    parsed = parse_number_list(text)
    if not parsed.numbers and not parsed.malformed:
        raise EmptyBatch()
    report = tickets_report(uow, parsed.numbers, basket, clock)
    extra = [ReportLine(n, TakeBackStatus.DUPLICATE,
                        _("Ticket {number} twice in the list: taken once.").format(number=n))
             for n in dict.fromkeys(parsed.duplicates)]
    extra += [ReportLine(raw, TakeBackStatus.MALFORMED,
                         str(MalformedScan(code=raw)))
              for raw in parsed.malformed]
    return TakeBackReport(report.lines + tuple(extra))


def take_refundable(
    uow: UnitOfWork, basket: CancellationBasket, numbers: Sequence[str], clock: Clock,
    approved_by: str = "",
) -> TakeBackReport:
    """Check the numbers again (things move between report and confirmation) and put
    the refundable tickets into the basket; the report says what joined and what not.
    ``approved_by``: a supervisor's login from ``approvals.approve``: the checked-in and
    past tickets join too (the settlement checks that supervisor again)."""
    report = tickets_report(uow, numbers, basket, clock, approved_by)
    basket.extend(report.refundable)
    return report
