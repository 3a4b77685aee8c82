"""The one error tree of the device layer.

Each error has a stable ``code`` (for logs, tests and the window's choice of
reaction) and a ``message`` in plain French that the window shows to the cashier
as is. ``detail`` keeps the technical cause (English OS text, errno) for the log
only: the cashier never sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos.devices.status import PrinterStatus


class DeviceError(Exception):
    """Root of every device error; catch this one in the window."""

    code: str = "device_error"

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.message} [{self.detail}]" if self.detail else self.message


class PrinterUnreachable(DeviceError):
    """Cannot open, or lost, the link to the printer. The job may not have printed."""

    code = "printer_unreachable"

    def __init__(self, target: str, reason: str, *, detail: str = "") -> None:
        super().__init__(f"Imprimante injoignable : {target} ({reason})", detail=detail)
        self.target = target
        self.reason = reason


class PrinterNotReady(DeviceError):
    """The printer answered but cannot print (paper out, cover open, offline)."""

    code = "printer_not_ready"

    _WHY = {
        "PAPER_OUT": "plus de papier",
        "COVER_OPEN": "capot ouvert",
        "OFFLINE": "hors ligne",
    }

    def __init__(self, status: PrinterStatus, *, after_job: bool = True, detail: str = "") -> None:
        why = self._WHY.get(status.name, status.label)
        message = f"Imprimante non prête : {why}."
        if after_job:
            # The bytes were accepted, but a printer in this state drops or holds them.
            message += " Le ticket n'est peut-être pas imprimé : vérifier, puis réimprimer."
        super().__init__(message, detail=detail)
        self.status = status


class PrinterConfigError(DeviceError):
    """The configuration cannot drive a printer (unknown profile, missing module...)."""

    code = "printer_config"

    def __init__(self, problem: str, *, detail: str = "") -> None:
        super().__init__(f"Configuration de l'imprimante : {problem}", detail=detail)


class DocumentNotPrintable(DeviceError):
    """The document itself cannot be laid out (e.g. a barcode with non-ASCII text)."""

    code = "document_not_printable"

    def __init__(self, problem: str, *, detail: str = "") -> None:
        super().__init__(f"Document impossible à imprimer : {problem}", detail=detail)


class DrawerUnreachable(DeviceError):
    """The cash drawer's own port cannot be opened or written."""

    code = "drawer_unreachable"

    def __init__(self, target: str, reason: str, *, detail: str = "") -> None:
        super().__init__(f"Tiroir-caisse injoignable : {target} ({reason})", detail=detail)
        self.target = target
        self.reason = reason


class MailUnreachable(DeviceError):
    """The SMTP server cannot be reached or dropped the link: nothing was sent."""

    code = "mail_unreachable"

    def __init__(self, target: str, reason: str, *, detail: str = "") -> None:
        super().__init__(
            f"Serveur de messagerie injoignable : {target} ({reason}). Rien n'a été envoyé.",
            detail=detail,
        )
        self.target = target
        self.reason = reason


class MailRecipientRefused(DeviceError):
    """The address is malformed or the SMTP server refuses it: nothing was sent."""

    code = "mail_recipient_refused"

    def __init__(self, address: str, *, detail: str = "") -> None:
        super().__init__(
            f"Adresse e-mail refusée : « {address} ». Vérifier l'adresse du contact.",
            detail=detail,
        )
        self.address = address


class MailRejected(DeviceError):
    """The SMTP server answered but refused the login, the sender or the message."""

    code = "mail_rejected"

    def __init__(self, problem: str, *, detail: str = "") -> None:
        super().__init__(f"Envoi de l'e-mail refusé : {problem}.", detail=detail)


class OutboxNotWritable(DeviceError):
    """The documents could not be saved in the outbox folder."""

    code = "outbox_not_writable"

    def __init__(self, folder: str, reason: str, *, detail: str = "") -> None:
        super().__init__(
            f"Impossible d'enregistrer les documents dans {folder} ({reason}).", detail=detail
        )
        self.folder = folder
