"""``guichet documents pending`` lists the e-mails that failed (a real process on a real
SQLite file; the failure is a real send to a closed port)."""

from pos.core.services import mail_jobs
from pos.core.services.print_jobs import retry_delay
from pos.core.uow import UnitOfWork
from pos.formatting import timestamp
from tests.core.test_delivery_modes import exchange as exchange_kept
from tests.core.test_failed_mail import send_due
from tests.core.test_mail_jobs import ADDRESS, by_mail
from tests.devices.test_mailer import _config, _free_port
from tests.test_cli import demo_counter, env, guichet  # noqa: F401


def test_failed_emails_are_listed_with_the_documents_kept(env, tmp_path):  # noqa: F811
    assert guichet("db", "init", "--demo", env=env).returncode == 0
    demo, clock, station = demo_counter(tmp_path)
    posted = exchange_kept(demo, station, clock, ["01010002727"], "post", "Envoi postal")
    mailed = by_mail(demo, station, clock)
    closed = _config(_free_port())
    send_due(demo, station.counter_id, clock, closed, tmp_path / "outbox")
    clock.advance(retry_delay(1))
    error = send_due(demo, station.counter_id, clock, closed, tmp_path / "outbox")
    demo.dispose()

    listed = guichet("documents", "pending", env=env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert any(f"envoi postal  ordre {posted.operation_number}" in line for line in lines)
    at = next(i for i, line in enumerate(lines) if "e-mail en échec" in line)
    assert lines[at].split()[1:] == ["e-mail", "en", "échec", "ordre",
                                     str(mailed.operation_number), "à", ADDRESS, "(Guichet",
                                     "1)"]
    receipt, *tickets, tries = [line.strip() for line in lines[at + 1:at + 5]]
    assert receipt == f"Reçu ordre {mailed.operation_number}"
    assert sorted(t.split(" – ")[0] for t in tickets) == sorted(
        f"Billet {n}" for n in mailed.new_tickets)
    assert all(t.split(" – ")[1] == "Carmina Burana" for t in tickets)
    assert tries == (f"2 essais ; dernière erreur : {error.rstrip('.')} ; nouvel essai : "
                     f"{timestamp(clock.now() + retry_delay(2))}")
    assert "connexion refusée" in tries
    # one post ticket, and the receipt and two tickets of the e-mail
    assert lines[-1] == "4 document(s) en attente, dont 3 dans 1 e-mail en échec."

    demo, clock, station = demo_counter(tmp_path)
    with UnitOfWork(demo.sessions) as uow:  # the cashier's "Renvoyer", the counter then off
        assert mail_jobs.retry(uow, station.counter_id, clock.now()) == 1
    demo.dispose()
    again = guichet("documents", "pending", env=env).stdout.splitlines()
    assert again[at + 4].strip().startswith("renvoi demandé ; dernière erreur : ")
    assert again[-1] == lines[-1]
