"""The Z report's facts: the journal's chain head (64 hexadecimal digits) printed whole on
one line, whatever its digits (they are not all as wide), so that it reads as `guichet
journal verify` prints it."""

from __future__ import annotations

import pytest

from pos.core.reports import Report
from pos.devices.report_pdf import render_report_pdf
from tests.support import pdf_tools

# The widest digits of DejaVu Sans ("0"-"9", "b", "d") and a mix: each once cut in two.
HEADS = ["0" * 64, "bd" * 32, "884be082939734f38680e66670b652961d327776497e9d62e45032050a10c37e"]


@pytest.mark.parametrize("head", HEADS, ids=["zeros", "wide-letters", "seen-cut-in-ci"])
def test_the_chain_head_stays_whole_on_one_line(tmp_path, head):
    report = Report("RAPPORT Z - CLÔTURE DE CAISSE", (
        ("Guichet", "Guichet 1"), ("Grand total perpétuel", "-220,00 €"),
        ("Tête de chaîne du journal", head)), ())
    lines = [line for page in pdf_tools.text(render_report_pdf(report), tmp_path)
             for line in page.splitlines()]
    assert [line for line in lines if head in line] != []
    assert any(line.split()[-1] == head for line in lines if "Tête de chaîne" in line)


@pytest.mark.parametrize("head", HEADS, ids=["zeros", "wide-letters", "seen-cut-in-ci"])
def test_the_chain_head_fits_its_column_without_running_into_its_label(head):
    """The values are right-aligned: a value wider than its column runs leftwards over its
    label (with half the page each, the 64 digits needed 366 of 243 points)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pos.devices.pdf import load_fonts
    from pos.devices.report_pdf import MARGIN, _fact_widths, _styles

    fonts = load_fonts()
    cell = _styles(fonts)[2]
    report = Report("RAPPORT Z", (("Grand total perpétuel", "-220,00 €"),
                                  ("Tête de chaîne du journal", head)), ())
    label, value = _fact_widths(report, fonts, cell, A4[0] - 2 * MARGIN)
    assert stringWidth("Tête de chaîne du journal", cell.fontName, cell.fontSize) + 12 <= label
    assert stringWidth(head, cell.fontName, cell.fontSize) + 12 <= value
