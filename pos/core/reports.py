"""A report as plain data (a title, facts, tables of text): the receipt printer gets it
as a ``Document``, the PDF renderer (``pos.devices.report_pdf``) and the CSV writer lay
out the very same cells, so the paper, the file and the screen never disagree."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from pos.core.documents import Columns, Document, Feed, Heading, Separator, Text


@dataclass(frozen=True)
class Table:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Report:
    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value)
    tables: tuple[Table, ...]
    heading: str = ""  # the venue, printed above the title


def to_document(report: Report, kind: str) -> Document:
    """For the receipt printer: facts and rows as two columns (the last cell, an amount,
    on the right)."""
    blocks: list = [Heading(report.heading or "Guichet"),
                    Text(report.title, bold=True, align="center"), Separator()]
    blocks += [Columns(label, value) for label, value in report.facts]
    for table in report.tables:
        blocks += [Separator(), Text(table.title, bold=True)]
        if not table.rows:
            blocks.append(Text("(aucun)"))
        blocks += [Columns(" ".join(c for c in row[:-1] if c), row[-1]) for row in table.rows]
    blocks.append(Feed(2))
    return Document(kind=kind, blocks=tuple(blocks))


def to_csv(table: Table) -> str:
    """One table as CSV for a French spreadsheet: semicolons, UTF-8 with its BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return "\ufeff" + out.getvalue()


def to_text(report: Report) -> str:
    """For a terminal: the facts, then each table, one row a line."""
    width = max((len(label) for label, _ in report.facts), default=0)
    lines = [report.title, ""] + [f"{label:<{width}}  {value}" for label, value in report.facts]
    for table in report.tables:
        lines += ["", table.title, "  " + " | ".join(table.header)]
        lines += ["  " + " | ".join(row) for row in table.rows] or ["  (aucun)"]
    return "\n".join(lines) + "\n"
