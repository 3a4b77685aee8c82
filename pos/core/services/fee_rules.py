"""The fee rules in the database: read, previewed on a basket, replaced (admin dialog,
TOML import), listed (``guichet fees show``), and a supervisor's waiver.

The rule itself is ``pos.core.fees.assess``; this module only feeds it."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, insert, select

from pos.core import journal
from pos.core.basket import CancellationBasket
from pos.core.clock import Clock
from pos.core.errors import FeeRuleInvalid, FeeWaiverNeedsReason, NotAnAdministrator
from pos.core.fees import APPLIES_TO, PER, REQUESTERS, FeeLine, FeeTicket, Rule, Waiver, assess
from pos.core.i18n import lazy
from pos.core.models import Operator, OperatorRole, Performance, PriceCategory, Tariff, Ticket
from pos.core.models_fees import FeeRule
from pos.core.money import ZERO, as_text, money
from pos.core.prepared import PreparedInQuery, PreparedQuery
from pos.core.services.approvals import approve
from pos.core.services.station import Station
from pos.core.uow import UnitOfWork

# Who may change the rules. The trust issue brings an administrator role; until then
# it is today's supervisor (Operator.role), the one role above the cashier.
RULE_EDITOR_ROLES = (OperatorRole.ADMINISTRATOR,)  # issue 8's roles: rules are set up, not sold
KEYS = {"name", "applies_to", "requested_by", "tariff", "category", "from_hours",
        "until_hours", "percent", "fixed", "per"}


# Read at every settlement (step 2b): compiled once, plain rows (pos.core.prepared).
_RULES = PreparedQuery(select(
    FeeRule.name, FeeRule.position, FeeRule.applies_to, FeeRule.requested_by,
    FeeRule.tariff, FeeRule.category, FeeRule.from_hours, FeeRule.until_hours,
    FeeRule.percent_bp, FeeRule.fixed, FeeRule.per).order_by(FeeRule.position, FeeRule.id))
_FACTS = PreparedInQuery(lambda ids: (
    select(Ticket.id, Tariff.code, PriceCategory.name, Performance.starts_at)
    .join(Tariff, Tariff.id == Ticket.tariff_id)
    .join(PriceCategory, PriceCategory.id == Ticket.category_id)
    .join(Performance, Performance.id == Ticket.performance_id)
    .where(Ticket.id.in_(ids))))


def load_rules(uow: UnitOfWork) -> list[Rule]:
    return [Rule(name=r.name, position=r.position, applies_to=r.applies_to,
                 requested_by=r.requested_by, tariff=r.tariff, category=r.category,
                 from_hours=r.from_hours, until_hours=r.until_hours,
                 percent=Decimal(r.percent_bp) / 100, fixed=r.fixed, per=r.per)
            for r in uow.fetch(_RULES, {})]


def fee_tickets(uow: UnitOfWork, basket: CancellationBasket) -> list[FeeTicket]:
    """What the rule reads of the basket's tickets, in one statement, in basket order."""
    ids = [t.ticket_id for t in basket.tickets]
    if not ids:
        return []
    facts = {row.id: row for row in uow.fetch_in(_FACTS, ids)}
    return [FeeTicket(t.ticket_id, facts[t.ticket_id].code, facts[t.ticket_id].name,
                      facts[t.ticket_id].starts_at, basket.fee_base(t))
            for t in basket.tickets if t.ticket_id in facts]


def evaluate(uow: UnitOfWork, basket: CancellationBasket, *, kind: str, requested_by: str,
             clock: Clock) -> dict[int, FeeLine]:
    """The basket's fee lines now, from the rules in the database (nothing is changed)."""
    rules = load_rules(uow)
    if not rules:
        return {}
    return assess(rules, fee_tickets(uow, basket), kind=kind, requested_by=requested_by,
                  now=clock.now(), waiver=basket.fee_waiver)


def preview(uow: UnitOfWork, basket: CancellationBasket, *, kind: str, requested_by: str,
            clock: Clock) -> dict[int, FeeLine]:
    """The fee lines shown before confirming: written on the basket, returned."""
    basket.fee_lines = evaluate(uow, basket, kind=kind, requested_by=requested_by,
                                clock=clock)
    return basket.fee_lines


def waive(uow: UnitOfWork, basket: CancellationBasket, *, login: str, pin: str, reason: str,
          station: Station, clock: Clock) -> Waiver:
    """A supervisor waives the basket's fees, with a reason (journaled by ``approve``;
    the settlement's journal entry and receipt say it again)."""
    reason = reason.strip()
    if not reason:
        raise FeeWaiverNeedsReason()
    approval = approve(uow, login=login, pin=pin, station=station, clock=clock,
                       reason=f"Frais levés : {reason}"[:200])
    basket.fee_waiver = Waiver(approval.supervisor_login, reason[:200])
    return basket.fee_waiver


# --- Replacing the rules ----------------------------------------------------------------


def _invalid(name: str, problem: object) -> FeeRuleInvalid:
    return FeeRuleInvalid(name=name or "?", problem=problem)


