"""Log-in, approvals and roles: who may do what at the counter."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class ApprovalRefused(DomainError):
    code = "approval_refused"
    template = N_("Approval refused: wrong login or code.")


class NotASupervisor(ApprovalRefused):
    code = "not_a_supervisor"
    template = N_("Approval refused: {login} is not a supervisor.")


class LoginRefused(DomainError):
    code = "login_refused"
    template = N_("Log-in refused: wrong operator code or PIN.")


class AccountLocked(LoginRefused):
    code = "account_locked"
    template = N_("Account {login} locked after {failures} wrong PINs, until {until} (or "
                  "until an administrator unlocks it).")


class NotLoggedIn(DomainError):
    code = "not_logged_in"
    template = N_("No operator is logged in at this counter.")


class SupervisorRequired(DomainError):
    """An action of the pipeline a cashier alone may not do (``action``: what it is)."""

    code = "supervisor_required"
    template = N_("{action}: refused without a supervisor's approval.")


class ApprovalExpired(SupervisorRequired):
    code = "approval_expired"
    template = N_("{action}: the supervisor's approval has expired, ask again.")


class ApproverNotSupervisor(SupervisorRequired):
    code = "approver_not_supervisor"
    template = N_("{action}: {login} is not (or no longer) a supervisor.")


class AdministratorRequired(DomainError):
    code = "administrator_required"
    template = N_("{action}: only an administrator may do this.")
