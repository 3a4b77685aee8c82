"""The bulk refund's PDF report, read back with poppler: every order on it, the header
row on every page, the refusals said."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from pos.core.bulk_report import BulkReport, RefundedOrder, RefusedOrder
from pos.devices.bulk_report_pdf import render_bulk_report
from tests.support import pdf_tools

AT = datetime(2026, 11, 27, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def test_a_long_report_paginates_with_its_header_and_says_the_refusals(tmp_path):
    refunded = tuple(RefundedOrder(1000 + i, f"CONTACT {i}, Prénom", 2, Decimal("110.00"),
                                   "Avoir 2601000000017", f"Guichet 1 / {i + 1}", AT)
                     for i in range(300))
    report = BulkReport(
        venue="Théâtre de la Ville", event="Joyaux", starts_at=AT + timedelta(days=20),
        cancelled_at=AT, cancelled_by="CHEF", policy="un avoir pour tous", generated_at=AT,
        refunded=refunded, refused=(RefusedOrder(959, "AKOKA, Viviane", 22,
                                                 "Dossier 959 : on ne peut pas rembourser"),),
        still_valid=22, runs=2)
    pdf = render_bulk_report(report)
    pages = pdf_tools.text(pdf, tmp_path)
    assert len(pages) > 3
    assert all("Dossier" in page and "Remboursé" in page for page in pages)
    everything = "\n".join(pages)
    assert "Joyaux" in pages[0] and "300 dossiers, 600 billets" in pages[0]
    assert all(f"CONTACT {i}," in everything for i in range(300))
    assert "Dossiers refusés" in everything and "AKOKA, Viviane" in everything
    assert "33 000,00" in everything.replace("\u202f", " ").replace("\u00a0", " ")
