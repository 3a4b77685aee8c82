"""``guichet order undo TICKET --supervisor LOGIN``: "annuler l'annulation" from the
command line, at the configured counter (the PIN is asked, or read from
``$GUICHET_SUPERVISOR_PIN`` for scripts)."""

from __future__ import annotations

import getpass
import os
import sys

from pos.config import Config


def cmd_order_undo(config: Config, ticket: str, supervisor: str) -> int:
    from pos.core.clock import SystemClock
    from pos.core.db import Database
    from pos.core.errors import DomainError
    from pos.core.services.approvals import approve
    from pos.core.services.station import ensure_station
    from pos.core.services.undo_cancellation import undo_cancellation
    from pos.core.uow import UnitOfWork
    from pos.formatting import money

    # $GUICHET_PIN as the other supervisor verbs (guichet performance cancel); the first name kept
    pin = (os.environ.get("GUICHET_PIN") or os.environ.get("GUICHET_SUPERVISOR_PIN")
           or getpass.getpass("PIN : "))
    database, clock = Database(config.database_url), SystemClock()
    try:
        with UnitOfWork(database.sessions) as uow:
            c = config.counter
            place = {"counter": c.name, "sales_point": c.sales_point,
                     "venue_name": c.venue_name}
            station = ensure_station(uow, **place)  # nobody logged in until the PIN is checked
        with UnitOfWork(database.sessions) as uow:
            approval = approve(uow, login=supervisor, pin=pin, station=station, clock=clock,
                               reason=f"Annuler l'annulation de {ticket}")
        with UnitOfWork(database.sessions) as uow:  # the supervisor acts, at this counter
            station = ensure_station(uow, operator=approval.supervisor_login, **place)
        with UnitOfWork(database.sessions) as uow:
            result = undo_cancellation(uow, ticket, approval, station, clock)
    except DomainError as exc:
        print(f"guichet : {exc.message}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Ordre {result.undone_number} annulé par l'ordre {result.operation_number} : "
          f"{', '.join(result.reactivated)} de nouveau valable(s)"
          + (f", {', '.join(result.cancelled)} annulé(s)" if result.cancelled else "") + ".")
    for r in result.reversals:
        print(f"  {r.mode.value:<17} {money(r.amount)}")
    return 0
