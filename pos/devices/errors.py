"""The one error tree of the device layer.

Each error has a stable ``code`` (for logs, tests and the window's choice of
reaction) and a ``message`` that the window shows to the cashier as is. The message
templates are English msgids (``N_``), translated from the gettext catalogue of the core
and the devices (``pos.core.i18n``) in the language current when the message is read:
French by default. ``detail`` keeps the technical cause (English OS text, errno) for the
log only: the cashier never sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pos.core.i18n import N_, RenderedError, _, render_params

if TYPE_CHECKING:
    from pos.devices.status import PrinterStatus


class DeviceError(RenderedError):
    """Root of every device error; catch this one in the window."""

    code: ClassVar[str] = "device_error"
    template: ClassVar[str] = N_("The device refused: {problem}")

    def __init__(self, problem: object = "", *, detail: str = "", **params: object) -> None:
        super().__init__()
        self.params: dict[str, object] = {"problem": problem, **params}
        self.detail = detail

    def render(self, lang: str | None = None) -> str:
        return _(self.template, lang).format(**render_params(self.params, lang))

    def __str__(self) -> str:
        return f"{self.message} [{self.detail}]" if self.detail else self.message


class PrinterUnreachable(DeviceError):
    """Cannot open, or lost, the link to the printer. The job may not have printed."""

    code = "printer_unreachable"
    template = N_("Printer unreachable: {target} ({reason})")

    def __init__(self, target: str, reason: object, *, detail: str = "") -> None:
        super().__init__(detail=detail, target=target, reason=reason)
        self.target = target
        self.reason = reason


class PrinterNotReady(DeviceError):
    """The printer answered but cannot print (paper out, cover open, offline)."""

    code = "printer_not_ready"
    template = N_("Printer not ready: {why}.")
    after_job_template = N_(
        "Printer not ready: {why}. The ticket may not have printed: check, then reprint.")

    _WHY = {
        "PAPER_OUT": N_("out of paper"),
        "COVER_OPEN": N_("cover open"),
        "OFFLINE": N_("offline"),
    }

    def __init__(self, status: PrinterStatus, *, after_job: bool = True, detail: str = "") -> None:
        super().__init__(detail=detail)
        self.status = status
        # The bytes were accepted, but a printer in this state drops or holds them.
        self.after_job = after_job

    def render(self, lang: str | None = None) -> str:
        why = self._WHY.get(self.status.name)
        why = _(why, lang) if why else self.status.render(lang)
        template = self.after_job_template if self.after_job else self.template
        return _(template, lang).format(why=why)


class PrinterConfigError(DeviceError):
    """The configuration cannot drive a printer (unknown profile, missing module...)."""

    code = "printer_config"
    template = N_("Printer configuration: {problem}")


class DocumentNotPrintable(DeviceError):
    """The document itself cannot be laid out (e.g. a barcode with non-ASCII text)."""

    code = "document_not_printable"
    template = N_("Document cannot be printed: {problem}")


class DrawerUnreachable(DeviceError):
    """The cash drawer's own port cannot be opened or written."""

    code = "drawer_unreachable"
    template = N_("Cash drawer unreachable: {target} ({reason})")

    def __init__(self, target: str, reason: object, *, detail: str = "") -> None:
        super().__init__(detail=detail, target=target, reason=reason)
        self.target = target
        self.reason = reason


class MailUnreachable(DeviceError):
    """The SMTP server cannot be reached or dropped the link: nothing was sent."""

    code = "mail_unreachable"
    template = N_("Mail server unreachable: {target} ({reason}). Nothing was sent.")

    def __init__(self, target: str, reason: object, *, detail: str = "") -> None:
        super().__init__(detail=detail, target=target, reason=reason)
        self.target = target
        self.reason = reason


class MailRecipientRefused(DeviceError):
    """The address is malformed or the SMTP server refuses it: nothing was sent."""

    code = "mail_recipient_refused"
    template = N_("E-mail address refused: “{address}”. Check the contact's address.")

    def __init__(self, address: str, *, detail: str = "") -> None:
        super().__init__(detail=detail, address=address)
        self.address = address


class MailRejected(DeviceError):
    """The SMTP server answered but refused the login, the sender or the message."""

    code = "mail_rejected"
    template = N_("Sending the e-mail refused: {problem}.")


class OutboxNotWritable(DeviceError):
    """The documents could not be saved in the outbox folder."""

    code = "outbox_not_writable"
    template = N_("Could not save the documents in {folder} ({reason}).")

    def __init__(self, folder: str, reason: object, *, detail: str = "") -> None:
        super().__init__(detail=detail, folder=folder, reason=reason)
        self.folder = folder
