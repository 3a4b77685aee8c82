"""DLE EOT replies to PrinterStatus: a pure function, tested on bytes."""

from __future__ import annotations

import pytest

from pos.devices.status import PrinterStatus, interpret_status

OK = b"\x12"


def replies(one=OK, two=OK, four=OK):
    return {1: one, 2: two, 4: four}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (replies(), PrinterStatus.READY),
        (replies(four=b"\x1e"), PrinterStatus.PAPER_LOW),
        (replies(one=b"\x1a", two=b"\x32"), PrinterStatus.PAPER_OUT),  # paper-end stop
        (replies(four=b"\x72"), PrinterStatus.PAPER_OUT),  # paper-end sensor alone
        (replies(one=b"\x1a", two=b"\x16"), PrinterStatus.COVER_OPEN),
        (replies(one=b"\x1a", two=b"\x36", four=b"\x7e"), PrinterStatus.COVER_OPEN),  # cover first
        (replies(one=b"\x1a", two=b"\x52"), PrinterStatus.OFFLINE),
        (replies(one=b"\x1a", four=b"\x1e"), PrinterStatus.OFFLINE),  # offline beats paper low
    ],
)
def test_states(given, expected):
    assert interpret_status(given) is expected


@pytest.mark.parametrize(
    "given",
    [
        {},
        {1: OK, 2: OK},  # no paper sensor reply: we know nothing about the paper
        replies(four=None),
        replies(one=b""),
        replies(two=b"\x12\x12"),  # two bytes for one request
        replies(one=b"\x00"),  # fixed bits 1 and 4 clear
        replies(four=b"\x13"),  # fixed bit 0 set
        replies(two=b"\x92"),  # fixed bit 7 set
        {**replies(), 3: b"\xff"},  # a malformed reply to 3 spoils the set
    ],
)
def test_missing_or_malformed_replies_are_unreachable_never_ready(given):
    assert interpret_status(given) is PrinterStatus.UNREACHABLE


def test_labels_for_the_status_bar():
    assert [s.label for s in PrinterStatus] == [
        "Imprimante : prête",
        "Imprimante : papier bientôt épuisé",
        "Imprimante : plus de papier",
        "Imprimante : capot ouvert",
        "Imprimante : hors ligne",
        "Imprimante : injoignable",
        "Imprimante : état inconnu",
    ]
    assert PrinterStatus.PAPER_LOW.can_print and not PrinterStatus.UNREACHABLE.can_print
