"""Opening the cash drawer without a sale ("no sale"): only with a reason, always in
the journal, and through a print job written in the same transaction, so the drawer
opens for a committed event and nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from pos.core import journal
from pos.core.clock import Clock
from pos.core.device_documents import no_sale_slip
from pos.core.errors import (
    NoSaleReasonTooLong,
    NoSaleRefused,  # noqa: F401 - their home is pos.core.errors
)
from pos.core.services.authorization import Approval, require_supervisor
from pos.core.services.print_jobs import enqueue
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

MAX_REASON = 200


@dataclass(frozen=True)
class NoSaleResult:
    journal_entry_id: int
    print_job_ids: tuple[int, ...]


def open_drawer_no_sale(uow: UnitOfWork, station: Station, reason: str,
                        clock: Clock, approval: Approval | None = None) -> NoSaleResult:
    """A supervisor allows it (``approval``, unless the operator is one)."""
    uow.begin_write()
    reason = " ".join(reason.split())
    if not reason:
        raise NoSaleRefused()
    if len(reason) > MAX_REASON:
        raise NoSaleReasonTooLong(limit=MAX_REASON)
    s = uow.session
    now = clock.now()
    approver = require_supervisor(uow, approval, operator_id=station.operator_id,
                                  action="no_sale", now=now)
    entry = journal.append(s, at=now, action="drawer.no_sale", counter_id=station.counter_id,
                           operator_id=station.operator_id, operator=station.operator_login,
                           reason=reason, approved_by=approver.login,
                           approved_by_id=approver.id)
    slip = no_sale_slip(venue=station.venue_name, counter=station.counter_name,
                        operator=station.operator_login, reason=reason, at=now)
    job_ids = enqueue(s, station.counter_id, None, [slip], True, now,
                      operator_id=station.operator_id)
    uow.commit()
    return NoSaleResult(journal_entry_id=entry, print_job_ids=job_ids)


def record_drawer_test(uow: UnitOfWork, station: Station, clock: Clock, device: str,
                       approval: Approval | None = None) -> int:
    """The settings dialog's "Ouvrir le tiroir": journalled like any opening without sale
    (before the kick is sent), and allowed by a supervisor like one. Returns the journal
    entry's id."""
    uow.begin_write()
    now = clock.now()
    approver = require_supervisor(uow, approval, operator_id=station.operator_id,
                                  action="no_sale", now=now)
    entry = journal.append(uow.session, at=now, action="drawer.no_sale",
                           counter_id=station.counter_id, operator_id=station.operator_id,
                           operator=station.operator_login,
                           reason="Essai du tiroir (réglages des périphériques)", device=device,
                           approved_by=approver.login, approved_by_id=approver.id)
    uow.commit()
    return entry
