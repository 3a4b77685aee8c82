"""Send documents by e-mail (PDF attachments), or keep them in an outbox folder.

``send_mail`` builds one message (plain-text body, attachments) and hands it to
the SMTP server of ``[mail]``: STARTTLS, SSL or plain as configured, with the
configured timeout, logging in when a username is set. With no server
configured (``host = ""``) the message (``message.eml``) and its attachments are
saved in a new folder of the outbox and the result says where, so the cashier
can send them another way.

Every failure is a ``DeviceError`` with a French message for the cashier:
``MailUnreachable`` (connection, TLS, timeout), ``MailRecipientRefused``,
``MailRejected`` (login, sender, message refused), ``OutboxNotWritable``. Nothing
is sent twice: a failure means the server did not accept the message.

Blocking (network, disk): the window calls it off the GUI thread.
"""

from __future__ import annotations

import email.utils
import errno
import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from pos.config import MailConfig
from pos.core.documents import Barcode, Document
from pos.core.i18n import Lazy, _, lazy
from pos.devices.errors import (
    MailRecipientRefused,
    MailRejected,
    MailUnreachable,
    OutboxNotWritable,
)
from pos.devices.network_reasons import network_reason

DEFAULT_SENDER = "guichet@localhost"
_ADDRESS = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+$")


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime_type: str = "application/pdf"


@dataclass(frozen=True)
class MailResult:
    """What happened: ``sent`` to the server, or saved in ``saved_to`` (a folder)."""

    recipient: str
    message_id: str
    sent: bool
    saved_to: Path | None = None

    @property
    def notice(self) -> str:
        """The line the window shows to the cashier, in the current language."""
        if self.sent:
            return _("E-mail sent to {recipient}.").format(recipient=self.recipient)
        return _("No mail server configured: the e-mail and its documents are saved in "
                 "{folder}.").format(folder=self.saved_to)


def build_message(
    *,
    sender: str,
    recipient: str,
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
    at: datetime | None = None,
) -> EmailMessage:
    """The message as sent or saved; ``at`` (aware) dates it, default now."""
    check_address(recipient)
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(at or datetime.now(UTC).astimezone())
    message["Message-ID"] = email.utils.make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(body)
    for attachment in attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype,
            filename=_safe_name(attachment.filename),
        )
    return message


def attachment_name(document: Document) -> str:
    """"billet-01010003014.pdf", "avoir-<number>.pdf", "recu-OP00001271.pdf"."""
    code = next((b.payload for b in document.blocks if isinstance(b, Barcode)), "")
    prefix = {"ticket": "billet", "credit_note": "avoir"}.get(document.kind, "recu")
    return f"{prefix}-{code or document.kind}.pdf"


def check_address(address: str) -> None:
    """Raises MailRecipientRefused unless ``address`` looks like one plain e-mail address."""
    if not _ADDRESS.match(address or ""):
        raise MailRecipientRefused(address or "", detail="malformed address")


def send_mail(
    config: MailConfig,
    outbox_dir: Path,
    *,
    recipient: str,
    subject: str,
    body: str,
    attachments: Sequence[Attachment] = (),
    at: datetime | None = None,
) -> MailResult:
    """Send through ``config``'s server, or save in ``outbox_dir`` when there is none."""
    message = build_message(
        sender=config.sender or DEFAULT_SENDER, recipient=recipient, subject=subject,
        body=body, attachments=attachments, at=at,
    )
    message_id = message["Message-ID"]
    if not config.host:
        folder = save_to_outbox(message, outbox_dir, at=at)
        return MailResult(recipient, message_id, sent=False, saved_to=folder)
    deliver(config, message)
    return MailResult(recipient, message_id, sent=True)


def deliver(config: MailConfig, message: EmailMessage) -> None:
    """Hand ``message`` to the SMTP server; raises a Mail* DeviceError when it is not taken."""
    target = f"{config.host}:{config.port}"
    recipient = str(message["To"])
    try:
        if config.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout,
                context=ssl.create_default_context(),
            )
        else:
            smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with smtp:
            smtp.ehlo()
            if config.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise MailRejected(
                        lazy("the server does not offer STARTTLS (see [mail] security)"),
                        detail=f"{target} has no STARTTLS",
                    )
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if config.username:
                smtp.login(config.username, config.password)
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailRecipientRefused(recipient, detail=repr(exc.recipients)) from None
    except smtplib.SMTPAuthenticationError as exc:
        raise MailRejected(lazy("login or password refused"), detail=repr(exc)) from None
    except smtplib.SMTPSenderRefused as exc:
        raise MailRejected(lazy("sender “{sender}” refused", sender=exc.sender),
                           detail=repr(exc)) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailRejected(lazy("the server does not allow this connection"),
                           detail=repr(exc)) from None
    except smtplib.SMTPDataError as exc:
        raise MailRejected(lazy("message refused by the server"), detail=repr(exc)) from None
    except smtplib.SMTPResponseException as exc:
        raise MailRejected(lazy("server reply {code}", code=exc.smtp_code),
                           detail=repr(exc)) from None
    except (smtplib.SMTPException, OSError) as exc:
        # SMTPServerDisconnected, SMTPConnectError, ssl.SSLError, socket errors...
        raise MailUnreachable(target, _reason(exc, config.timeout), detail=repr(exc)) from None


def save_to_outbox(message: EmailMessage, outbox_dir: Path, *, at: datetime | None = None) -> Path:
    """``message.eml`` and each attachment in a new folder of ``outbox_dir``; returns the folder."""
    stamp = (at or datetime.now(UTC).astimezone()).strftime("%Y%m%d-%H%M%S")
    base = f"{stamp}-{_safe_name(str(message['To']))}"
    try:
        outbox_dir.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            folder = outbox_dir / (base if n == 1 else f"{base}-{n}")
            try:
                folder.mkdir()
                break
            except FileExistsError:
                continue
        else:
            raise OSError(errno.EEXIST, "too many messages with the same name")
        (folder / "message.eml").write_bytes(message.as_bytes())
        for part in message.iter_attachments():
            name = _safe_name(part.get_filename() or "document")
            (folder / name).write_bytes(part.get_payload(decode=True))
    except OSError as exc:
        raise OutboxNotWritable(str(outbox_dir), _disk_reason(exc), detail=repr(exc)) from None
    return folder


def _safe_name(name: str) -> str:
    """A file name without folders or characters file systems and mail clients dislike."""
    cleaned = re.sub(r"[^\w.@+-]+", "_", name.replace("/", "_").replace("\\", "_")).strip("._")
    return cleaned or "document"


def _reason(exc: BaseException, timeout: float) -> Lazy:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return lazy("server certificate not recognised")
    if isinstance(exc, ssl.SSLError):
        return lazy("encrypted connection failed")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return lazy("connection closed by the server")
    return network_reason(exc, timeout)


def _disk_reason(exc: OSError) -> Lazy:
    if isinstance(exc, PermissionError):
        return lazy("access denied")
    if exc.errno == errno.ENOSPC:
        return lazy("disk full")
    return lazy("write error")
