"""``guichet report z | x | refunds`` as a user runs them: a real process on the test
database (SQLite file and PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

from pos.core.cash_documents import session_report_view
from pos.core.demo import DEMO_FLOAT
from pos.core.models import PaymentMode
from pos.core.services.cash_reports import session_report
from pos.core.services.cash_sessions import close_session, open_session
from pos.core.services.operation_notes import OperationNotes
from pos.core.services.refunds import Tender, refund_basket
from pos.devices.report_pdf import render_report_pdf
from pos.formatting import plain_spaces
from tests.conftest import uow_of
from tests.core.exchange_support import scan
from tests.support import pdf_tools

D = Decimal
JOYAUX = [f"0101000{n}" for n in range(2727, 2749)]


def guichet(db, tmp_path, *args):
    env = dict(os.environ)
    env.update(GUICHET_DATA_DIR=str(tmp_path / "data"),
               GUICHET_CONFIG=str(tmp_path / "guichet.toml"),
               GUICHET_DATABASE_URL=db.engine.url.render_as_string(hide_password=False))
    (tmp_path / "guichet.toml").write_text('[counter]\nname = "Guichet 1"\n')
    return subprocess.run([sys.executable, "-m", "pos", "report", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def words_of(pages: list[str]) -> str:
    """The text with every run of spaces as one (the PDF's columns are spaced out)."""
    return " ".join(plain_spaces(" ".join(pages)).split())


def a_day_at_the_counter(db, station, clock):
    for number, mode, cause in ((JOYAUX[0], PaymentMode.CASH, "Annulation de la séance"),
                                (JOYAUX[1], PaymentMode.CREDIT_NOTE, "Changement de date")):
        basket = scan(db, clock, [number])
        with uow_of(db) as uow:
            refund_basket(uow, basket, [Tender(mode, basket.refund_total)], station, clock,
                          notes=OperationNotes(cause=cause))
    with uow_of(db) as uow:
        return close_session(uow, station, clock, {**DEMO_FLOAT, 10000: 5 - 1, 1000: 5 - 1})


def test_report_z_writes_the_same_pdf_as_the_close(demo, station, clock, tmp_path):
    closed = a_day_at_the_counter(demo, station, clock)
    assert closed.difference == D("0.00")  # 1 000 - 110 = 890 counted
    out = tmp_path / "z.pdf"
    done = guichet(demo, tmp_path, "z", "--session", str(closed.session_id), "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    with uow_of(demo) as uow:
        report = session_report(uow, closed.session_id, now=clock.now())
    expected = render_report_pdf(session_report_view(report, "Théâtre de la Ville"))
    assert out.read_bytes() == expected  # invariant PDF: byte for byte the same report
    text = words_of(pdf_tools.text(out.read_bytes(), tmp_path / "t"))
    for words in ("RAPPORT Z - CLÔTURE DE CAISSE", "Première opération 1271",
                  "Dernière opération 1272", "Opérations 2", "Attendu en caisse 890,00 €",
                  "Grand total perpétuel -220,00 €", "Annulation de la séance",
                  "Changement de date", f"Tête de chaîne du journal {report.chain_head}"):
        assert words in text, words


def test_report_z_of_an_open_session_and_of_an_unknown_one_are_refused(demo, tmp_path):
    done = guichet(demo, tmp_path, "z", "--session", "1")
    assert done.returncode == 1
    assert "n'est pas encore clôturée" in done.stderr
    done = guichet(demo, tmp_path, "z", "--session", "99")
    assert done.returncode == 1 and "Session de caisse 99 introuvable" in done.stderr


def test_report_x_shows_the_open_session(demo, station, clock, tmp_path):
    a_day_at_the_counter(demo, station, clock)
    assert guichet(demo, tmp_path, "x").returncode == 1  # closed: no X
    with uow_of(demo) as uow:
        open_session(uow, station, clock, {5000: 3})
    done = guichet(demo, tmp_path, "x")
    assert done.returncode == 0, done.stderr
    lines = [plain_spaces(x) for x in done.stdout.splitlines()]
    assert lines[0] == "RAPPORT X - LECTURE DE CAISSE n° 2 (sans clôture)"
    assert any(x.startswith("Attendu en caisse") and x.endswith("150,00 €") for x in lines)


def test_report_refunds_of_a_period_as_csv_and_pdf(demo, station, clock, tmp_path):
    a_day_at_the_counter(demo, station, clock)
    csv, pdf = tmp_path / "r.csv", tmp_path / "r.pdf"
    done = guichet(demo, tmp_path, "refunds", "--from", "2026-11-27", "--to", "2026-11-27",
                   "--csv", str(csv), "--pdf", str(pdf))
    assert done.returncode == 0, done.stderr
    rows = csv.read_text(encoding="utf-8-sig").splitlines()
    assert rows == ["Par;Type;Mode ou cause;Opérations;Montant (EUR)",
                    "mode;Remboursement;Espèces;1;-110,00",
                    "mode;Remboursement;Avoir;1;-110,00",
                    "cause;Remboursement;Annulation de la séance;1;-110,00",
                    "cause;Remboursement;Changement de date;1;-110,00"]
    text = words_of(pdf_tools.text(pdf.read_bytes(), tmp_path / "t"))
    assert "REMBOURSEMENTS ET ÉCHANGES" in text and "du 27.11.2026 au 27.11.2026" in text
    # The day before holds nothing; a reversed period is refused in French.
    before = guichet(demo, tmp_path, "refunds", "--from", "2026-11-26", "--to", "2026-11-26")
    assert before.returncode == 0 and "Opérations 0" in words_of([before.stdout])
    reversed_ = guichet(demo, tmp_path, "refunds", "--from", "2026-11-28", "--to", "2026-11-27")
    assert reversed_.returncode == 1 and "Période refusée" in reversed_.stderr
