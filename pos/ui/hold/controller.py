"""Put the basket on hold (METTRE EN ATTENTE), bring a held operation back (its slip's
barcode, one of its tickets, or the list), abandon the operation (ABANDONNER ORDRE).
One unit of work per intent; what the window shows goes through the session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from pos.ui.counter.session import CounterSession

# The hold services (with the hold slip and the seat holds, ~20 ms) are imported where
# they are used, not at start: the window imports them after its first paint
# (pos.ui.app.WarmUp), and a method called before that imports them itself.
if TYPE_CHECKING:
    from pos.core.services.held_operations import HeldOperation, ResumedOperation
    from pos.core.services.holds import HoldResult


def _failure() -> str:
    return QCoreApplication.translate(
        "OperationController",
        "The operation could not be recorded: nothing was changed. Try again.")


class HoldController(QObject):
    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self._held: tuple[int, int] | None = None  # (id, number) of the resumed operation

    @property
    def basket(self):
        return self.session.basket

    @property
    def held_number(self) -> int | None:
        """The number of the held operation in the basket, if it is one."""
        held_id = self.basket.held_operation_id
        return self._held[1] if self._held and held_id == self._held[0] else None

    def _busy(self) -> None:
        self.session.say(QCoreApplication.translate(
            "OperationController",
            "An operation is in progress: put it on hold or abandon it before resuming another one."
        ), "error")

    # --- hold ---------------------------------------------------------------------

    def hold(self) -> HoldResult | None:
        from pos.core.services.holds import hold_basket

        s = self.session
        sale = s.sale if len(s.sale) else None  # both sides are held, with their seats
        outcome = s.run(lambda uow: hold_basket(uow, self.basket, s.station, s.clock,
                                                notes=s.notes, sale=sale,
                                                seat_minutes=s.hold_seat_minutes,
                                                idempotency_key=s.settlement_key("hold")),
                        what="hold", failure=_failure())
        if not outcome.ok:
            return None
        result = outcome.value
        self.basket.clear()
        s.print_queue.wake()  # the slip's job was committed with the hold
        s.basket_changed()  # the sale controller empties the sale with the basket
        s.sig_notes.emit(None)
        s.say(QCoreApplication.translate(
            "OperationController", "Operation %1 put on hold: its slip is printing.")
            .replace("%1", str(result.operation_number)), "info")
        s.refresh_operation_number()
        return result

    # --- resume -------------------------------------------------------------------

    def intercept_scan(self, raw: str) -> bool:
        """A scan interceptor of the counter: True when the scan was a hold slip or a
        ticket of a held operation (resumed into the empty basket, or refused)."""
        from pos.core.services.held_operations import (
            SLIP_BARCODE,
            find_held_operation,
            resume_operation,
        )

        slip = SLIP_BARCODE.fullmatch(raw.strip().upper()) is not None
        if self.basket.tickets or self.basket.held_operation_id is not None:
            if slip:
                self._busy()
            return slip  # a held ticket is refused by the scan itself
        s = self.session

        def find_and_resume(uow) -> ResumedOperation | None:
            operation_id = find_held_operation(uow, raw, s.station)
            if operation_id is None:
                return None
            return resume_operation(uow, operation_id, s.station, s.clock,
                                    seat_minutes=s.hold_seat_minutes)

        outcome = s.run(find_and_resume, what="resume by scan", failure=_failure())
        if not outcome.ok:
            return True
        if outcome.value is None:
            return False
        self._load(outcome.value)
        return True

    def held_list(self) -> list[HeldOperation] | None:
        from pos.core.services.held_operations import held_operations

        outcome = self.session.run(held_operations, what="held list", failure=_failure())
        return outcome.value if outcome.ok else None

    def resume(self, operation_id: int) -> bool:
        if self.basket.tickets or self.basket.held_operation_id is not None:
            self._busy()
            return False
        from pos.core.services.held_operations import resume_operation

        s = self.session
        outcome = s.run(lambda uow: resume_operation(uow, operation_id, s.station, s.clock,
                                                     seat_minutes=s.hold_seat_minutes),
                        what="resume", failure=_failure())
        if outcome.ok:
            self._load(outcome.value)
        return outcome.ok

    def _load(self, resumed: ResumedOperation) -> None:
        basket = self.basket
        basket.clear()
        basket.tickets.extend(resumed.tickets)
        basket.refund_fees = resumed.refund_fees
        basket.held_operation_id = resumed.operation_id
        self._held = (resumed.operation_id, resumed.operation_number)
        s = self.session
        s.basket_changed()
        if resumed.sale is not None and basket.tickets:  # after the basket: it binds the sale
            s.sale.clear()
            s.sale.bind(resumed.sale.order_id, resumed.sale.order_number,
                        resumed.sale.contact_id, resumed.sale.contact_name)
            s.sale.add_tickets(resumed.sale.tickets)
            for product in resumed.sale.products:
                s.sale.add_product(product)
            s.sale_changed()
        s.sig_notes.emit(resumed.notes)
        s.sig_operation_number.emit(resumed.operation_number)
        count = len(resumed.tickets)
        text = self.tr("Operation %1 resumed: %n ticket(s).", "", count)
        said = (text.replace("%1", str(resumed.operation_number)), *resumed.dropped,
                *resumed.seats_changed)
        s.say(" ".join(said), "error" if resumed.dropped or resumed.seats_changed else "info")

    # --- abandon ------------------------------------------------------------------

    def abandon(self) -> bool:
        """ABANDONNER ORDRE: a held operation is marked abandoned (its number stays
        used); an operation never held is dropped, nothing having been recorded. What
        was sold in exchange goes with it."""
        s = self.session
        if self.basket.held_operation_id is not None:
            return self._abandon_held()
        self.basket.clear()
        if len(s.sale):
            s.sale.clear()
            s.sale_changed()
        s.basket_changed()
        s.sig_notes.emit(None)
        s.say(QCoreApplication.translate(
            "ExchangeController", "Operation abandoned: nothing was changed."), "info")
        return True

    def _abandon_held(self) -> bool:
        from pos.core.services.holds import abandon_held

        s = self.session
        outcome = s.run(lambda uow: abandon_held(uow, self.basket.held_operation_id,
                                                 s.station, s.clock,
                                                 idempotency_key=s.settlement_key("abandon")),
                        what="abandon", failure=_failure())
        if not outcome.ok:
            return False
        self.basket.clear()
        if len(s.sale):
            s.sale.clear()
            s.sale_changed()
        s.basket_changed()
        s.sig_notes.emit(None)
        s.say(QCoreApplication.translate(
            "OperationController", "Operation %1 abandoned: its tickets are free again.")
            .replace("%1", str(outcome.value)), "info")
        s.refresh_operation_number()
        return True
