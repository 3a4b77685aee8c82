""""Annuler l'annulation": a supervisor's login and PIN checked, then the refund or
exchange of the ticket undone, in two units of work (the approval is journaled even
when the undo is refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from pos.core.services.approvals import approve
from pos.ui.common import ops
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.services.undo_cancellation import UndoResult


class UndoController(QObject):
    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session

    def undo(self, number: str, login: str, pin: str) -> ops.Outcome[UndoResult]:
        """The outcome: its ``error`` is shown in the dialog, which stays open."""
        # Imported at the first undo, not at start (~8 ms with its checks): a supervisor's
        # occasional task; the window imports it after its first paint (pos.ui.app.WarmUp).
        from pos.core.services.undo_cancellation import undo_cancellation

        s = self.session
        reason = QCoreApplication.translate("UndoController", "Undo the cancellation of %1") \
            .replace("%1", number.strip())
        approval = s.run(lambda uow: approve(uow, login=login, pin=pin, station=s.station,
                                             clock=s.clock, reason=reason),
                         what="undo approval", said=False)
        if not approval.ok:
            return ops.Outcome(error=approval.error)
        outcome = s.run(lambda uow: undo_cancellation(uow, number, approval.value,
                                                      s.station, s.clock),
                        what="undo", said=False)
        if outcome.ok:
            result = outcome.value
            s.print_queue.wake()  # the receipt was committed with the undo
            s.refresh_operation_number()
            text = QCoreApplication.translate(
                "UndoController", "Operation %1 undone by operation %2: %3 valid again.")
            s.say(text.replace("%1", str(result.undone_number))
                  .replace("%2", str(result.operation_number))
                  .replace("%3", ", ".join(result.reactivated)), "info")
        return outcome
