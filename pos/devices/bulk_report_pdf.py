"""The PDF report of a cancelled performance's bulk refund (A4, French).

reportlab's platypus lays it out: a ``LongTable`` with its header row repeated on every
page, so ten thousand orders paginate without hand-made page breaks; the fonts are the
ones ``pos.devices.pdf`` registers (DejaVu Sans, else Vera: €, accents)."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from pos.core.bulk_report import BulkReport
from pos.devices.pdf import load_fonts
from pos.formatting import money, performance_date, timestamp


def render_bulk_report(report: BulkReport) -> bytes:
    fonts = load_fonts()
    safe = fonts.safe
    title = ParagraphStyle("title", fontName=fonts.bold, fontSize=14, leading=18)
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=12)
    story: list = [
        Paragraph(safe(f"{report.venue} - Séance annulée, remboursement en masse"), title),
        Paragraph(safe(f"{report.event} - {performance_date(report.starts_at)}"), body),
        Paragraph(safe(f"Annulée le {timestamp(report.cancelled_at)} par "
                       f"{report.cancelled_by}. Politique : {report.policy}."), body),
        Paragraph(safe(f"{len(report.refunded)} dossiers, {report.tickets} billets "
                       f"remboursés, {money(report.total)} ; {len(report.refused)} dossiers "
                       f"refusés ; {report.still_valid} billets encore valides. "
                       f"{report.runs} passage(s)"
                       + (", interrompu." if report.stopped else ".")), body),
        Paragraph(safe(f"Édité le {timestamp(report.generated_at)}."), body),
        *(Paragraph(safe(note), body) for note in report.notes),
        Spacer(1, 4 * mm),
    ]
    rows = [["Dossier", "Contact", "Billets", "Remboursé", "Modes", "Ordre"]]
    rows += [[str(o.order_number), safe(o.contact[:40]), str(o.tickets), safe(money(o.refunded)),
              safe(o.modes[:48]), safe(o.operation)] for o in report.refunded]
    story.append(_table(rows, fonts.regular, fonts.bold))
    if report.refused:
        story += [Spacer(1, 4 * mm), Paragraph("Dossiers refusés", title)]
        refused = [["Dossier", "Contact", "Billets", "Motif"]]
        refused += [[str(o.order_number), safe(o.contact[:40]), str(o.tickets),
                     Paragraph(safe(o.reason), body)] for o in report.refused]
        story.append(_table(refused, fonts.regular, fonts.bold))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm,
                      topMargin=12 * mm, bottomMargin=12 * mm,
                      title="Remboursement en masse", author="Guichet").build(story)
    return out.getvalue()


def _table(rows: list[list], regular: str, bold: str) -> LongTable:
    table = LongTable(rows, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 8),
        ("FONT", (0, 0), (-1, 0), bold, 8),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f0f0f0")]),
        ("ALIGN", (2, 1), (3, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table
