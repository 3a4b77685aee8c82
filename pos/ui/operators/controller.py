"""Who works at the counter: log-in with code and PIN, log-out, switching operators,
unlocking an account (administrators). The station the features settle with is the
session's, replaced at each log-in (``CounterSession.set_station``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from pos.core.services.operators import Identity, log_in, log_out, unlock_operator
from pos.ui.common.ops import Outcome
from pos.ui.counter.session import CounterSession


class OperatorsController(QObject):
    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session

    @property
    def logged_in(self) -> bool:
        return bool(self.session.station.operator_id)

    def log_in(self, code: str, pin: str) -> Outcome:
        """The dialog shows a refusal itself (wrong PIN, account locked)."""
        s = self.session
        outcome = s.run(lambda uow: log_in(uow, code, pin, counter_id=s.station.counter_id,
                                           clock=s.clock), what="log-in", said=False)
        if outcome.ok:
            self.start(outcome.value)
        return outcome

    def start(self, who: Identity) -> None:
        s = self.session
        s.set_station(s.station.logged_in(who))
        s.say(self.tr("%1 logged in.").replace("%1", who.name or who.login), "info")

    def log_out(self) -> None:
        s = self.session
        if not self.logged_in:
            return
        station = s.station
        s.run(lambda uow: log_out(uow, operator_id=station.operator_id,
                                  counter_id=station.counter_id, clock=s.clock),
              what="log-out")
        s.set_station(station.logged_out())

    def unlock(self, code: str) -> Outcome:
        s = self.session
        outcome = s.run(lambda uow: unlock_operator(
            uow, code, by_operator_id=s.station.operator_id,
            counter_id=s.station.counter_id, clock=s.clock), what="unlock", said=False)
        if outcome.ok:
            s.say(self.tr("Account %1 unlocked.").replace("%1", outcome.value.login), "info")
        return outcome
