"""E-mails through a real SMTP server (aiosmtpd on 127.0.0.1), or into the outbox folder."""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
import ssl
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from pos.config import MailConfig
from pos.devices.errors import (
    MailRecipientRefused,
    MailRejected,
    MailUnreachable,
    OutboxNotWritable,
)
from pos.devices.mailer import Attachment, send_mail
from pos.devices.pdf import render_pdf
from tests.devices.test_pdf import NUMBER, receipt_document, ticket_document
from tests.support import pdf_tools

AT = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
SUBJECT = "Vos billets – Carmina Burana, Théâtre de la Ville"
BODY = "Bonjour,\n\nVoici vos nouveaux billets et le reçu de l'échange.\n"


class Mailbox:
    """aiosmtpd handler: keeps every accepted message; refuses addresses at refused.test."""

    def __init__(self) -> None:
        self.received: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refused.test"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 Message accepted for delivery"


class LoopbackController(Controller):
    """Listens on a free port chosen by the system (port 0), read back once bound."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"guichet", b"s3cret")
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = LoopbackController(
        mailbox, hostname="127.0.0.1", port=0,
        authenticator=_authenticate, auth_require_tls=False,
    )
    controller.start()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


def _config(port: int, **overrides) -> MailConfig:
    values = dict(host="127.0.0.1", port=port, security="none", sender="billetterie@theatre.test",
                  timeout=5.0)
    values.update(overrides)
    return MailConfig(**values)


def _attachments() -> list[Attachment]:
    return [
        Attachment(f"billet-{NUMBER}.pdf", render_pdf([ticket_document()])),
        Attachment("recu-1271.pdf", render_pdf([receipt_document()])),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_server_receives_the_message_and_its_pdf_tickets(smtp_server, tmp_path):
    controller, mailbox = smtp_server
    result = send_mail(
        _config(controller.port), tmp_path / "outbox", recipient="viviane.akoka@example.org",
        subject=SUBJECT, body=BODY, attachments=_attachments(), at=AT,
    )
    assert result.sent and result.saved_to is None
    assert result.notice == "E-mail envoyé à viviane.akoka@example.org."
    assert not (tmp_path / "outbox").exists()

    [envelope] = mailbox.received
    assert envelope.mail_from == "billetterie@theatre.test"
    assert envelope.rcpt_tos == ["viviane.akoka@example.org"]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == SUBJECT and message["To"] == "viviane.akoka@example.org"
    assert message["Message-ID"] == result.message_id
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == BODY
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert sorted(parts) == [f"billet-{NUMBER}.pdf", "recu-1271.pdf"]
    ticket_pdf = parts[f"billet-{NUMBER}.pdf"].get_content()
    assert parts["recu-1271.pdf"].get_content_type() == "application/pdf"
    assert ticket_pdf.startswith(b"%PDF")
    assert parts["recu-1271.pdf"].get_content().startswith(b"%PDF")
    # what the customer gets still scans at the door
    page = pdf_tools.page_images(ticket_pdf, tmp_path / "png")[0]
    assert pdf_tools.symbols(page) == [("CODE-128", NUMBER), ("QR-Code", NUMBER)]


def test_login_is_used_and_a_wrong_password_is_said_in_french(smtp_server, tmp_path):
    controller, mailbox = smtp_server
    good = _config(controller.port, username="guichet", password="s3cret")
    assert send_mail(good, tmp_path, recipient="a@example.org", subject="S", body="B",
                     at=AT).sent
    bad = _config(controller.port, username="guichet", password="faux")
    with pytest.raises(MailRejected) as caught:
        send_mail(bad, tmp_path, recipient="a@example.org", subject="S", body="B", at=AT)
    assert caught.value.message == (
        "Envoi de l'e-mail refusé : identifiant ou mot de passe refusé.")
    assert len(mailbox.received) == 1


def test_a_refused_recipient_is_said_in_french(smtp_server, tmp_path):
    controller, mailbox = smtp_server
    with pytest.raises(MailRecipientRefused) as caught:
        send_mail(_config(controller.port), tmp_path, recipient="nobody@refused.test",
                  subject="S", body="B", at=AT)
    assert caught.value.message == (
        "Adresse e-mail refusée : « nobody@refused.test ». Vérifier l'adresse du contact.")
    assert mailbox.received == []


def test_a_malformed_address_is_refused_before_connecting(tmp_path):
    config = _config(_free_port())  # nothing listens: the check comes first
    for address in ("", "viviane", "a@b", "a b@example.org", "a@example.org, b@example.org"):
        with pytest.raises(MailRecipientRefused):
            send_mail(config, tmp_path, recipient=address, subject="S", body="B", at=AT)


def test_starttls_required_but_not_offered_is_refused(smtp_server, tmp_path):
    controller, mailbox = smtp_server
    with pytest.raises(MailRejected, match="ne propose pas STARTTLS"):
        send_mail(_config(controller.port, security="starttls"), tmp_path,
                  recipient="a@example.org", subject="S", body="B", at=AT)
    assert mailbox.received == []


def test_unreachable_server_is_said_in_french(tmp_path):
    port = _free_port()
    with pytest.raises(MailUnreachable) as caught:
        send_mail(_config(port), tmp_path / "outbox", recipient="a@example.org", subject="S",
                  body="B", attachments=_attachments(), at=AT)
    assert caught.value.message == (
        f"Serveur de messagerie injoignable : 127.0.0.1:{port} (connexion refusée). "
        "Rien n'a été envoyé.")
    assert caught.value.code == "mail_unreachable"
    assert not (tmp_path / "outbox").exists()


def test_without_a_server_the_mail_is_saved_in_the_outbox(tmp_path):
    outbox = tmp_path / "outbox"
    config = MailConfig()  # host = "": no server
    result = send_mail(config, outbox, recipient="viviane.akoka@example.org", subject=SUBJECT,
                       body=BODY, attachments=_attachments(), at=AT)
    assert not result.sent
    assert result.saved_to == outbox / "20261127-100000-viviane.akoka@example.org"
    assert result.notice == (
        "Aucun serveur d'envoi configuré : l'e-mail et ses documents sont enregistrés dans "
        f"{result.saved_to}.")
    files = sorted(p.name for p in result.saved_to.iterdir())
    assert files == [f"billet-{NUMBER}.pdf", "message.eml", "recu-1271.pdf"]
    ticket_pdf = (result.saved_to / f"billet-{NUMBER}.pdf").read_bytes()
    page = pdf_tools.page_images(ticket_pdf, tmp_path / "png")[0]
    assert pdf_tools.symbols(page) == [("CODE-128", NUMBER), ("QR-Code", NUMBER)]
    saved = email.message_from_bytes((result.saved_to / "message.eml").read_bytes(),
                                     policy=email.policy.default)
    assert saved["Subject"] == SUBJECT and saved["To"] == "viviane.akoka@example.org"
    assert [p.get_content() for p in saved.iter_attachments()][0] == ticket_pdf
    # a second mail in the same second gets its own folder
    again = send_mail(config, outbox, recipient="viviane.akoka@example.org", subject=SUBJECT,
                      body=BODY, at=AT)
    assert again.saved_to == outbox / "20261127-100000-viviane.akoka@example.org-2"


def test_an_outbox_that_cannot_be_written_is_said_in_french(tmp_path):
    blocker = tmp_path / "outbox"
    blocker.write_text("not a folder")
    with pytest.raises(OutboxNotWritable) as caught:
        send_mail(MailConfig(), blocker, recipient="a@example.org", subject="S", body="B", at=AT)
    assert caught.value.message.startswith(f"Impossible d'enregistrer les documents dans {blocker}")


@pytest.fixture
def tls_files(tmp_path):
    if shutil.which("openssl") is None:
        pytest.skip("openssl missing: cannot make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_server(tls_files):
    cert, key = tls_files
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    mailbox = Mailbox()
    controller = LoopbackController(mailbox, hostname="127.0.0.1", port=0, tls_context=context)
    controller.start()
    try:
        yield controller, mailbox, cert
    finally:
        controller.stop()


def test_starttls_sends_when_the_certificate_is_trusted(tls_server, tmp_path, monkeypatch):
    controller, mailbox, cert = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the system trust store, for this test
    assert send_mail(_config(controller.port, security="starttls"), tmp_path,
                     recipient="a@example.org", subject="S", body="B",
                     attachments=_attachments(), at=AT).sent
    [envelope] = mailbox.received
    assert envelope.rcpt_tos == ["a@example.org"]


def test_starttls_with_an_unknown_certificate_sends_nothing(tls_server, tmp_path, monkeypatch):
    controller, mailbox, _cert = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-bundle.pem"))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-such-dir"))
    with pytest.raises(MailUnreachable, match="certificat du serveur non reconnu"):
        send_mail(_config(controller.port, security="starttls"), tmp_path,
                  recipient="a@example.org", subject="S", body="B", at=AT)
    assert mailbox.received == []
