"""What is sold in an exchange: the catalogue, products and benefits."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_, Nn_


class ExchangeError(DomainError):
    code = "exchange_error"
    template = N_("The exchange is refused.")


class TicketAlreadyExchangedAgain(ExchangeError):
    code = "ticket_already_exchanged_again"
    template = N_("Ticket {number} is already exchanged again in this basket.")


class QuantityBelowOne(ExchangeError):
    code = "quantity_below_one"
    template = N_("The quantity must be at least 1.")


class NotForSale(ExchangeError):
    code = "not_for_sale"
    template = N_("Not for sale.")


class UnknownPerformance(NotForSale):
    code = "unknown_performance"
    template = N_("Unknown performance.")


class UnknownCategoryOrTariff(NotForSale):
    code = "unknown_category_or_tariff"
    template = N_("Category or tariff unknown for this performance.")


class TariffNotOffered(NotForSale):
    code = "tariff_not_offered"
    template = N_("Tariff “{tariff}” is not offered in {category} for this performance.")


class PerformancePast(NotForSale):
    code = "performance_past"
    template = N_("The performance of {starts_at} of {event} is past: it is no longer for sale.")


class UnknownProduct(NotForSale):
    code = "unknown_product"
    template = N_("Product unknown or withdrawn from sale.")


class EmptyBundle(NotForSale):
    code = "empty_bundle"
    template = N_("“{product}” contains no performance.")


class SalePriceChanged(NotForSale):
    code = "sale_price_changed"
    template = N_("The price of {event} {category} {tariff} has changed: add these tickets again.")


class ProductChanged(NotForSale):
    code = "product_changed"
    template = N_("“{product}” has changed or is no longer for sale: add it again.")


class OutOfStock(ExchangeError):
    code = "out_of_stock"
    template = Nn_("Not enough stock for “{product}”: {left} left, {n} asked for.",
                   "Not enough stock for “{product}”: {left} left, {n} asked for.")


class ProductExhausted(OutOfStock):
    code = "product_exhausted"
    template = N_("“{product}” is sold out.")


class BenefitRequired(ExchangeError):
    code = "benefit_required"
    template = N_(
        "Tariff “{tariff}” is for holders of the benefit “{benefit}”: add it to the exchange "
        "first.")
