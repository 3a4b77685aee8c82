"""A supervisor on the same screen: when the core refuses an action for want of a
supervisor (``SupervisorRequired``: a refund above the threshold, a reprint, a drawer
opened without a sale...), the approval dialog asks the supervisor's own code and PIN,
the core checks them (``approvals.approve``, journaled, counted towards the lockout)
and the action is tried again with the ``Approval``: the core records both identities.

Over another dialog (the print jobs, a take-back report) the approval opens on top of
it, so the cashier does not lose what they were doing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from pos.core.errors import DomainError, SupervisorRequired
from pos.core.services.approvals import approve
from pos.core.services.authorization import Approval
from pos.ui.common.modal import OneDialog
from pos.ui.counter.dialogs.supervisor_approval import SupervisorApprovalDialog
from pos.ui.counter.session import CounterSession


class SupervisorGate(QObject):
    def __init__(self, session: CounterSession, dialogs: OneDialog, window: QWidget) -> None:
        super().__init__(session)
        self.session, self.dialogs, self.window = session, dialogs, window

    def hook(self, then: Callable[[Approval], object]) -> Callable[[DomainError], bool]:
        """The ``refused`` hook of ``ops.run`` for an action that ``then`` retries."""
        def refused(exc: DomainError) -> bool:
            if not isinstance(exc, SupervisorRequired):
                return False
            self.session.say(exc.message, "error")
            self.ask(exc.message, str(exc.details.get("action_key", "")), then)
            return True
        return refused

    def ask(self, reason: str, action: str, then: Callable[[Approval], object]) -> None:
        over = self.dialogs.current
        dialog = SupervisorApprovalDialog(reason, over or self.window)

        def approved() -> None:
            s = self.session
            outcome = s.run(lambda uow: approve(
                uow, login=dialog.login.text(), pin=dialog.pin.text(), station=s.station,
                clock=s.clock, reason=action[:40]), what="approval")
            if outcome.ok:
                then(outcome.value)

        if over is None:
            self.dialogs.open(dialog, approved)
            return
        dialog.setWindowFlag(Qt.WindowType.Dialog)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(approved)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
