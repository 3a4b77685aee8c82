"""Fees by rule (issue 10): the rules, their waiver, who may change them."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.errors.settlement import SettlementError
from pos.core.i18n import N_


class FeesChanged(SettlementError):
    code = "fees_changed"
    template = N_("The fees changed since the basket was shown ({before} then, {after} now): "
                  "check the basket and confirm again.")


class FeeRuleInvalid(DomainError):
    code = "fee_rule_invalid"
    template = N_("Fee rule “{name}”: {problem}.")


class FeeWaiverNeedsReason(DomainError):
    code = "fee_waiver_needs_reason"
    template = N_("Say why the fees are waived.")


class NotAnAdministrator(DomainError):
    code = "not_an_administrator"
    template = N_("{login} may not change the fee rules: an administrator may.")
