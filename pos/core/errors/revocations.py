"""Cancelled performances and their bulk refunds (issue 10)."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class PerformanceAlreadyCancelled(DomainError):
    code = "performance_already_cancelled"
    template = N_("Performance {performance_id} was already cancelled on {cancelled_at}.")


class PerformanceNotCancelled(DomainError):
    code = "performance_not_cancelled"
    template = N_("Performance {performance_id} is not cancelled: mark it cancelled first.")


class UnknownBulkPolicy(DomainError):
    code = "unknown_bulk_policy"
    template = N_("Unknown refund policy “{policy}”: expected {expected}.")


class RevocationSinceUnreadable(DomainError):
    code = "revocation_since_unreadable"
    template = N_("Unreadable date “{text}”: expected for example 2026-11-27T10:00.")
