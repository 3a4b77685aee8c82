"""A ``pos.core.reports.Report`` (the X and Z reports, the refunds-and-exchanges report)
as an A4 PDF, with reportlab's platypus: a title, the facts as a two-column table, then
each table with its header repeated on every page it spans (``repeatRows``).

The fonts are ``pos.devices.pdf``'s (DejaVu Sans, else Vera: with €, accents and the
narrow no-break space of "2 420,00 €"), embedded; ``invariant``: the same report gives
the same bytes (no creation date, no random id)."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.core.reports import Report
from pos.devices.pdf import Fonts, load_fonts

MARGIN = 15 * mm


def _styles(fonts: Fonts) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    title = ParagraphStyle("title", fontName=fonts.bold, fontSize=14, leading=18,
                           spaceAfter=4 * mm)
    heading = ParagraphStyle("heading", fontName=fonts.bold, fontSize=11, leading=14,
                             spaceBefore=5 * mm, spaceAfter=2 * mm)
    cell = ParagraphStyle("cell", fontName=fonts.regular, fontSize=9, leading=11)
    return title, heading, cell


def _grid(rows: list[list[str]], fonts: Fonts, cell: ParagraphStyle, *, header: bool,
          right_from: int, widths: list[float] | None = None) -> Table:
    """Cells as Paragraphs (long texts wrap); amounts (columns from ``right_from``) on the
    right."""
    right = ParagraphStyle("right", parent=cell, alignment=2)
    body = [[Paragraph(_escape(fonts.safe(text)), right if i >= right_from else cell)
             for i, text in enumerate(row)] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))]
    table.setStyle(TableStyle(style))
    return table


def _fact_widths(report: Report, fonts: Fonts, cell: ParagraphStyle,
                 available: float) -> list[float]:
    """The labels as wide as the longest, the values the rest of the page: the journal's
    chain head (64 hexadecimal digits) stays on one line, whole, as `guichet journal
    verify` prints it, instead of being cut where the column ends."""
    padding = 2 * 6 + 2  # the table's cell padding, left and right, and a hair
    label = max(stringWidth(fonts.safe(name), cell.fontName, cell.fontSize)
                for name, _value in report.facts) + padding
    label = min(label, available / 2)
    return [label, available - label]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_report_pdf(report: Report, fonts: Fonts | None = None) -> bytes:
    fonts = fonts or load_fonts()
    title, heading, cell = _styles(fonts)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, invariant=True,
                            title=report.title, creator="Guichet")
    story: list = []
    if report.heading:
        story.append(Paragraph(_escape(fonts.safe(report.heading)), heading))
    story.append(Paragraph(_escape(fonts.safe(report.title)), title))
    if report.facts:
        story.append(_grid([list(f) for f in report.facts], fonts, cell, header=False,
                           right_from=1, widths=_fact_widths(report, fonts, cell, doc.width)))
    for table in report.tables:
        story.append(Paragraph(_escape(fonts.safe(table.title)), heading))
        if table.rows:
            story.append(_grid([list(table.header), *map(list, table.rows)], fonts, cell,
                               header=True, right_from=len(table.header) - 1))
        else:
            story.append(Paragraph("(aucun)", cell))
        story.append(Spacer(1, 2 * mm))
    doc.build(story)
    return buffer.getvalue()
