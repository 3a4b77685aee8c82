"""The contact's suspense account (compte d'attente)."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class AccountError(DomainError):
    code = "account_error"
    template = N_("The suspense account movement is refused.")


class AccountCreditNotPositive(AccountError):
    code = "account_credit_not_positive"
    template = N_("An amount put on the suspense account must be positive.")


class AccountDebitNotPositive(AccountError):
    code = "account_debit_not_positive"
    template = N_("An amount taken from the suspense account must be positive.")


class AccountInsufficient(AccountError):
    code = "account_insufficient"
    template = N_("The suspense account holds only {balance}: {amount} cannot be taken from it.")
