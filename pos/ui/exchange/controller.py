"""The sale side of an exchange, for the window: what the product bar adds to the
"ÉCHANGÉ (PAR CONTACT)" basket (``self.sale``).

The sale basket itself is the session's (``session.sale``): the totals, the refund
buttons and the documents follow it. Each intent is one unit of work calling
pos.core.services.exchange / catalog / seats; a refusal (sold out, stock, benefit, seat
taken) is said in the message line and kept in ``last_error`` for the open dialog.
Reading offers (events, categories, tariffs, products, seats) goes through here too,
so that no widget touches a unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject

from pos import formatting
from pos.core.exchange_basket import ExchangeBasket, ExchangeTotals, SaleProduct, SaleTicket
from pos.core.models_catalog import ProductKind
from pos.core.money import ZERO
from pos.core.uow import UnitOfWork
from pos.ui.counter.session import CounterSession

if TYPE_CHECKING:
    from pos.core.services.catalog import (
        CategoryOffer,
        EventHit,
        PerformanceOffer,
        ProductOffer,
        TariffOffer,
    )
    from pos.core.services.seats import SeatInfo

# The offers (pos.core.services.catalog, exchange_offers, seats) are read when a dialog
# asks for them; their modules are imported then, or right after the window's first
# paint (pos.ui.app.AFTER_FIRST_PAINT).

log = logging.getLogger(__name__)
T = TypeVar("T")


def _exchange():
    """``pos.core.services.exchange``, imported at the first ticket or product added to
    an exchange, not at start: with the settlement it re-exports it is ~20 ms of a cold
    start, and the window opens on the scan field."""
    from pos.core.services import exchange

    return exchange


class SaleController(QObject):
    def __init__(self, session: CounterSession, parent: QObject | None = None) -> None:
        super().__init__(parent or session)
        self.session = session
        self.last_error = ""
        session.sig_basket_changed.connect(self._basket_changed)

    @property
    def sale(self) -> ExchangeBasket:
        return self.session.sale

    @property
    def sig_sale_changed(self):
        """The session's: whoever changes the sale basket says so there."""
        return self.session.sig_sale_changed

    # --- figures -------------------------------------------------------------------------

    def totals(self) -> ExchangeTotals:
        return self.session.totals()

    # --- running core calls ----------------------------------------------------------------

    def _run(self, work: Callable[[UnitOfWork], T], what: str) -> T | None:
        """One unit of work; a refusal is said (message line, ``last_error``) -> None."""
        outcome = self.session.run(work, what=what, failure=QCoreApplication.translate(
            "ExchangeUiController",
            "The exchange could not be updated: nothing was changed. Try again."))
        self.last_error = outcome.error
        return outcome.value if outcome.ok else None

    def _ticket_ids(self) -> list[int]:
        return [t.ticket_id for t in self.session.basket.tickets]

    # --- offers (reading) ------------------------------------------------------------------

    def search_events(self, text: str) -> list[EventHit]:
        from pos.core.services import catalog

        clock = self.session.clock
        return self._run(lambda uow: catalog.search_events(uow, text, clock), "search") or []

    def performances(self, event_id: int) -> list[PerformanceOffer]:
        from pos.core.services import catalog

        clock = self.session.clock
        return self._run(lambda uow: catalog.performances(uow, event_id, clock),
                         "performances") or []

    def categories(self, performance_id: int) -> list[CategoryOffer]:
        """With the free seats of each: those the basket releases count, those the sale
        basket already gives do not."""
        from pos.core.services import catalog
        from pos.core.services.exchange_offers import seat_context

        def work(uow: UnitOfWork) -> list[CategoryOffer]:
            released, taken = seat_context(uow, self._ticket_ids(), self.sale, performance_id)
            return catalog.categories(uow, performance_id, released, taken)

        return self._run(work, "categories") or []

    def tariffs(self, performance_id: int, category_id: int) -> list[TariffOffer]:
        from pos.core.services import catalog

        return self._run(lambda uow: catalog.tariffs(uow, performance_id, category_id),
                         "tariffs") or []

    def free_seats(self, performance_id: int, category_id: int) -> list[SeatInfo]:
        from pos.core.services.exchange_offers import seat_context
        from pos.core.services.seats import free_seats

        def work(uow: UnitOfWork) -> list[SeatInfo]:
            released, taken = seat_context(uow, self._ticket_ids(), self.sale, performance_id)
            return free_seats(uow, performance_id, category_id, released, taken)

        return self._run(work, "free seats") or []

    def auto_exchange_tariffs(self, numbers: list[str] | None = None) -> list[TariffOffer]:
        from pos.core.services.exchange_offers import auto_exchange_tariffs

        ids = [t.ticket_id for t in self.session.basket.tickets
               if numbers is None or t.number in numbers]
        return self._run(lambda uow: auto_exchange_tariffs(uow, ids), "tariffs") or []

    def products(self, kind: ProductKind | None = None) -> list[ProductOffer]:
        from pos.core.services import catalog

        return self._run(lambda uow: catalog.products(uow, kind), "products") or []

    # --- intents -------------------------------------------------------------------------

    def add_event_tickets(self, *, performance_id: int, category_id: int, tariff_id: int,
                          quantity: int = 1,
                          seat_ids: list[int] | None = None) -> list[SaleTicket] | None:
        """ÉVÉNEMENT: best seats (adjacent first) or the seats chosen."""
        c = self.session
        added = self._run(lambda uow: _exchange().event_tickets(
            uow, self.sale, c.basket, c.clock, performance_id=performance_id,
            category_id=category_id, tariff_id=tariff_id, quantity=quantity,
            seat_ids=seat_ids), "event tickets")
        if added is not None:
            self._added(added)
        return added

    def auto_exchange(self, tariff_id: int,
                      numbers: list[str] | None = None) -> list[SaleTicket] | None:
        """AUTO-ÉCHANGE: the basket's tickets (all, or ``numbers``) at another tariff."""
        c = self.session
        added = self._run(lambda uow: _exchange().auto_exchange(
            uow, self.sale, c.basket, c.clock, tariff_id=tariff_id, numbers=numbers),
            "auto-exchange")
        if added is not None:
            self._added(added)
        return added

    def add_product(self, product_id: int, quantity: int = 1) -> SaleProduct | None:
        """ABONNEMENT, PACKAGES, AUTRES PRODUITS, AVANTAGES."""
        c = self.session
        line = self._run(lambda uow: _exchange().add_product(
            uow, self.sale, c.basket, c.clock, product_id=product_id, quantity=quantity),
            "product")
        if line is not None:
            self.sig_sale_changed.emit()
            text = QCoreApplication.translate("ExchangeUiController",
                                              "%1 x %2 added to the exchange: %3")
            c.say(text.replace("%1", str(line.quantity)).replace("%2", line.name)
                               .replace("%3", formatting.money(line.amount)), "info")
        return line

    def remove_sale_lines(self, ids: Iterable[int]) -> None:
        gone = set(ids)
        if gone:
            self.sale.remove(gone)
            self.sig_sale_changed.emit()

    def clear(self) -> None:
        """ABANDONNER ORDRE: nothing sold any more."""
        self.sale.clear()
        self.sig_sale_changed.emit()

    # --- reacting ------------------------------------------------------------------------

    def _added(self, tickets: list[SaleTicket]) -> None:
        self.sig_sale_changed.emit()
        amount = sum((t.amount for t in tickets), ZERO)
        count = len(tickets)
        text = self.tr("%n ticket(s) added to the exchange: %1", "", count)
        self.session.say(text.replace("%1", formatting.money(amount)), "info")

    def _basket_changed(self) -> None:
        """What is sold belongs to the cancellation basket's contact: an emptied basket
        (hold, abandon, every ticket removed) empties it; a ticket removed takes its
        auto-exchanged replacement with it."""
        if not self.sale:
            return
        basket = self.session.basket
        if not basket.tickets:
            self.clear()
            return
        present = {t.ticket_id for t in basket.tickets}
        orphans = [t.line_id for t in self.sale.tickets
                   if t.replaces_ticket_id is not None and t.replaces_ticket_id not in present]
        self.remove_sale_lines(orphans)
