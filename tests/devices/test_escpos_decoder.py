"""The test decoder itself: strict, and right about code tables."""

from __future__ import annotations

import pytest

from tests.support.escpos_decoder import (
    CodePage,
    Cut,
    DrawerPulse,
    Init,
    StatusRequest,
    TextLine,
    TruncatedCommand,
    UnknownCommand,
    decode,
    text_lines,
)


def test_same_byte_reads_per_active_table():
    # 0xD5 is '€' in CP858 (table 19) but '╒' in CP437 (table 0, the power-on table).
    assert text_lines(decode(b"\xd5\n\x1bt\x13\xd5\n\x1b@\xd5\n")) == ["╒", "€", "╒"]


def test_style_is_folded_into_lines():
    data = b"\x1b@\x1bE\x01\x1ba\x01\x1d!\x11Titre\n\x1bE\x00\x1ba\x02\x1d!\x00fin\n"
    assert decode(data) == [
        Init(),
        TextLine("Titre", bold=True, align="center", double=True),
        TextLine("fin", bold=False, align="right", double=False),
    ]


def test_drawer_cut_and_status_commands():
    data = b"\x1dV\x00\x1dVB\x05\x1bp\x31\x19\xfa\x10\x04\x04"
    assert decode(data) == [
        Cut(partial=False),
        Cut(partial=True),
        DrawerPulse(pin=5, on_ms=50, off_ms=500),
        StatusRequest(4),
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"\x07",  # BEL
        b"abc\rdef\n",  # CR is not something we send
        b"\x1bJ\x10",  # ESC J: feed by dots
        b"\x1bt\x63",  # ESC t 99: a table the decoder does not know
        b"\x1d(k\x03\x000E0",  # GS ( k for PDF417 (cn = '0')
        b"\x1dk\x49\x03ABC",  # CODE128 without its code-set prefix
        b"\x10\x05\x01",  # DLE ENQ
    ],
)
def test_unknown_commands_raise(data):
    with pytest.raises(UnknownCommand):
        decode(data)


@pytest.mark.parametrize("data", [b"\x1b", b"\x1bp\x00\x19", b"\x1dv0\x00\x02\x00\x02\x00\xff"])
def test_truncated_commands_raise(data):
    with pytest.raises(TruncatedCommand):
        decode(data)


def test_code_page_event():
    assert decode(b"\x1bt\x13") == [CodePage(19)]
