"""Taking tickets back in bulk (range, list, order detail) and finding contacts: the
intents of those dialogs, each one unit of work on the core, on the session's basket.
Widgets get plain data back, or the core's French refusal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from pos.core.uow import UnitOfWork
from pos.ui.common.ops import Outcome
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.services.take_back import TakeBackReport

# pos.core.services.take_back is imported by the first range, list or order taken back,
# or right after the window's first paint (pos.ui.app.AFTER_FIRST_PAINT).

T = TypeVar("T")


class TakeBackController(QObject):
    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session

    def _run(self, work: Callable[[UnitOfWork], T]) -> Outcome:
        """The dialog shows the refusal itself (``said=False``)."""
        return self.session.run(work, what="take back", said=False)

    # --- reports (nothing joins the basket yet) -----------------------------------------

    def range_report(self, first: str, last: str) -> Outcome:
        from pos.core.services.take_back import range_report

        ex = self.session
        return self._run(lambda uow: range_report(uow, first, last, ex.basket, ex.clock))

    def list_report(self, text: str) -> Outcome:
        from pos.core.services.take_back import list_report

        ex = self.session
        return self._run(lambda uow: list_report(uow, text, ex.basket, ex.clock))

    def order_detail(self, number_text: str) -> Outcome:
        text = number_text.strip()
        if not text.isascii() or not text.isdigit() or len(text) > 9:
            return Outcome(error=QCoreApplication.translate(
                "TakeBackController", "Type the number of an order (digits only)."))
        # Imported at the first order opened, not at start: its statements are built at
        # import (15-20 ms of the cold start) and the window starts on the scan field.
        from pos.core.services.order_detail import order_detail

        return self._run(lambda uow: order_detail(uow, int(text)))

    # --- into the basket ---------------------------------------------------------------

    def take(self, numbers: Sequence[str], approved_by: str = "") -> Outcome:
        """Check ``numbers`` again and put the refundable ones in the basket; the main
        window says how many joined and why the others did not. Those a supervisor may
        allow (checked in, performance over) are offered to one, once the report has
        closed: with their approval they join too (``approved_by``)."""
        from pos.core.services.take_back import take_refundable

        ex = self.session
        outcome = self._run(lambda uow: take_refundable(uow, ex.basket, list(numbers),
                                                        ex.clock, approved_by))
        if not outcome.ok:
            ex.say(outcome.error, "error")
            return outcome
        report: TakeBackReport = outcome.value
        added = len(report.refundable)
        refused = report.refused
        if added:
            ex.basket_changed()
        text = self.tr("%n ticket(s) added to the basket.", "", added)
        if refused:
            count = len(refused)
            text += " " + self.tr("%n refused:", "", count)
            text += " " + " ".join(line.message for line in refused[:3])
            if len(refused) > 3:
                text += " …"
        ex.say(text, "error" if refused else "info")
        approvable = [line.number for line in report.approvable]
        if approvable and not approved_by and ex.approvals is not None:
            count = len(approvable)
            why = self.tr("%n ticket(s) refused without a supervisor's approval.", "", count)
            QTimer.singleShot(0, lambda: ex.approvals.ask(
                why, "refund_checked_in",
                lambda approval: self.take(approvable, approval.supervisor_login)))
        return outcome


__all__ = ["Outcome", "TakeBackController"]
