"""Fixtures for the device tests: real bytes over loopback TCP and pseudo-terminals."""

from __future__ import annotations

import pytest

from pos.core.documents import Barcode, Columns, Document, Heading, Separator, Text
from tests.support.fake_printer import FakeNetworkPrinter, FakeSerialPrinter


@pytest.fixture
def fake_network():
    with FakeNetworkPrinter() as fake:
        yield fake


@pytest.fixture
def fake_serial():
    with FakeSerialPrinter() as fake:
        yield fake


@pytest.fixture
def receipt() -> Document:
    return Document(
        kind="receipt",
        blocks=(
            Heading("Théâtre de la Ville"),
            Text("Remboursement n° 42", align="center"),
            Separator(),
            Columns("Orchestre plein tarif", "2\u202f420,00\u00a0€"),
            Columns("TOTAL", "2\u202f420,00\u00a0€", bold=True),
            Barcode("R-000042"),
        ),
    )
