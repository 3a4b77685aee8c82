"""Printable documents as plain data: what to print, not how.

The core builds a ``Document`` (a receipt, later tickets and vouchers) from a
committed operation; a printer driver in ``pos.devices`` lays it out for its
paper width and its command language. Text here is final (amounts already
formatted), so the driver needs no business knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Heading:
    """A large, bold, centred line (venue name, document title)."""

    text: str


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    align: Align = "left"


@dataclass(frozen=True)
class Columns:
    """``left`` flush left and ``right`` flush right on one line (label and amount)."""

    left: str
    right: str
    bold: bool = False


@dataclass(frozen=True)
class Separator:
    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    """A CODE128 barcode of ``payload`` with its human-readable text."""

    payload: str


@dataclass(frozen=True)
class QRCode:
    payload: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


Block = Heading | Text | Columns | Separator | Barcode | QRCode | Feed


@dataclass(frozen=True)
class Document:
    """One printed document; ``kind`` names it in logs and print jobs ("receipt", ...)."""

    kind: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    cut: bool = True


_BLOCKS: dict[str, type] = {
    cls.__name__: cls for cls in (Heading, Text, Columns, Separator, Barcode, QRCode, Feed)
}


def to_json(document: Document) -> str:
    """The document as JSON, to be kept in a print job until it has printed."""
    import json

    # Blocks hold plain scalars only: their __dict__ is what dataclasses.asdict would
    # give, without its deep copy (a third of a refund's enqueueing).
    return json.dumps(
        {
            "kind": document.kind,
            "cut": document.cut,
            "blocks": [{"type": type(b).__name__, **vars(b)} for b in document.blocks],
        },
        ensure_ascii=False,
    )


def from_json(text: str) -> Document:
    import json

    data = json.loads(text)
    blocks = []
    for raw in data["blocks"]:
        fields = dict(raw)
        cls = _BLOCKS[fields.pop("type")]
        blocks.append(cls(**fields))
    return Document(kind=data["kind"], blocks=tuple(blocks), cut=data["cut"])