def _amount(name: str, key: str, value: Any) -> Decimal:
    if isinstance(value, float):
        raise _invalid(name, lazy('write {key} between quotes, e.g. "2.50" (exact amounts)',
                                  key=key))
    try:
        amount = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        raise _invalid(name, lazy("{key} is not a number", key=key)) from None
    if amount < ZERO:
        raise _invalid(name, lazy("{key} is negative", key=key))
    return amount


def _hours(name: str, key: str, value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _invalid(name, lazy("{key} is a whole number of hours", key=key))
    return value


def rule_from(raw: Mapping[str, Any], position: int) -> Rule:
    """A rule from a TOML table or the admin dialog's fields, checked."""
    name = str(raw.get("name", "")).strip()
    if not name or len(name) > 80:
        raise _invalid(name, lazy("a rule needs a name of 80 characters at most"))
    unknown = set(raw) - KEYS
    if unknown:
        raise _invalid(name, lazy("unknown keys {keys}", keys=", ".join(sorted(unknown))))
    choice = {"applies_to": (APPLIES_TO, "both"), "requested_by": (REQUESTERS, ""),
              "per": (PER, "ticket")}
    values: dict[str, Any] = {}
    for key, (allowed, default) in choice.items():
        values[key] = str(raw.get(key, default))
        if values[key] not in allowed:
            raise _invalid(name, lazy("{key} must be one of {allowed}", key=key,
                           allowed=", ".join(a or '""' for a in allowed)))
    percent = _amount(name, "percent", raw.get("percent", 0))
    if percent > 100:
        raise _invalid(name, lazy("percent is more than 100"))
    lo = _hours(name, "from_hours", raw.get("from_hours"))
    hi = _hours(name, "until_hours", raw.get("until_hours"))
    if lo is not None and hi is not None and lo >= hi:
        raise _invalid(name, lazy("from_hours must be less than until_hours"))
    return Rule(name=name, position=position, tariff=str(raw.get("tariff", "")).strip()[:24],
                category=str(raw.get("category", "")).strip()[:40], from_hours=lo,
                until_hours=hi, percent=percent.quantize(Decimal("0.01")),
                fixed=money(_amount(name, "fixed", raw.get("fixed", 0))), **values)


def rules_from_toml(text: str) -> list[Rule]:
    """``[[rule]]`` tables, in order (the first that matches applies)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _invalid("TOML", lazy("unreadable file ({error})", error=str(error))) from None
    tables = data.get("rule", [])
    if set(data) - {"rule"} or not isinstance(tables, list):
        raise _invalid("TOML", lazy("expected only [[rule]] tables"))
    return [rule_from(table, position) for position, table in enumerate(tables, start=1)]


def replace_rules(uow: UnitOfWork, rules: Sequence[Rule], *, station: Station,
                  clock: Clock, source: str) -> int:
    """All the rules replaced by ``rules`` (names unique), in one transaction, by an
    operator whose role may; journaled with the rules as they now are."""
    uow.begin_write()
    operator = uow.session.get(Operator, station.operator_id)
    if operator is None or operator.role not in RULE_EDITOR_ROLES:
        raise NotAnAdministrator(login=station.operator_login)
    names = [r.name for r in rules]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise _invalid(duplicate, lazy("two rules have this name"))
    s = uow.session
    s.execute(delete(FeeRule))
    if rules:
        s.execute(insert(FeeRule), [_row(r, position) for position, r in
                                    enumerate(rules, start=1)])
    journal.append(s, at=clock.now(), action="fees.rules_replaced",
                   counter_id=station.counter_id, operator_id=station.operator_id,
                   source=source, rules=[describe(r) for r in rules])
    uow.commit()
    return len(rules)


def _row(rule: Rule, position: int) -> dict[str, object]:
    return {"position": position, "name": rule.name, "applies_to": rule.applies_to,
            "requested_by": rule.requested_by, "tariff": rule.tariff,
            "category": rule.category, "from_hours": rule.from_hours,
            "until_hours": rule.until_hours, "percent_bp": int(rule.percent * 100),
            "fixed": rule.fixed, "per": rule.per}


def describe(rule: Rule) -> dict[str, str]:
    """A rule in words, for ``guichet fees show``, the journal and the admin dialog."""
    who = {"": "tous", "public": "par le public", "organiser": "par l'organisateur"}
    kind = {"both": "annulation et échange", "refund": "annulation", "exchange": "échange"}
    return {"name": rule.name, "applies_to": kind[rule.applies_to],
            "requested_by": who[rule.requested_by], "tariff": rule.tariff or "tous",
            "category": rule.category or "toutes", "window": rule.window,
            "fee": rule.price_text, "percent": f"{rule.percent:.2f}",
            "fixed": as_text(rule.fixed), "per": rule.per}


def show(uow: UnitOfWork) -> list[dict[str, str]]:
    return [describe(r) for r in load_rules(uow)]


def as_fields(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """The rules as ``rule_from`` reads them back (the admin dialog edits these)."""
    return [{"name": r.name, "applies_to": r.applies_to, "requested_by": r.requested_by,
             "tariff": r.tariff, "category": r.category, "from_hours": r.from_hours,
             "until_hours": r.until_hours, "percent": f"{r.percent:.2f}",
             "fixed": as_text(r.fixed), "per": r.per} for r in rules]
