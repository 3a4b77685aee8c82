"""The outgoing documents' queues: print jobs and e-mails."""

from __future__ import annotations

from pos.core.errors.base import DomainError
from pos.core.i18n import N_


class PrintJobError(DomainError):
    code = "print_job_error"
    template = N_("Print job {job_id}: refused.")


class IllegalPrintJobTransition(PrintJobError):
    code = "illegal_print_job_transition"
    template = N_("Print job {job_id}: going from “{from_state}” to “{to_state}” is not possible.")


class UnknownPrintJob(PrintJobError):
    code = "unknown_print_job"
    template = N_("Print job {job_id} not found.")


class MailJobError(DomainError):
    """A mail outbox job the cashier acts on (``services.mail_jobs``)."""

    code = "mail_job_error"
    template = N_("E-mail {job_id}: refused.")


class UnknownMailJob(MailJobError):
    code = "unknown_mail_job"
    template = N_("E-mail {job_id} not found.")


class MailJobNotPending(MailJobError):
    code = "mail_job_not_pending"
    template = N_("E-mail {job_id} is {state}: it can no longer be printed instead.")
